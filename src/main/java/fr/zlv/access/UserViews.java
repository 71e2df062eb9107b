package fr.zlv.access;

import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds {@link UserView}s and membership lists (establishments in membership order). */
@Component
class UserViews {

    private final UserRepository users;
    private final EstablishmentManagement establishments;

    UserViews(UserRepository users, EstablishmentManagement establishments) {
        this.users = users;
        this.establishments = establishments;
    }

    /** Establishment lookups run as the system: names of one's own memberships are never secret. */
    List<Establishment> memberships(long userId) {
        List<Long> ids = users.memberships(userId);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Establishment> byId = Roles.asSystem(() -> establishments.findAll(Set.copyOf(ids))).stream()
                .collect(Collectors.toMap(Establishment::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    UserView view(UserAccount user) {
        Map<Long, List<String>> perimeters = users.perimeters(user.id());
        List<UserView.Membership> memberships = new ArrayList<>();
        for (Establishment e : memberships(user.id())) {
            memberships.add(new UserView.Membership(e.id(), e.siren(), e.name(), e.kind().code(),
                    perimeters.getOrDefault(e.id(), List.of())));
        }
        return new UserView(user.id(), user.email(), user.firstName(), user.lastName(), user.role(), user.suspended(),
                user.lockedUntil(), memberships);
    }
}
