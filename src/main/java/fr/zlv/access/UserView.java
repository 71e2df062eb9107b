package fr.zlv.access;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as the admin pages and the account page show it.
 *
 * @param memberships establishments in membership order, each with its narrowed communes if any
 */
public record UserView(long id, String email, String firstName, String lastName, Role role, boolean suspended,
                       OffsetDateTime lockedUntil, List<Membership> memberships) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }

    /** Locked by too many failed sign-ins, right now. */
    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
    }

    /**
     * @param narrowedCommunes the communes the user is limited to in this establishment; empty means all of them
     */
    public record Membership(long establishmentId, String siren, String name, String kind, List<String> narrowedCommunes) {
    }
}
