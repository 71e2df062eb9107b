package fr.zlv.home.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.CurrentUserView;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.ReferenceGeography;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's home page: its active territory from real reference data. */
@Controller
class HomeController {

    private final AccessManagement access;
    private final ReferenceGeography geography;

    HomeController(AccessManagement access, ReferenceGeography geography) {
        this.access = access;
        this.geography = geography;
    }

    @GetMapping("/")
    String home(Model model) {
        var scope = access.currentScope();
        var establishment = access.actingEstablishment();
        if (scope.national()) {
            String role = access.currentUser().map(CurrentUserView::role).orElse("");
            String why = "ADMIN".equals(role)
                    ? "Vous êtes administrateur : vous voyez tous les territoires."
                    : "Votre rôle vous donne accès, en lecture, à tous les territoires.";
            model.addAttribute("view", HomeView.of("France entière", why, true, geography.summarize(scope)));
            model.addAttribute("activeEstablishment", establishment.map(Establishment::name).orElse(null));
            return "home";
        }
        if (establishment.isEmpty()) {
            model.addAttribute("view", null);
            return "home";
        }
        Establishment active = establishment.get();
        model.addAttribute("view", HomeView.of(active.name(), active.kind().label(), false, geography.summarize(scope)));
        model.addAttribute("narrowed", scope.communeCodes().size() < active.communeCount());
        return "home";
    }
}
