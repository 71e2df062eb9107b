package fr.zlv.groups;

import fr.zlv.shared.FieldInputException;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSelection;
import fr.zlv.targeting.ListRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A selection of dwellings as the list page, the group and campaign forms and their APIs send it:
 * explicit ids, or "all matching the filter (a list query string) except these ids". Groups and
 * campaigns take the same selections; a bad id is refused with the caller's own input exception
 * ({@code refusal}: field, French message), so each module reports it like its other input errors.
 */
public record SelectionInput(HousingFilter filter, HousingSelection selection) {

    public static SelectionInput of(boolean allMatching, String filterQuery, Collection<Long> ids, Collection<Long> exceptIds) {
        if (allMatching) {
            return new SelectionInput(parseFilter(filterQuery), HousingSelection.allExcept(list(exceptIds)));
        }
        return new SelectionInput(HousingFilter.none(), HousingSelection.of(list(ids)));
    }

    /** "occupancies=V,L&query=dupont" → the filter, validated like the list's (unknown parameter → 400 naming it). */
    public static HousingFilter parseFilter(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            String q = query.startsWith("?") ? query.substring(1) : query;
            for (String pair : q.split("&")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return HousingFilter.parse(parameters, ListRequest.PARAMETERS);
    }

    /** "12, 13 14" → [12, 13, 14]; anything else is refused naming the field. */
    public static List<Long> ids(String field, String text, BiFunction<String, String, ? extends FieldInputException> refusal) {
        return ids(field, text == null ? null : List.of(text), refusal);
    }

    /** Several form values, each "12, 13 14", → [12, 13, 14]; anything else is refused naming the field. */
    public static List<Long> ids(String field, Collection<String> texts,
                                 BiFunction<String, String, ? extends FieldInputException> refusal) {
        List<Long> ids = new ArrayList<>();
        if (texts == null) {
            return ids;
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String part : text.split("[,;\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw refusal.apply(field, "La valeur « " + part.strip() + " » du champ « " + field
                            + " » n'est pas un identifiant de logement.");
                }
            }
        }
        return ids;
    }

    private static List<Long> list(Collection<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
