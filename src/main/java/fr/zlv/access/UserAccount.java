package fr.zlv.access;

import java.time.OffsetDateTime;

/** A row of app_user, as the sign-in and management code reads it. */
record UserAccount(long id, String email, String firstName, String lastName, String passwordHash, Role role,
                   boolean suspended, int failedAttempts, OffsetDateTime lockedUntil) {

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
