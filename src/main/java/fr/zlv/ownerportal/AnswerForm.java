package fr.zlv.ownerportal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer form as typed. {@link #errors()} gives a French message per field id, in the order of
 * the page, so that the error summary and the fields say the same thing.
 *
 * @param stillVacant "oui" or "non"
 */
public record AnswerForm(String stillVacant, String currentUse, String intention, List<String> blockers, String phone,
                         String email, boolean consent, String comment) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]{6,25}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public AnswerForm {
        blockers = blockers == null ? List.of() : blockers.stream().filter(b -> b != null && !b.isBlank()).distinct().toList();
        phone = blankToNull(phone);
        email = blankToNull(email);
        comment = blankToNull(comment == null ? null : comment.replace("\r\n", "\n"));
        stillVacant = blankToNull(stillVacant);
        currentUse = blankToNull(currentUse);
        intention = blankToNull(intention);
    }

    public static AnswerForm empty() {
        return new AnswerForm(null, null, null, List.of(), null, null, false, null);
    }

    public boolean vacant() {
        return "oui".equals(stillVacant);
    }

    public boolean contactGiven() {
        return phone != null || email != null;
    }

    /** Field id → message; empty when the answer can be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"oui".equals(stillVacant) && !"non".equals(stillVacant)) {
            errors.put("vacant", "Indiquez si le logement est toujours vacant.");
        }
        if ("non".equals(stillVacant) && !AnswerChoices.isCurrentUse(currentUse)) {
            errors.put("usage", "Indiquez l'usage actuel du logement, puisqu'il n'est plus vacant.");
        } else if (currentUse != null && !AnswerChoices.isCurrentUse(currentUse)) {
            errors.put("usage", "Choisissez l'un des usages proposés.");
        }
        if ("oui".equals(stillVacant) && !AnswerChoices.isIntention(intention)) {
            errors.put("intention", "Indiquez ce que vous envisagez pour ce logement (« Je ne sais pas encore » est possible).");
        } else if (intention != null && !AnswerChoices.isIntention(intention)) {
            errors.put("intention", "Choisissez l'une des intentions proposées.");
        }
        if (blockers.stream().anyMatch(b -> !AnswerChoices.isBlocker(b))) {
            errors.put("blocages", "Choisissez parmi les difficultés proposées.");
        }
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.replaceAll("[^0-9]", "").length() < 6)) {
            errors.put("telephone", "Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.put("courriel", "L'adresse électronique n'est pas valide (exemple : nom@domaine.fr).");
        }
        if (contactGiven() && !consent) {
            errors.put("consentement", "Cochez la case pour accepter d'être recontacté avec ces coordonnées, ou effacez-les.");
        }
        if (comment != null && comment.length() > AnswerChoices.COMMENT_MAX) {
            errors.put("commentaire", "Le commentaire compte " + comment.length() + " caractères : " + AnswerChoices.COMMENT_MAX
                    + " au plus.");
        }
        return errors;
    }

    /** What is stored: the current use only when no longer vacant, the consent only with contact details. */
    AnswerForm cleaned() {
        return new AnswerForm(stillVacant, vacant() ? null : currentUse, intention, blockers, phone, email,
                consent && contactGiven(), comment);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
