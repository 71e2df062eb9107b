package fr.zlv.access;

import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.territory.Establishment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for {@code Authorization: Bearer} calls to /api/v1. A token acts for one
 * establishment of its user (ADMIN and VISITOR tokens act nationally whatever it is); only its
 * SHA-256 is stored and the secret is shown once.
 */
@Service
@Transactional
public class ApiTokenManagement {

    /** Prefix of every secret, so that a leaked token is recognisable by secret scanners. */
    static final String PREFIX = "zlv_";

    private final TokenRepository tokens;
    private final UserRepository users;
    private final UserViews views;
    private final fr.zlv.territory.EstablishmentManagement establishments;

    ApiTokenManagement(TokenRepository tokens, UserRepository users, UserViews views,
                       fr.zlv.territory.EstablishmentManagement establishments) {
        this.tokens = tokens;
        this.users = users;
        this.views = views;
        this.establishments = establishments;
    }

    /** Creates a token for the signed-in user, acting for one of its establishments (default: the first). */
    @AnyRole
    public CreatedApiToken create(String name, Long establishmentId) {
        AccessPrincipal principal = sessionPrincipal();
        return create(users.findById(principal.userId()).orElseThrow(), name, establishmentId);
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<ApiTokenView> mine() {
        AccessPrincipal principal = sessionPrincipal();
        Map<Long, String> names = views.memberships(principal.userId()).stream()
                .collect(Collectors.toMap(Establishment::id, Establishment::name));
        return tokens.ofUser(principal.userId()).stream().map(t -> new ApiTokenView(t.id(), t.name(),
                t.establishmentId() == null ? "National" : names.getOrDefault(t.establishmentId(), "Structure retirée"),
                t.createdAt(), t.lastUsedAt(), t.revokedAt())).toList();
    }

    @AnyRole
    public void revoke(long tokenId) {
        if (!tokens.revoke(tokenId, sessionPrincipal().userId())) {
            throw new AccessInputException(null, "Jeton inconnu ou déjà révoqué.");
        }
    }

    /** For the command line: a token for the given user, acting for the establishment of the given SIREN (default its first). */
    @AdminOnly
    public CreatedApiToken createFor(String email, String siren, String name) {
        UserAccount user = users.findByEmail(email == null ? "" : email)
                .orElseThrow(() -> new AccessInputException("email", "Aucun utilisateur n'a l'adresse « " + email + " »."));
        Long establishmentId = null;
        if (siren != null && !siren.isBlank()) {
            establishmentId = establishments.findBySiren(siren.trim()).map(Establishment::id)
                    .orElseThrow(() -> new AccessInputException("establishment", "Aucune structure n'a le SIREN « " + siren + " »."));
        }
        return create(user, name == null || name.isBlank() ? "Ligne de commande" : name, establishmentId);
    }

    private CreatedApiToken create(UserAccount user, String name, Long establishmentId) {
        if (name == null || name.isBlank()) {
            throw new AccessInputException("name", "Donnez un nom au jeton (par exemple l'outil qui l'utilisera).");
        }
        if (name.trim().length() > 100) {
            throw new AccessInputException("name", "Le nom du jeton ne doit pas dépasser 100 caractères.");
        }
        List<Establishment> memberships = views.memberships(user.id());
        Map<Long, Establishment> byId = memberships.stream().collect(Collectors.toMap(Establishment::id, Function.identity()));
        Establishment establishment;
        if (establishmentId != null) {
            establishment = byId.get(establishmentId);
            if (establishment == null) {
                throw new AccessInputException("establishmentId", "Le jeton ne peut agir que pour une structure dont "
                        + user.email() + " est membre.");
            }
        } else {
            establishment = memberships.isEmpty() ? null : memberships.getFirst();
        }
        if (establishment == null && !user.role().national()) {
            throw new AccessInputException("establishmentId", user.email() + " n'est membre d'aucune structure : le jeton ne donnerait accès à rien.");
        }
        String secret = PREFIX + Secrets.newSecret();
        long id = tokens.insert(Secrets.hash(secret), name.trim(), user.id(), establishment == null ? null : establishment.id());
        return new CreatedApiToken(id, name.trim(), establishment == null ? "National" : establishment.name(), secret);
    }

    /** Tokens are managed from a signed-in session, not with another token. */
    private static AccessPrincipal sessionPrincipal() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccessPrincipal p && !p.viaToken()) {
            return p;
        }
        throw new AccessDeniedException("Les jetons se gèrent depuis la page Mon compte.");
    }
}
