package fr.zlv.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The legal pages a public online service must publish; open to everyone (security chain). */
@Controller
class LegalController {

    @GetMapping("/mentions-legales")
    String legalNotice() {
        return "legal/mentions-legales";
    }

    @GetMapping("/donnees-personnelles")
    String personalData() {
        return "legal/donnees-personnelles";
    }

    @GetMapping("/accessibilite")
    String accessibility() {
        return "legal/accessibilite";
    }
}
