package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignInputException;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSelection;
import fr.zlv.targeting.ListRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of the campaign pages and API: a selection of dwellings as the list page sends it (explicit
 * ids, or "all matching the filter — a list query string — except these ids"), ids, dates.
 */
record CampaignInput(HousingFilter filter, HousingSelection selection) {

    static CampaignInput of(boolean allMatching, String filterQuery, Collection<Long> ids, Collection<Long> exceptIds) {
        if (allMatching) {
            return new CampaignInput(parseFilter(filterQuery), HousingSelection.allExcept(list(exceptIds)));
        }
        return new CampaignInput(HousingFilter.none(), HousingSelection.of(list(ids)));
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

    /** "12, 13 14" (or several form values) → [12, 13, 14]; anything else is a 400 naming the field. */
    static List<Long> ids(String field, Collection<String> texts) {
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
                    throw new CampaignInputException(field, "La valeur « " + part.strip() + " » du champ « " + field
                            + " » n'est pas un identifiant de logement.");
                }
            }
        }
        return ids;
    }

    /** "2026-03-15" → the date; blank → null; anything else is a 400 naming the field. */
    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CampaignInputException(field, "La date « " + text.strip() + " » (champ « " + field
                    + " ») n'est pas valide : format attendu AAAA-MM-JJ.");
        }
    }

    private static List<Long> list(Collection<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
