package fr.zlv.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on /api/v1 for this request only (nothing
 * stored in a session). A bad token is refused at once, even when a session exists.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenRepository tokens;

    BearerTokenFilter(TokenRepository tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(PREFIX.length()).trim();
        var caller = secret.isEmpty() ? java.util.Optional.<TokenRepository.TokenCaller>empty() : tokens.authenticate(Secrets.hash(secret));
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            JsonSecurityErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, JsonSecurityErrors.INVALID_TOKEN);
            return;
        }
        var c = caller.get();
        var principal = new AccessPrincipal(c.userId(), c.email(), c.role(), c.tokenId(), c.establishmentId());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + c.role().name()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
