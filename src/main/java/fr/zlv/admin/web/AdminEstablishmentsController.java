package fr.zlv.admin.web;

import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import fr.zlv.territory.EstablishmentPage;
import fr.zlv.territory.InvalidEstablishmentException;
import fr.zlv.territory.ReferenceCandidate;
import fr.zlv.territory.ReferenceGeography;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admin pages of establishments: list and search, creation from the reference geography (search,
 * then confirm), detail with the perimeter, activation and deactivation (confirm, then post).
 */
@Controller
@RequestMapping("/admin/etablissements")
class AdminEstablishmentsController {

    static final int PER_PAGE = 50;
    /** The detail page lists at most this many communes (a région has thousands); the count is always exact. */
    static final int LISTED_COMMUNES = 300;

    /** Alphabetical order as French readers expect it (É with E, not after Z). */
    private static final Collator FRENCH = Collator.getInstance(Locale.FRANCE);

    private final EstablishmentManagement establishments;
    private final ReferenceGeography geography;

    AdminEstablishmentsController(EstablishmentManagement establishments, ReferenceGeography geography) {
        this.establishments = establishments;
        this.geography = geography;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        EstablishmentPage result = establishments.search(q, page, PER_PAGE);
        model.addAttribute("q", q.strip());
        model.addAttribute("result", result);
        model.addAttribute("pagination", Pagination.of(result.page(), PER_PAGE, result.total(),
                n -> UriComponentsBuilder.fromPath("/admin/etablissements").queryParamIfPresent("q",
                        q.isBlank() ? Optional.empty() : Optional.of(q.strip())).queryParam("page", n).build().encode().toUriString()));
        return "admin/establishments/list";
    }

    @GetMapping("/nouveau")
    String searchReference(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("candidates", q.isBlank() ? List.of() : establishments.searchReference(q));
        return "admin/establishments/new";
    }

    @GetMapping("/nouveau/confirmation")
    String confirmCreation(@RequestParam String reference, Model model) {
        model.addAttribute("candidate", candidate(reference));
        return "admin/establishments/confirm-new";
    }

    @PostMapping
    String create(@RequestParam String reference, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Establishment created = establishments.createFromReference(reference);
            redirect.addFlashAttribute("success", "L’établissement « " + created.name() + " » est créé.");
            return "redirect:/admin/etablissements/" + created.id();
        } catch (InvalidEstablishmentException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("q", reference.strip());
            model.addAttribute("candidates", List.of());
            model.addAttribute("error", refused.getMessage());
            return "admin/establishments/new";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Establishment establishment = find(id);
        List<CommuneLine> communes = perimeterLines(id);
        model.addAttribute("establishment", establishment);
        model.addAttribute("communes", communes);
        model.addAttribute("listedAll", communes.size() == establishment.communeCount());
        return "admin/establishments/detail";
    }

    @GetMapping("/{id}/activation")
    String confirmActivation(@PathVariable long id, Model model) {
        model.addAttribute("establishment", find(id));
        return "admin/establishments/confirm-activation";
    }

    @PostMapping("/{id}/activation")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        find(id);
        Establishment changed = establishments.setActive(id, active);
        redirect.addFlashAttribute("success", "L’établissement « " + changed.name() + " » est "
                + (changed.active() ? "activé." : "désactivé."));
        return "redirect:/admin/etablissements/" + id;
    }

    private Establishment find(long id) {
        return establishments.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The candidate the admin picked, found again by its reference so that the confirmation shows real data. */
    private ReferenceCandidate candidate(String reference) {
        String wanted = reference == null ? "" : reference.strip();
        return establishments.searchReference(wanted).stream()
                .filter(c -> c.reference().equalsIgnoreCase(wanted) || wanted.equals(c.code()))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<CommuneLine> perimeterLines(long id) {
        NumberFormat integers = NumberFormat.getIntegerInstance(Locale.FRANCE);
        return establishments.perimeter(id).stream().sorted().limit(LISTED_COMMUNES)
                .map(code -> geography.resolveCommune(code)
                        .map(c -> new CommuneLine(c.code(), c.name(), c.departement(),
                                c.population() == null ? "" : integers.format(c.population())))
                        .orElse(new CommuneLine(code, "", "", "")))
                .sorted(Comparator.comparing(CommuneLine::name, FRENCH).thenComparing(CommuneLine::code))
                .toList();
    }
}
