package fr.zlv.ownerportal;

import fr.zlv.housing.OwnerAnswerFollowUp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The questions of the answer page in the owner's words, with the stable codes stored in
 * {@code owner_answer}. Blockers are the precision codes of the follow-up catalogue (DOMAIN.md §4),
 * said plainly; the class refuses to load if one of them is not a blocker code of the catalogue.
 */
public final class AnswerChoices {

    /** Contact details are kept this long after the owner's last answer (stated on the page, applied by the cleanup job). */
    public static final int CONTACT_RETENTION_YEARS = 3;

    public static final int COMMENT_MAX = 1000;

    /** A choice: stable code and the words the owner reads. */
    public record Choice(String code, String label) {
    }

    /** The blockers of one category of precisions, under a plain heading. */
    public record BlockerGroup(String heading, List<Choice> choices) {
    }

    public static final List<Choice> CURRENT_USES = List.of(
            new Choice("loue", "Il est loué"),
            new Choice("occupe", "Il est occupé par moi ou un proche"),
            new Choice("residence-secondaire", "C'est une résidence secondaire"),
            new Choice("vendu", "Il a été vendu"),
            new Choice("autre", "Autre usage"));

    public static final List<Choice> INTENTIONS = List.of(
            new Choice("louer", "Le louer"),
            new Choice("vendre", "Le vendre"),
            new Choice("occuper", "L'occuper (moi ou un proche)"),
            new Choice("travaux", "Y faire des travaux"),
            new Choice("transmettre", "Le transmettre (donation, succession)"),
            new Choice("ne-sait-pas", "Je ne sais pas encore"));

    public static final List<BlockerGroup> BLOCKERS = List.of(
            new BlockerGroup("Des difficultés que je rencontre", List.of(
                    new Choice("blocage-involontaire/mise-en-location-ou-vente-infructueuse", "J'ai essayé de le louer ou de le vendre, sans succès"),
                    new Choice("blocage-involontaire/succession-en-cours", "Une succession est en cours"),
                    new Choice("blocage-involontaire/defaut-d-entretien-necessite-de-travaux", "Il a besoin de travaux"),
                    new Choice("blocage-involontaire/probleme-de-financement-dossier-non-eligible",
                            "Je n'arrive pas à financer les travaux, ou mon dossier d'aide a été refusé"),
                    new Choice("blocage-involontaire/manque-de-conseils-en-amont-de-l-achat", "J'ai manqué de conseils au moment de l'achat"),
                    new Choice("blocage-involontaire/en-incapacite-age-handicap-precarite",
                            "Mon âge, ma santé ou ma situation ne me permettent pas de m'en occuper"))),
            new BlockerGroup("Mes choix", List.of(
                    new Choice("blocage-volontaire/reserve-personnelle-ou-pour-une-autre-personne", "Je le garde pour moi ou pour un proche"),
                    new Choice("blocage-volontaire/strategie-de-gestion", "C'est un choix de gestion de mon patrimoine"),
                    new Choice("blocage-volontaire/mauvaise-experience-locative", "J'ai eu une mauvaise expérience avec des locataires"),
                    new Choice("blocage-volontaire/montants-des-travaux-percus-comme-trop-importants", "Les travaux me semblent trop coûteux"),
                    new Choice("blocage-volontaire/refus-categorique-sans-raison", "Je ne souhaite pas changer la situation"))),
            new BlockerGroup("Le logement, l'immeuble ou le quartier", List.of(
                    new Choice("immeuble-environnement/pas-d-acces-independant", "Le logement n'a pas d'accès indépendant"),
                    new Choice("immeuble-environnement/immeuble-degrade", "L'immeuble est dégradé"),
                    new Choice("immeuble-environnement/ruine-immeuble-a-demolir", "Il est en ruine ou à démolir"),
                    new Choice("immeuble-environnement/nuisances-a-proximite", "Il y a des nuisances à proximité"),
                    new Choice("immeuble-environnement/risques-naturels-technologiques", "Il est exposé à des risques naturels ou technologiques"))),
            new BlockerGroup("D'autres personnes ou des règles", List.of(
                    new Choice("tiers-en-cause/entreprise-s-en-defaut", "Une entreprise n'a pas fait son travail"),
                    new Choice("tiers-en-cause/copropriete-en-desaccord", "La copropriété n'est pas d'accord"),
                    new Choice("tiers-en-cause/expertise-judiciaire", "Une expertise judiciaire est en cours"),
                    new Choice("tiers-en-cause/autorisation-d-urbanisme-refusee-blocage-abf",
                            "Une autorisation d'urbanisme a été refusée (ou bloquée par l'architecte des Bâtiments de France)"),
                    new Choice("tiers-en-cause/interdiction-de-location", "La location est interdite (arrêté, permis de louer refusé)"))));

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        CURRENT_USES.forEach(c -> LABELS.put("use:" + c.code(), c.label()));
        INTENTIONS.forEach(c -> LABELS.put("intention:" + c.code(), c.label()));
        for (BlockerGroup group : BLOCKERS) {
            for (Choice c : group.choices()) {
                if (!OwnerAnswerFollowUp.isBlocker(c.code())) {
                    throw new IllegalStateException("Not a blocker precision of the follow-up catalogue: " + c.code());
                }
                LABELS.put("blocker:" + c.code(), c.label());
            }
        }
    }

    private AnswerChoices() {
    }

    public static boolean isCurrentUse(String code) {
        return LABELS.containsKey("use:" + code);
    }

    public static boolean isIntention(String code) {
        return LABELS.containsKey("intention:" + code);
    }

    public static boolean isBlocker(String code) {
        return LABELS.containsKey("blocker:" + code);
    }

    public static String currentUseLabel(String code) {
        return code == null ? null : LABELS.getOrDefault("use:" + code, code);
    }

    public static String intentionLabel(String code) {
        return code == null ? null : LABELS.getOrDefault("intention:" + code, code);
    }

    public static String blockerLabel(String code) {
        return LABELS.getOrDefault("blocker:" + code, code);
    }

    /**
     * The French sentence of the dwelling's event: what the owner said, never the contact details
     * (they stay in {@code owner_answer}, shown to the campaign's agents only).
     */
    public static String summary(boolean stillVacant, String currentUse, String intention, List<String> blockers,
                                 boolean contactGiven) {
        StringBuilder s = new StringBuilder("Réponse du propriétaire en ligne : ");
        s.append(stillVacant ? "logement toujours vacant" : "logement plus vacant (" + lower(currentUseLabel(currentUse)) + ")");
        if (intention != null) {
            s.append(" ; intention : ").append(lower(intentionLabel(intention)));
        }
        if (!blockers.isEmpty()) {
            s.append(" ; difficultés : ").append(blockers.stream().map(b -> lower(blockerLabel(b))).collect(Collectors.joining(", ")));
        }
        s.append(contactGiven ? " ; souhaite être recontacté" : " ; pas de coordonnées laissées");
        if (!stillVacant) {
            s.append(". Sortie de la vacance proposée, à confirmer par un agent");
        }
        return s.append('.').toString();
    }

    private static String lower(String label) {
        return label == null || label.isEmpty() ? "" : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
