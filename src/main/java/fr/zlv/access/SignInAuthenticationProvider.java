package fr.zlv.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email + password sign-in. Five wrong passwords in a row lock the account for 15 minutes; while
 * locked, the password is not even checked. Suspension is told only after a right password, so
 * the form does not reveal which accounts exist.
 */
@Component
class SignInAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final int LOCK_MINUTES = 15;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    /** Checked against for unknown emails, so that they take as long as known ones. */
    private final String dummyHash;

    SignInAuthenticationProvider(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<UserAccount> found = email.isEmpty() ? Optional.empty() : users.findByEmail(email);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException("Adresse électronique ou mot de passe incorrect.");
        }
        UserAccount user = found.get();
        if (user.lockedAt(OffsetDateTime.now())) {
            throw new LockedException(lockedMessage());
        }
        if (!encoder.matches(password, user.passwordHash())) {
            if (users.recordFailure(user.id(), MAX_FAILURES, LOCK_MINUTES)) {
                throw new LockedException(lockedMessage());
            }
            throw new BadCredentialsException("Adresse électronique ou mot de passe incorrect.");
        }
        if (user.suspended()) {
            throw new DisabledException("Votre compte est suspendu. Contactez votre administrateur.");
        }
        users.recordSuccess(user.id());
        if (encoder.upgradeEncoding(user.passwordHash())) {
            users.setPassword(user.id(), encoder.encode(password));
        }
        return UsernamePasswordAuthenticationToken.authenticated(AccessPrincipal.ofSession(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    static String lockedMessage() {
        return "Après " + MAX_FAILURES + " tentatives infructueuses, votre compte est verrouillé pendant "
                + LOCK_MINUTES + " minutes. Réessayez plus tard ou réinitialisez votre mot de passe.";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
