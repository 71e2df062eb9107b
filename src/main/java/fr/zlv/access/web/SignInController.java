package fr.zlv.access.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles its POST (see SecurityConfiguration). */
@Controller
class SignInController {

    @GetMapping("/connexion")
    String signIn(@RequestParam(name = "erreur", required = false) String error,
                  @RequestParam(name = "deconnexion", required = false) String signedOut,
                  @RequestParam(name = "motDePasseModifie", required = false) String passwordChanged,
                  @RequestParam(name = "compteCree", required = false) String accountCreated,
                  Model model) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("error", error == null ? null : switch (error) {
            case "verrouille" -> "Après 5 tentatives infructueuses, votre compte est verrouillé pendant 15 minutes. "
                    + "Réessayez plus tard ou réinitialisez votre mot de passe.";
            case "suspendu" -> "Votre compte est suspendu. Contactez votre administrateur.";
            default -> "Adresse électronique ou mot de passe incorrect.";
        });
        model.addAttribute("info", signedOut != null ? "Vous êtes déconnecté(e)."
                : passwordChanged != null ? "Votre mot de passe a été modifié. Vous pouvez vous connecter."
                : accountCreated != null ? "Votre compte est créé. Vous pouvez vous connecter." : null);
        return "access/sign-in";
    }
}
