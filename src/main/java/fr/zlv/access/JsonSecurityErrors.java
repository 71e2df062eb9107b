package fr.zlv.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** API answers to missing credentials (401) and refusals (403): JSON, never a redirect to the sign-in page. */
final class JsonSecurityErrors {

    static final String UNAUTHENTICATED = "Authentification requise : connectez-vous ou fournissez un jeton d'API (Authorization: Bearer …).";
    static final String INVALID_TOKEN = "Jeton d'API invalide, révoqué ou dont l'utilisateur est suspendu.";
    static final String FORBIDDEN = "Accès refusé.";

    private JsonSecurityErrors() {
    }

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
    }

    static AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
