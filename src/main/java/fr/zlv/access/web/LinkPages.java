package fr.zlv.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The page shown for an invitation or reset link that is unknown, expired or used (410 Gone: nothing changes). */
final class LinkPages {

    private LinkPages() {
    }

    static String invalid(Model model, HttpServletResponse response, String title, String message, String nextUrl, String nextLabel) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("heading", title);
        model.addAttribute("message", message);
        model.addAttribute("nextUrl", nextUrl);
        model.addAttribute("nextLabel", nextLabel);
        return "access/link-invalid";
    }
}
