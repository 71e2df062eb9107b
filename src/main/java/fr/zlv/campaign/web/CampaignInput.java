package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignInputException;
import fr.zlv.groups.SelectionInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

/**
 * Inputs of the campaign pages and API: ids and selections as the groups read them (a campaign is made
 * from the same selections), refused as {@link CampaignInputException}s; dates.
 */
final class CampaignInput {

    private CampaignInput() {
    }

    /** "12, 13 14" (or several form values) → [12, 13, 14]; anything else is a 400 naming the field. */
    static List<Long> ids(String field, Collection<String> texts) {
        return SelectionInput.ids(field, texts, CampaignInputException::new);
    }

    /** The list page's selection fields: ticked {@code ids}, or all matching {@code filter} except {@code exceptIds}. */
    static SelectionInput selection(boolean allMatching, String filter, List<String> ids, String exceptIds) {
        return SelectionInput.of(allMatching, filter, ids("ids", ids),
                SelectionInput.ids("exceptIds", exceptIds, CampaignInputException::new));
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
}
