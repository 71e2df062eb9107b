package fr.zlv.housing.followup;

/**
 * The display name of an author for the history and notes, read from the access module's users in
 * the same query (a join is the only way to name thousands of events without one call each).
 */
final class UserNames {

    private UserNames() {
    }

    /** An SQL expression naming the user whose id is in {@code column}; "Système" for imports and jobs. */
    static String of(String column) {
        return "coalesce((select nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') "
                + "from app_user u where u.id = " + column + "), (select u.email from app_user u where u.id = " + column
                + "), case when " + column + " is null then 'Système' else 'Utilisateur supprimé' end)";
    }
}
