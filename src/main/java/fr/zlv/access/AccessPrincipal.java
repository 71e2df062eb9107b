package fr.zlv.access;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is calling: a signed-in user (kept in the JDBC session, hence Serializable) or an API token.
 * The name is the email so that sessions can be found by user (Spring Session's principal index).
 *
 * @param tokenId              the API token used, null for a browser session
 * @param tokenEstablishmentId the establishment the token acts for (null: national or none)
 */
record AccessPrincipal(long userId, String email, Role role, Long tokenId, Long tokenEstablishmentId)
        implements AuthenticatedPrincipal, Serializable {

    static AccessPrincipal ofSession(UserAccount user) {
        return new AccessPrincipal(user.id(), user.email(), user.role(), null, null);
    }

    boolean viaToken() {
        return tokenId != null;
    }

    @Override
    public String getName() {
        return email;
    }
}
