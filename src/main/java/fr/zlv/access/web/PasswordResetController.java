package fr.zlv.access.web;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.InvalidLinkException;
import fr.zlv.access.UserManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Mot de passe oublié": ask for a link by mail, then choose a new password with it (24 h, once). */
@Controller
class PasswordResetController {

    record ForgotForm(String email) {
    }

    record NewPasswordForm(String password, String confirmation) {
    }

    private final UserManagement users;

    PasswordResetController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/mot-de-passe/oubli")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "access/password-forgot";
    }

    @PostMapping("/mot-de-passe/oubli")
    String forgot(@ModelAttribute("form") ForgotForm form, Model model, HttpServletResponse response) {
        try {
            users.requestPasswordReset(form.email());
        } catch (AccessInputException e) {
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/password-forgot";
        }
        return "access/password-forgot-sent";
    }

    @GetMapping("/mot-de-passe/nouveau/{token}")
    String newPasswordForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!users.resetLinkValid(token)) {
            return LinkPages.invalid(model, response, "Lien de réinitialisation expiré",
                    "Ce lien de réinitialisation n'est plus valable (il a expiré ou a déjà servi). Faites une nouvelle demande.",
                    "/mot-de-passe/oubli", "Demander un nouveau lien");
        }
        model.addAttribute("token", token);
        return "access/password-new";
    }

    @PostMapping("/mot-de-passe/nouveau/{token}")
    String newPassword(@PathVariable String token, NewPasswordForm form, Model model, HttpServletResponse response) {
        try {
            users.resetPassword(token, form.password(), form.confirmation());
            return "redirect:/connexion?motDePasseModifie";
        } catch (InvalidLinkException e) {
            return LinkPages.invalid(model, response, "Lien de réinitialisation expiré", e.getMessage(),
                    "/mot-de-passe/oubli", "Demander un nouveau lien");
        } catch (AccessInputException e) {
            model.addAttribute("token", token);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "access/password-new";
        }
    }
}
