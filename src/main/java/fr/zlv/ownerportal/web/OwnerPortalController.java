package fr.zlv.ownerportal.web;

import fr.zlv.ownerportal.AnswerChoices;
import fr.zlv.ownerportal.AnswerForm;
import fr.zlv.ownerportal.CodeCheck;
import fr.zlv.ownerportal.OwnerPortal;
import fr.zlv.ownerportal.PortalTarget;
import fr.zlv.ownerportal.SubmitOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public answer page, no account: {@code /proprietaire} (type the code), {@code /proprietaire/{code}}
 * (the letter's QR code), then {@code /proprietaire/reponse} (which also leads to the withdrawal of consent,
 * {@link OwnerConsentController}). Once checked, only the code's id is kept,
 * in the session, so that the code itself is not repeated in addresses and logs. A wrong and an expired
 * code get the very same page and status.
 */
@Controller
class OwnerPortalController {

    /** Session attribute: id of the access code the owner typed, once checked. */
    static final String SESSION_CODE = "zlv.ownerportal.codeId";

    static final String CODE_REFUSED = "Ce code n'est pas valide ou n'est plus valable. Vérifiez le code imprimé sur le courrier "
            + "(12 caractères, par exemple ABCD-EFGH-JKMN) ; s'il est bien recopié, contactez la collectivité qui vous a écrit.";

    /** Where the error summary's links lead: the first control of each question. */
    private static final Map<String, String> ANCHORS = Map.of(
            "vacant", "vacant-oui", "usage", "usage-" + AnswerChoices.CURRENT_USES.getFirst().code(),
            "intention", "intention-" + AnswerChoices.INTENTIONS.getFirst().code(), "blocages", "blocage-0-0",
            "telephone", "telephone", "courriel", "courriel", "consentement", "consentement", "commentaire", "commentaire");

    private final OwnerPortal portal;

    OwnerPortalController(OwnerPortal portal) {
        this.portal = portal;
    }

    /** Stated on every page before the owner answers (one constant, also applied by the cleanup job). */
    @ModelAttribute("retentionYears")
    int retentionYears() {
        return AnswerChoices.CONTACT_RETENTION_YEARS;
    }

    @GetMapping("/proprietaire")
    String start(Model model) {
        model.addAttribute("code", "");
        return "ownerportal/code";
    }

    /** The QR code's address: the code is checked at once, then the owner goes on without it in the address. */
    @GetMapping("/proprietaire/{code}")
    String fromLetter(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        return check(code, request, response, model);
    }

    @PostMapping("/proprietaire")
    String typed(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        return check(code, request, response, model);
    }

    @GetMapping("/proprietaire/reponse")
    String form(HttpSession session, Model model) {
        Optional<PortalTarget> target = target(session);
        if (target.isEmpty()) {
            return "redirect:/proprietaire";
        }
        return form(model, target.get(), AnswerForm.empty(), Map.of());
    }

    @PostMapping("/proprietaire/reponse")
    String answer(@RequestParam(name = "vacant", required = false) String stillVacant,
                  @RequestParam(name = "usage", required = false) String currentUse,
                  @RequestParam(required = false) String intention,
                  @RequestParam(name = "blocages", required = false) List<String> blockers,
                  @RequestParam(name = "telephone", required = false) String phone,
                  @RequestParam(name = "courriel", required = false) String email,
                  @RequestParam(name = "consentement", defaultValue = "false") boolean consent,
                  @RequestParam(name = "commentaire", required = false) String comment,
                  HttpSession session, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Object codeId = session.getAttribute(SESSION_CODE);
        Optional<PortalTarget> target = target(session);
        if (target.isEmpty()) {
            return "redirect:/proprietaire";
        }
        AnswerForm form = new AnswerForm(stillVacant, currentUse, intention, blockers, phone, email, consent, comment);
        SubmitOutcome outcome = portal.submit((Long) codeId, form);
        return switch (outcome) {
            case SubmitOutcome.Invalid invalid -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                yield form(model, target.get(), form, invalid.errors());
            }
            case SubmitOutcome.TooManyAnswers ignored -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("reason", "code");
                yield "ownerportal/too-many";
            }
            case SubmitOutcome.Gone ignored -> {
                session.removeAttribute(SESSION_CODE);
                yield "redirect:/proprietaire";
            }
            case SubmitOutcome.Saved ignored -> {
                // a shared device must not let the next person read or change this answer
                session.removeAttribute(SESSION_CODE);
                redirect.addFlashAttribute("establishmentName", target.get().establishmentName());
                yield "redirect:/proprietaire/merci";
            }
        };
    }

    @GetMapping("/proprietaire/merci")
    String thanks(Model model) {
        if (!model.containsAttribute("establishmentName")) {
            return "redirect:/proprietaire";
        }
        return "ownerportal/thanks";
    }

    private String check(String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        CodeCheck check = portal.check(code, request.getRemoteAddr());
        return switch (check) {
            case CodeCheck.Granted granted -> {
                // a new session id once the code is known: an id seen before the code cannot be reused
                request.getSession(true);
                request.changeSessionId();
                request.getSession().setAttribute(SESSION_CODE, granted.target().codeId());
                yield "redirect:/proprietaire/reponse";
            }
            case CodeCheck.Refused ignored -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("code", code == null ? "" : code.strip());
                model.addAttribute("codeError", CODE_REFUSED);
                yield "ownerportal/code";
            }
            case CodeCheck.TooManyAttempts ignored -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("reason", "address");
                yield "ownerportal/too-many";
            }
        };
    }

    private Optional<PortalTarget> target(HttpSession session) {
        return session.getAttribute(SESSION_CODE) instanceof Long codeId ? portal.target(codeId) : Optional.empty();
    }

    private String form(Model model, PortalTarget target, AnswerForm form, Map<String, String> errors) {
        model.addAttribute("establishmentName", target.establishmentName());
        model.addAttribute("address", target.housingAddress());
        model.addAttribute("consentState", portal.consentState(target.codeId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("anchors", ANCHORS);
        model.addAttribute("currentUses", AnswerChoices.CURRENT_USES);
        model.addAttribute("intentions", AnswerChoices.INTENTIONS);
        model.addAttribute("blockerGroups", AnswerChoices.BLOCKERS);
        model.addAttribute("commentMax", AnswerChoices.COMMENT_MAX);
        return "ownerportal/answer";
    }
}
