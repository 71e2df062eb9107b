package fr.zlv.groups;

/**
 * Where the exported dwellings come from: the member table of a group or of a campaign (campaigns reuse
 * the group export, DOMAIN.md §6). Fixed names only: no SQL comes from callers.
 */
public enum ExportSource {
    GROUP("housing_group_housing", "group_id", "group", "Nombre de logements du groupe"),
    CAMPAIGN("campaign_housing", "campaign_id", "campaign", "Nombre de logements de la campagne");

    private final String table;
    private final String key;
    private final String subjectKind;
    private final String ownerCountHeader;

    ExportSource(String table, String key, String subjectKind, String ownerCountHeader) {
        this.table = table;
        this.key = key;
        this.subjectKind = subjectKind;
        this.ownerCountHeader = ownerCountHeader;
    }

    String table() {
        return table;
    }

    String key() {
        return key;
    }

    /** The subject kind of the personal-data log row each export writes. */
    String subjectKind() {
        return subjectKind;
    }

    String ownerCountHeader() {
        return ownerCountHeader;
    }
}
