package fr.zlv.access;

import java.util.Arrays;
import java.util.Optional;

/** The roles of DOMAIN.md: USUAL works for its establishments, ADMIN and VISITOR see the whole country. */
public enum Role {
    USUAL("Utilisateur"),
    ADMIN("Administrateur"),
    VISITOR("Visiteur");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** ADMIN and VISITOR see every territory. */
    public boolean national() {
        return this != USUAL;
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(value.trim())).findFirst();
    }
}
