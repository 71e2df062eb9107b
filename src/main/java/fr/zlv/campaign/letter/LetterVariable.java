package fr.zlv.campaign.letter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The variables of a letter (DOMAIN.md §6), written {@code {{proprietaire.nom}}} in the body and
 * replaced, letter by letter, by the recipient's value (HTML-escaped; empty when unknown).
 */
public enum LetterVariable {
    OWNER_NAME("proprietaire.nom", "Nom du propriétaire"),
    HOUSING_ADDRESS("logement.adresse", "Adresse du logement"),
    LOCAL_ID("logement.identifiant", "Identifiant fiscal du local"),
    INVARIANT("logement.invariant", "Invariant fiscal"),
    CADASTRAL_REFERENCE("logement.reference_cadastrale", "Référence cadastrale"),
    PLOT_ID("logement.parcelle", "Identifiant de la parcelle"),
    KIND("logement.type", "Type de logement"),
    LIVING_AREA("logement.surface", "Surface habitable"),
    ROOMS("logement.pieces", "Nombre de pièces"),
    BUILDING_YEAR("logement.annee_construction", "Année de construction"),
    VACANCY_START_YEAR("logement.debut_vacance", "Année de début de vacance"),
    ENERGY_LABEL("logement.dpe", "Étiquette énergie (DPE)");

    /** {{ name }} with optional spaces inside the braces, as agents may type them. */
    static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");

    private static final Map<String, LetterVariable> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(LetterVariable::key, Function.identity()));

    private final String key;
    private final String label;

    LetterVariable(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** What the agent inserts: {@code {{proprietaire.nom}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    static LetterVariable byKey(String key) {
        return BY_NAME.get(key);
    }

    public static List<LetterVariable> all() {
        return List.of(values());
    }

    /** Replaces the known tokens of a text by the values (escaped); unknown tokens are left as typed. */
    static String substitute(String html, Function<LetterVariable, String> values) {
        Matcher m = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            LetterVariable variable = byKey(m.group(1));
            String replacement = variable == null ? m.group() : Xml.escape(values.apply(variable));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
