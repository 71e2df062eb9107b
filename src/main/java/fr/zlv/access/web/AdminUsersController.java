package fr.zlv.access.web;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Admin pages of users: list and search, invite into an establishment, suspend, narrow a perimeter. */
@Controller
class AdminUsersController {

    /** @param establishment SIREN, INSEE code or name of the establishment; establishmentId when chosen from a link */
    record InviteForm(String email, String establishment, Long establishmentId, String role) {
    }

    record PerimeterForm(Long establishmentId, String communes) {
    }

    private final UserManagement users;
    private final EstablishmentManagement establishments;

    AdminUsersController(UserManagement users, EstablishmentManagement establishments) {
        this.users = users;
        this.establishments = establishments;
    }

    @GetMapping("/admin/utilisateurs")
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "structure", required = false) Long establishmentId,
                @RequestParam(name = "invitation", required = false) String invitation,
                Model model) {
        String preset = establishmentId == null ? "" : establishments.find(establishmentId).map(this::label).orElse("");
        fillList(model, query, new InviteForm("", preset, null, Role.USUAL.name()));
        if ("envoyee".equals(invitation)) {
            model.addAttribute("info", "L'invitation est envoyée : le lien est valable 7 jours.");
        } else if ("membre".equals(invitation)) {
            model.addAttribute("info", "Cette personne avait déjà un compte : elle a été ajoutée à la structure et prévenue par courriel.");
        }
        return "access/admin-users";
    }

    @PostMapping("/admin/utilisateurs/invitation")
    String invite(InviteForm form, Model model, HttpServletResponse response) {
        try {
            Role role = Role.parse(form.role()).orElseThrow(() -> new AccessInputException("role", "Choisissez un rôle."));
            long establishmentId = form.establishmentId() != null ? form.establishmentId() : resolve(form.establishment()).id();
            var outcome = users.invite(form.email(), establishmentId, role);
            return "redirect:/admin/utilisateurs?invitation="
                    + (outcome == UserManagement.InvitationOutcome.INVITED ? "envoyee" : "membre");
        } catch (AccessInputException e) {
            fillList(model, null, form);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/admin-users";
        }
    }

    @GetMapping("/admin/utilisateurs/{id}")
    String detail(@PathVariable long id, @RequestParam(name = "ok", required = false) String ok, Model model) {
        fillDetail(model, id);
        if (ok != null) {
            model.addAttribute("info", switch (ok) {
                case "suspendu" -> "Le compte est suspendu : il ne peut plus se connecter ni utiliser ses jetons d'API.";
                case "reactive" -> "Le compte est réactivé.";
                default -> "Le périmètre est enregistré.";
            });
        }
        return "access/admin-user";
    }

    @PostMapping("/admin/utilisateurs/{id}/suspension")
    String suspend(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            users.suspend(id);
            return "redirect:/admin/utilisateurs/" + id + "?ok=suspendu";
        } catch (AccessInputException e) {
            fillDetail(model, id);
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/admin-user";
        }
    }

    @PostMapping("/admin/utilisateurs/{id}/reactivation")
    String reactivate(@PathVariable long id) {
        users.reactivate(id);
        return "redirect:/admin/utilisateurs/" + id + "?ok=reactive";
    }

    /** Communes separated by commas, spaces or new lines; empty gives back the whole establishment. */
    @PostMapping("/admin/utilisateurs/{id}/perimetre")
    String narrow(@PathVariable long id, PerimeterForm form, Model model, HttpServletResponse response) {
        try {
            if (form.establishmentId() == null) {
                throw new AccessInputException("establishmentId", "Choisissez la structure.");
            }
            List<String> codes = form.communes() == null ? List.of()
                    : Arrays.stream(form.communes().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            users.narrowPerimeter(id, form.establishmentId(), codes);
            return "redirect:/admin/utilisateurs/" + id + "?ok=perimetre";
        } catch (AccessInputException e) {
            fillDetail(model, id);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorEstablishmentId", form.establishmentId());
            model.addAttribute("errorCommunes", form.communes());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/admin-user";
        }
    }

    private Establishment resolve(String text) {
        if (text == null || text.isBlank()) {
            throw new AccessInputException("establishment", "Indiquez la structure (SIREN, code INSEE ou nom).");
        }
        // the field shows "Name (SIREN)" when prefilled from an establishment page
        String query = text.strip();
        var siren = java.util.regex.Pattern.compile("\\((\\d{9})\\)$").matcher(query);
        if (siren.find()) {
            query = siren.group(1);
        }
        var page = establishments.search(query, 1, 5);
        if (page.total() == 0) {
            throw new AccessInputException("establishment", "Aucune structure ne correspond à « " + text.strip()
                    + " ». Créez-la d'abord depuis la page Établissements.");
        }
        if (page.total() > 1) {
            throw new AccessInputException("establishment", page.total() + " structures correspondent à « " + text.strip()
                    + " » : précisez avec le SIREN ou le code INSEE.");
        }
        return page.items().getFirst();
    }

    private String label(Establishment e) {
        return e.siren() == null ? e.name() : e.name() + " (" + e.siren() + ")";
    }

    private void fillList(Model model, String query, InviteForm form) {
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("users", users.search(query));
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
    }

    private void fillDetail(Model model, long id) {
        model.addAttribute("account", users.find(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "Utilisateur introuvable.")));
    }
}
