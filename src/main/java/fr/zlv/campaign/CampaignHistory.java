package fr.zlv.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * The French sentence of each campaign event (table campaign_event), from its kind and its JSON payloads
 * as {@link CampaignManagement} and {@link CampaignDocuments} write them. The dwellings' ids in the
 * payloads are not told: the counts are.
 */
final class CampaignHistory {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CampaignHistory() {
    }

    /** {@code oldValue} and {@code newValue} are the payloads (a missing node when the event has none). */
    static String message(String kind, JsonNode oldValue, JsonNode newValue) {
        return switch (kind) {
            case CampaignEvents.CREATED -> "Campagne créée avec " + dwellings(newValue.path("count").asInt())
                    + (newValue.hasNonNull("parentId") ? " (relance)" : newValue.hasNonNull("groupId") ? " à partir d’un groupe" : "");
            case CampaignEvents.UPDATED -> updated(oldValue, newValue);
            case CampaignEvents.SENDING_DATE -> sendingDate(text(oldValue, "sendingDate"), text(newValue, "sendingDate"));
            case CampaignEvents.SENT -> "Campagne envoyée : " + dwellings(newValue.path("count").asInt())
                    + " passé" + plural(newValue.path("count").asInt()) + " « En attente de retour »";
            case CampaignEvents.REVERTED -> dwellings(newValue.path("count").asInt()) + " remis « Non suivi »";
            case CampaignEvents.HOUSINGS_REMOVED -> dwellings(oldValue.path("count").asInt()) + " retiré"
                    + plural(oldValue.path("count").asInt()) + " de la campagne";
            case CampaignEvents.RETURNED_MAIL -> {
                int count = newValue.path("count").asInt();
                yield count + " courrier" + plural(count) + " revenu" + plural(count) + " enregistré" + plural(count)
                        + " (« N’habite pas à l’adresse indiquée »)";
            }
            case CampaignEvents.ARCHIVED -> "Campagne archivée";
            case CampaignEvents.UNARCHIVED -> "Campagne désarchivée";
            case CampaignEvents.FOLLOW_UP_CREATED -> "Relance créée avec " + dwellings(newValue.path("count").asInt())
                    + " sans réponse " + newValue.path("days").asInt() + " jours après l’envoi";
            case CampaignEvents.DOCUMENT_ADDED -> "Document ajouté : « " + text(newValue, "fileName") + " »";
            case CampaignEvents.DOCUMENT_DELETED -> "Document supprimé : « " + text(oldValue, "fileName") + " »";
            default -> kind;
        };
    }

    private static String updated(JsonNode oldValue, JsonNode newValue) {
        String before = text(oldValue, "title");
        String after = text(newValue, "title");
        StringBuilder message = new StringBuilder("Campagne modifiée");
        if (after != null && !after.equals(before)) {
            message.append(" : titre « ").append(before).append(" » → « ").append(after).append(" »");
        }
        if (!java.util.Objects.equals(text(oldValue, "description"), text(newValue, "description"))) {
            message.append(message.length() > "Campagne modifiée".length() ? ", description modifiée" : " : description modifiée");
        }
        return message.toString();
    }

    private static String sendingDate(String before, String after) {
        if (after == null) {
            return before == null ? "Date d’envoi retirée" : "Date d’envoi du " + date(before) + " retirée";
        }
        return before == null ? "Date d’envoi fixée au " + date(after)
                : "Date d’envoi déplacée du " + date(before) + " au " + date(after);
    }

    private static String dwellings(int count) {
        return count + " logement" + plural(count);
    }

    private static String plural(int count) {
        return count > 1 ? "s" : "";
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** "2026-03-15" → "15/03/2026" (anything else as it is). */
    private static String date(String isoDate) {
        try {
            return LocalDate.parse(isoDate).format(FRENCH_DATE);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }
}
