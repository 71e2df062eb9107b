package fr.zlv.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose user was suspended, deleted or given another role since it signed
 * in: the session holds the role of the sign-in, the database holds the truth.
 */
class AccountStatusFilter extends OncePerRequestFilter {

    private final UserRepository users;

    AccountStatusFilter(UserRepository users) {
        this.users = users;
    }

    /** Static files need no fresh look at the account (and would cost a query each). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/dsfr/")
                || path.startsWith("/fonts/") || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccessPrincipal principal && !principal.viaToken()) {
            boolean stillValid = users.findById(principal.userId())
                    .filter(user -> !user.suspended() && user.role() == principal.role())
                    .isPresent();
            if (!stillValid) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
