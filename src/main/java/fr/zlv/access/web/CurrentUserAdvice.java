package fr.zlv.access.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.CurrentUserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in user ({@code currentUser}, null when anonymous) for the layout's header. */
@ControllerAdvice
class CurrentUserAdvice {

    private final AccessManagement access;

    CurrentUserAdvice(AccessManagement access) {
        this.access = access;
    }

    @ModelAttribute("currentUser")
    CurrentUserView currentUser(HttpServletRequest request) {
        // JSON endpoints render no layout: spare them the query
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return access.currentUser().orElse(null);
    }
}
