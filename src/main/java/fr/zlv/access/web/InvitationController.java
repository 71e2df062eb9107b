package fr.zlv.access.web;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.InvalidLinkException;
import fr.zlv.access.InvitationView;
import fr.zlv.access.UserManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Account creation from an invitation link (valid 7 days, once). */
@Controller
class InvitationController {

    record AccountForm(String firstName, String lastName, String password, String confirmation) {
    }

    private final UserManagement users;

    InvitationController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/invitation/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        var invitation = users.findInvitation(token);
        if (invitation.isEmpty()) {
            return expired(model, response, null);
        }
        fill(model, token, invitation.get(), new AccountForm("", "", "", ""));
        return "access/invitation";
    }

    @PostMapping("/invitation/{token}")
    String create(@PathVariable String token, AccountForm form, Model model, HttpServletResponse response) {
        try {
            users.acceptInvitation(token, form.firstName(), form.lastName(), form.password(), form.confirmation());
            return "redirect:/connexion?compteCree";
        } catch (InvalidLinkException e) {
            return expired(model, response, e.getMessage());
        } catch (AccessInputException e) {
            var invitation = users.findInvitation(token);
            if (invitation.isEmpty()) {
                return expired(model, response, null);
            }
            fill(model, token, invitation.get(), new AccountForm(form.firstName(), form.lastName(), "", ""));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/invitation";
        }
    }

    private static void fill(Model model, String token, InvitationView invitation, AccountForm form) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", form);
    }

    private static String expired(Model model, HttpServletResponse response, String message) {
        return LinkPages.invalid(model, response, "Invitation expirée", message != null ? message
                        : "Ce lien d'invitation n'est plus valable (il a expiré ou a déjà servi). Demandez une nouvelle invitation à votre administrateur.",
                "/connexion", "Aller à la page de connexion");
    }
}
