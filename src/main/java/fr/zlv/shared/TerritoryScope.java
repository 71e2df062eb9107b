package fr.zlv.shared;

import java.util.Set;

/**
 * Which communes a caller may see. Every territorial query takes one. {@code national} covers the
 * whole country (ADMIN, VISITOR, the system scope of jobs and the command line); otherwise only the
 * listed INSEE commune codes (arrondissements resolve to their commune before they are compared).
 *
 * @param establishmentId the establishment the caller acts for, null for a national or system scope
 */
public record TerritoryScope(boolean national, boolean systemScope, Long establishmentId, Set<String> communeCodes) {

    public TerritoryScope {
        communeCodes = communeCodes == null ? Set.of() : Set.copyOf(communeCodes);
    }

    /** The scope of jobs and command-line runs: everything, and no user behind it. */
    public static TerritoryScope ofSystem() {
        return new TerritoryScope(true, true, null, Set.of());
    }

    public static TerritoryScope national(Long establishmentId) {
        return new TerritoryScope(true, false, establishmentId, Set.of());
    }

    public static TerritoryScope communes(long establishmentId, Set<String> communeCodes) {
        return new TerritoryScope(false, false, establishmentId, communeCodes);
    }

    public boolean covers(String communeCode) {
        return national || communeCodes.contains(communeCode);
    }

    /** The commune codes as an SQL array parameter ({@code geo_code = any(?)}); empty when national. */
    public String[] communeArray() {
        return communeCodes.toArray(String[]::new);
    }
}
