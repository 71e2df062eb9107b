package fr.zlv.groups;

import java.util.Map;

/** The kinds of group events and their French labels in the history. */
final class GroupEvents {

    static final String CREATED = "group-created";
    static final String UPDATED = "group-updated";
    static final String HOUSINGS_ADDED = "group-housings-added";
    static final String HOUSINGS_REMOVED = "group-housings-removed";
    static final String ARCHIVED = "group-archived";
    static final String UNARCHIVED = "group-unarchived";

    private static final Map<String, String> LABELS = Map.of(
            CREATED, "Groupe créé", UPDATED, "Groupe renommé", HOUSINGS_ADDED, "Logements ajoutés",
            HOUSINGS_REMOVED, "Logements retirés", ARCHIVED, "Groupe archivé", UNARCHIVED, "Groupe désarchivé");

    private GroupEvents() {
    }

    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}
