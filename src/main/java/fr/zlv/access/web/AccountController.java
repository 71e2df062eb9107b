package fr.zlv.access.web;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.AccessManagement;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.CreatedApiToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** "Mon compte": profile, memberships, API tokens; and the header's establishment switch. */
@Controller
class AccountController {

    record TokenForm(String name, Long establishmentId) {
    }

    private final AccessManagement access;
    private final ApiTokenManagement tokens;

    AccountController(AccessManagement access, ApiTokenManagement tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @GetMapping("/compte")
    String account(@RequestParam(name = "jetonRevoque", required = false) String revoked, Model model) {
        fill(model, new TokenForm("", null));
        if (revoked != null) {
            model.addAttribute("info", "Le jeton est révoqué : il ne permet plus d'appeler l'API.");
        }
        return "access/account";
    }

    /** The secret is rendered once, in this response, and never stored in clear. */
    @PostMapping("/compte/jetons")
    String createToken(TokenForm form, Model model, HttpServletResponse response) {
        try {
            CreatedApiToken created = tokens.create(form.name(), form.establishmentId());
            model.addAttribute("createdToken", created);
            fill(model, new TokenForm("", null));
        } catch (AccessInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            fill(model, form);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        response.setHeader("Cache-Control", "no-store");
        return "access/account";
    }

    /** Another user's token is answered like an unknown one: 404, nothing revealed. */
    @PostMapping("/compte/jetons/{id}/revocation")
    String revokeToken(@PathVariable long id) {
        try {
            tokens.revoke(id);
        } catch (AccessInputException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/compte?jetonRevoque";
    }

    /** Back to the page the switch was made from (same site only), else home. */
    @PostMapping("/compte/etablissement")
    String switchEstablishment(@RequestParam long establishmentId, HttpServletRequest request) {
        access.switchEstablishment(establishmentId);
        return "redirect:" + sameSitePath(request.getHeader("Referer"), request);
    }

    private void fill(Model model, TokenForm form) {
        model.addAttribute("me", access.me().orElseThrow());
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("establishments", access.myEstablishments());
        model.addAttribute("tokenForm", form);
    }

    static String sameSitePath(String referer, HttpServletRequest request) {
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!sameHost || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
