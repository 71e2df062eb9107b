package fr.zlv.ownerportal.web;

import fr.zlv.ownerportal.AnswerChoices;
import fr.zlv.ownerportal.OwnerPortal;
import fr.zlv.ownerportal.PortalTarget;
import fr.zlv.ownerportal.WithdrawalOutcome;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's withdrawal of consent, reached from the answer page once the letter's code is checked (the
 * code's id is in the session, as for answering): {@code GET /proprietaire/consentement/retrait} asks for
 * confirmation, the {@code POST} erases the contact details, then {@code /proprietaire/consentement/retire}
 * says it is done. Two path segments, so that no access code can be taken for these addresses.
 */
@Controller
class OwnerConsentController {

    private final OwnerPortal portal;

    OwnerConsentController(OwnerPortal portal) {
        this.portal = portal;
    }

    /** The privacy text, shown on the code page an expired code sends back to. */
    @ModelAttribute("retentionYears")
    int retentionYears() {
        return AnswerChoices.CONTACT_RETENTION_YEARS;
    }

    @GetMapping("/proprietaire/consentement/retrait")
    String confirm(HttpSession session, Model model) {
        Optional<PortalTarget> target = target(session);
        if (target.isEmpty()) {
            return "redirect:/proprietaire";
        }
        model.addAttribute("establishmentName", target.get().establishmentName());
        model.addAttribute("address", target.get().housingAddress());
        model.addAttribute("consentState", portal.consentState(target.get().codeId()));
        return "ownerportal/consent-withdraw";
    }

    @PostMapping("/proprietaire/consentement/retrait")
    String withdraw(HttpSession session, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!(session.getAttribute(OwnerPortalController.SESSION_CODE) instanceof Long codeId)) {
            return "redirect:/proprietaire";
        }
        String establishmentName = portal.target(codeId).map(PortalTarget::establishmentName).orElse(null);
        return switch (portal.withdrawConsent(codeId)) {
            case WithdrawalOutcome.Gone ignored -> {
                // the code expired since it was typed: the very words and status of a wrong code
                session.removeAttribute(OwnerPortalController.SESSION_CODE);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("code", "");
                model.addAttribute("codeError", OwnerPortalController.CODE_REFUSED);
                yield "ownerportal/code";
            }
            case WithdrawalOutcome.TooManyWithdrawals ignored -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("reason", "retrait");
                yield "ownerportal/too-many";
            }
            case WithdrawalOutcome.Withdrawn withdrawn -> {
                // as after an answer: the next person on a shared device starts from the code again
                session.removeAttribute(OwnerPortalController.SESSION_CODE);
                redirect.addFlashAttribute("establishmentName", establishmentName);
                redirect.addFlashAttribute("withdrawnOn", withdrawn.withdrawnOn());
                yield "redirect:/proprietaire/consentement/retire";
            }
        };
    }

    @GetMapping("/proprietaire/consentement/retire")
    String withdrawn(Model model) {
        if (!model.containsAttribute("establishmentName")) {
            return "redirect:/proprietaire";
        }
        return "ownerportal/consent-withdrawn";
    }

    private Optional<PortalTarget> target(HttpSession session) {
        return session.getAttribute(OwnerPortalController.SESSION_CODE) instanceof Long codeId ? portal.target(codeId)
                : Optional.empty();
    }
}
