package fr.zlv.shared.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Role names and the system identity used by jobs and command-line runs. */
public final class Roles {

    public static final String SYSTEM = "SYSTEM";

    private Roles() {
    }

    /** Runs the given work as the system (national scope, every permission), then restores the caller. */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(systemAuthentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static Authentication systemAuthentication() {
        return UsernamePasswordAuthenticationToken.authenticated("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + SYSTEM)));
    }
}
