package fr.zlv.targeting.web;

import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSelection;
import fr.zlv.targeting.InvalidFilterException;
import fr.zlv.targeting.ListRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection the list page posts (the same fields as the group and campaign forms): {@code ids} ticked
 * rows, or {@code allMatching=true} with the list's {@code filter} (its query string) except {@code exceptIds}.
 * The page forms carry these fields on, so that each step designates the same dwellings.
 */
public record SelectionForm(boolean allMatching, String filter, List<Long> ids, List<Long> exceptIds) {

    static SelectionForm of(Boolean allMatching, String filter, List<String> ids, String exceptIds) {
        return new SelectionForm(Boolean.TRUE.equals(allMatching), filter == null ? "" : filter,
                parse("ids", ids == null ? "" : String.join(",", ids)), parse("exceptIds", exceptIds));
    }

    HousingFilter housingFilter() {
        if (!allMatching) {
            return HousingFilter.none();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : filter.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return HousingFilter.parse(parameters, ListRequest.PARAMETERS);
    }

    HousingSelection selection() {
        return allMatching ? HousingSelection.allExcept(exceptIds) : HousingSelection.of(ids);
    }

    /** The list page this selection came from, to go back to. */
    public String listUrl() {
        return "/logements?" + (allMatching && !filter.isBlank() ? filter : "dataFileYearsIncluded=");
    }

    public String exceptIdsText() {
        return String.join(",", exceptIds.stream().map(String::valueOf).toList());
    }

    private static List<Long> parse(String field, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidFilterException("La valeur « " + part.strip() + " » du champ « " + field
                            + " » n'est pas un identifiant de logement.");
                }
            }
        }
        return ids.stream().distinct().toList();
    }
}
