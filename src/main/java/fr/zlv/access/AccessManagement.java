package fr.zlv.access;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.PublicAccess;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling and what they may see: the single place that resolves the {@link TerritoryScope}
 * of the current request (session or API token) or of a system run.
 */
@Service
@Transactional(readOnly = true)
public class AccessManagement {

    /** Session attribute holding the id of the establishment the user works for right now. */
    static final String ACTIVE_ESTABLISHMENT = "zlv.activeEstablishmentId";

    private final UserRepository users;
    private final EstablishmentManagement establishments;
    private final UserViews views;

    AccessManagement(UserRepository users, EstablishmentManagement establishments, UserViews views) {
        this.users = users;
        this.establishments = establishments;
        this.views = views;
    }

    /**
     * The communes the caller may see: national for ADMIN, VISITOR and the system; for USUAL the
     * perimeter of the establishment it acts for (the token's, or the active one of its session),
     * narrowed by the user's own perimeter when an admin set one; nothing when it has no membership
     * or when its establishment was deactivated.
     */
    @AnyRole
    public TerritoryScope currentScope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (isSystem(auth)) {
            return TerritoryScope.ofSystem();
        }
        AccessPrincipal principal = principal(auth);
        Long establishmentId = actingEstablishmentId(principal);
        if (principal.role().national()) {
            return TerritoryScope.national(establishmentId);
        }
        boolean activeEstablishment = establishmentId != null
                && establishments.find(establishmentId).map(Establishment::active).orElse(false);
        if (!activeEstablishment) {
            // no membership, or a deactivated establishment: its agents keep their account but see nothing
            return new TerritoryScope(false, false, establishmentId, Set.of());
        }
        Set<String> communes = new HashSet<>(establishments.perimeter(establishmentId));
        Set<String> narrowed = users.perimeter(principal.userId(), establishmentId);
        if (!narrowed.isEmpty()) {
            communes.retainAll(narrowed);
        }
        return TerritoryScope.communes(establishmentId, communes);
    }

    /** The establishment the call acts for: the token's, else the session's active one (default the first membership). */
    @AnyRole
    public Optional<Establishment> actingEstablishment() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (isSystem(auth)) {
            return Optional.empty();
        }
        Long id = actingEstablishmentId(principal(auth));
        return id == null ? Optional.empty() : establishments.find(id);
    }

    /** The signed-in user with its memberships, or empty for an anonymous or system caller. */
    @PublicAccess
    public Optional<CurrentUserView> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccessPrincipal principal)) {
            return Optional.empty();
        }
        return users.findById(principal.userId()).map(user -> {
            List<Establishment> memberships = views.memberships(user.id());
            Long activeId = actingEstablishmentId(principal);
            String activeName = memberships.stream().filter(e -> activeId != null && e.id() == activeId)
                    .map(Establishment::name).findFirst().orElse(null);
            return new CurrentUserView(user.email(), user.displayName(), user.role().name(), user.role() == Role.ADMIN,
                    memberships.stream().map(e -> new MembershipView(e.id(), e.name())).toList(), activeId, activeName);
        });
    }

    /** The caller's own account (profile and memberships), for the account page and {@code /api/v1/me}. */
    @AnyRole
    public Optional<UserView> me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth.getPrincipal() instanceof AccessPrincipal principal)) {
            return Optional.empty();
        }
        return users.findById(principal.userId()).map(views::view);
    }

    /** Establishments the caller is a member of, in membership order. */
    @AnyRole
    public List<Establishment> myEstablishments() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth.getPrincipal() instanceof AccessPrincipal principal)) {
            return List.of();
        }
        return views.memberships(principal.userId());
    }

    /** Makes another of the user's establishments the active one of its session; refuses any other. */
    @AnyRole
    public Establishment switchEstablishment(long establishmentId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AccessPrincipal principal = principal(auth);
        if (principal.viaToken()) {
            throw new AccessDeniedException("Un jeton d'API agit toujours pour la même structure.");
        }
        if (!users.isMember(principal.userId(), establishmentId)) {
            throw new AccessDeniedException("Vous n'êtes pas membre de cette structure.");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ACTIVE_ESTABLISHMENT, establishmentId, RequestAttributes.SCOPE_SESSION);
        }
        return establishments.find(establishmentId).orElseThrow();
    }

    /** Token: its establishment. Session: the active one if still a membership, else the first membership. */
    Long actingEstablishmentId(AccessPrincipal principal) {
        if (principal.viaToken()) {
            return principal.tokenEstablishmentId();
        }
        List<Long> memberships = users.memberships(principal.userId());
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object active = request == null ? null : request.getAttribute(ACTIVE_ESTABLISHMENT, RequestAttributes.SCOPE_SESSION);
        if (active instanceof Long id && memberships.contains(id)) {
            return id;
        }
        return memberships.isEmpty() ? null : memberships.getFirst();
    }

    private static boolean isSystem(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.SYSTEM));
    }

    private static AccessPrincipal principal(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof AccessPrincipal principal) {
            return principal;
        }
        throw new AccessDeniedException("Authentification requise.");
    }
}
