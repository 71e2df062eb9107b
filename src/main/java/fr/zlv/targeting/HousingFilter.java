package fr.zlv.targeting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of a housing list request, parsed and validated once from the query parameters
 * (DOMAIN.md §5): different filters AND, the values of one filter OR, {@code null} means "Pas
 * d'information". A filter absent from {@code values} does not filter.
 *
 * @param query    the search box, trimmed; null when empty
 * @param scoreMin the lowest priority score kept (0–100), null for none
 * @param values   the codes of each active filter, validated, without duplicates, in the order given
 */
public record HousingFilter(String query, Integer scoreMin, Map<FilterField, List<String>> values) {

    public static final String QUERY = "query";
    public static final String SCORE_MIN = "scoreMin";

    public HousingFilter {
        query = query == null || query.isBlank() ? null : query.strip();
        EnumMap<FilterField, List<String>> copy = new EnumMap<>(FilterField.class);
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static HousingFilter none() {
        return new HousingFilter(null, null, Map.of());
    }

    /** The codes of one filter, empty when it is not active. */
    public List<String> get(FilterField field) {
        return values.getOrDefault(field, List.of());
    }

    public boolean has(FilterField field) {
        return values.containsKey(field);
    }

    public boolean isEmpty() {
        return query == null && scoreMin == null && values.isEmpty();
    }

    /** This filter with one filter replaced (an empty list removes it). */
    public HousingFilter with(FilterField field, List<String> codes) {
        EnumMap<FilterField, List<String>> copy = new EnumMap<>(FilterField.class);
        copy.putAll(values);
        if (codes == null || codes.isEmpty()) {
            copy.remove(field);
        } else {
            copy.put(field, codes);
        }
        return new HousingFilter(query, scoreMin, copy);
    }

    public HousingFilter withQuery(String newQuery) {
        return new HousingFilter(newQuery, scoreMin, values);
    }

    public HousingFilter withScoreMin(Integer newScoreMin) {
        return new HousingFilter(query, newScoreMin, values);
    }

    /**
     * Parses request parameters (a parameter may repeat, as checkboxes send it, or carry
     * comma-separated values). Every parameter must be a filter or one of {@code otherParameters};
     * every value must be a code of its filter.
     *
     * @throws InvalidFilterException naming the unknown parameter or value
     */
    public static HousingFilter parse(Map<String, String[]> parameters, Collection<String> otherParameters) {
        String query = null;
        Integer scoreMin = null;
        EnumMap<FilterField, List<String>> values = new EnumMap<>(FilterField.class);
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (otherParameters.contains(name)) {
                continue;
            }
            if (name.equals(QUERY)) {
                query = String.join(" ", entry.getValue());
                continue;
            }
            if (name.equals(SCORE_MIN)) {
                scoreMin = parseScore(String.join("", entry.getValue()).strip());
                continue;
            }
            FilterField field = FilterField.byParameter(name).orElseThrow(() -> new InvalidFilterException(
                    "Le paramètre « " + name + " » n'existe pas."));
            Set<String> codes = new LinkedHashSet<>();
            for (String raw : entry.getValue()) {
                for (String code : raw.split(",")) {
                    String c = code.strip();
                    if (c.isEmpty()) {
                        continue;
                    }
                    if (!field.accepts(c)) {
                        throw new InvalidFilterException("La valeur « " + c + " » du filtre « " + name
                                + " » n'existe pas. Valeurs possibles : " + field.describeCodes() + ".");
                    }
                    codes.add(c);
                }
            }
            if (!codes.isEmpty()) {
                values.put(field, new ArrayList<>(codes));
            }
        }
        return new HousingFilter(query, scoreMin, values);
    }

    private static Integer parseScore(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int score = Integer.parseInt(raw);
            if (score >= 0 && score <= 100) {
                return score;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new InvalidFilterException("La valeur « " + raw + " » du filtre « scoreMin » n'est pas valide : "
                + "un nombre entier de 0 à 100 est attendu.");
    }

    /** The query string of this filter ("occupancies=V,L&query=…"), as the page links carry it. */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (query != null) {
            parts.add(QUERY + "=" + encode(query));
        }
        values.forEach((field, codes) -> parts.add(field.parameter() + "=" + encode(String.join(",", codes))));
        if (scoreMin != null) {
            parts.add(SCORE_MIN + "=" + scoreMin);
        }
        return parts.stream().collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
    }
}
