package fr.zlv.groups.web;

import fr.zlv.groups.GroupInputException;
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

/**
 * A selection of dwellings as the list page and the API send it: explicit ids, or "all matching the
 * filter (a list query string) except these ids".
 */
record SelectionInput(HousingFilter filter, HousingSelection selection) {

    static SelectionInput of(boolean allMatching, String filterQuery, Collection<Long> ids, Collection<Long> exceptIds) {
        if (allMatching) {
            return new SelectionInput(parseFilter(filterQuery), HousingSelection.allExcept(list(exceptIds)));
        }
        return new SelectionInput(HousingFilter.none(), HousingSelection.of(list(ids)));
    }

    /** "occupancies=V,L&query=dupont" → the filter, validated like the list's (unknown parameter → 400 naming it). */
    static HousingFilter parseFilter(String query) {
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

    /** "12, 13 14" → [12, 13, 14]; anything else is a 400 naming the field. */
    static List<Long> ids(String field, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new GroupInputException(field, "La valeur « " + part.strip() + " » du champ « " + field
                        + " » n'est pas un identifiant de logement.");
            }
        }
        return ids;
    }

    private static List<Long> list(Collection<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
