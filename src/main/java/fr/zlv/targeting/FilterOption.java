package fr.zlv.targeting;

/** One value of a filter: the code the URL and the API carry, and the French label the page shows. */
public record FilterOption(String code, String label) {

    /** The value meaning "Pas d'information" (missing data) in every filter that allows it. */
    public static final String NULL_CODE = "null";
    public static final String NULL_LABEL = "Pas d'information";
}
