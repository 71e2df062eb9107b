package fr.zlv.targeting;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statuses, sub-statuses and precisions of DOMAIN.md §4 with the stable codes of the API. Codes are
 * derived once from the labels (slugs), so that a label and its code cannot drift apart. The housing
 * table stores the sub-status as its label (as the import writes it) and precisions as codes
 * "category/slug".
 */
public final class FollowUpCatalogue {

    public static final List<FilterOption> STATUSES = List.of(
            new FilterOption("0", "Non suivi"), new FilterOption("1", "En attente de retour"),
            new FilterOption("2", "Premier contact"), new FilterOption("3", "Suivi en cours"),
            new FilterOption("4", "Suivi terminé"), new FilterOption("5", "Suivi bloqué"));

    /** Sub-status labels by status code. */
    private static final Map<Integer, List<String>> SUB_STATUS_LABELS = Map.of(
            2, List.of("Intérêt potentiel / En réflexion", "En pré-accompagnement", "N’habite pas à l’adresse indiquée"),
            3, List.of("En accompagnement", "Intervention publique", "En sortie sans accompagnement",
                    "Mutation en cours ou effectuée"),
            4, List.of("Sortie de la vacance", "N'était pas vacant", "Sortie de la passoire énergétique",
                    "N'était pas une passoire énergétique", "Autre objectif rempli"),
            5, List.of("Blocage involontaire du propriétaire", "Blocage volontaire du propriétaire",
                    "Immeuble / Environnement", "Tiers en cause"));

    private static final Map<String, List<String>> PRECISION_LABELS = precisionLabels();

    public static final List<FilterOption> SUB_STATUSES = subStatuses();
    public static final List<FilterOption> PRECISIONS = precisions();

    private FollowUpCatalogue() {
    }

    /** The label of a status code (0–5), or the code itself when unknown. */
    public static String statusLabel(int status) {
        return status >= 0 && status < STATUSES.size() ? STATUSES.get(status).label() : String.valueOf(status);
    }

    /** The stored label of a sub-status code, or null when the code is unknown. */
    static String subStatusLabel(String code) {
        return SUB_STATUSES.stream().filter(o -> o.code().equals(code)).map(FilterOption::label).findFirst().orElse(null);
    }

    /** "n-habite-pas-a-l-adresse-indiquee" from "N’habite pas à l’adresse indiquée". */
    static String slug(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static List<FilterOption> subStatuses() {
        List<FilterOption> options = new ArrayList<>();
        for (int status = 2; status <= 5; status++) {
            for (String label : SUB_STATUS_LABELS.get(status)) {
                options.add(new FilterOption(slug(label), label));
            }
        }
        return List.copyOf(options);
    }

    private static List<FilterOption> precisions() {
        List<FilterOption> options = new ArrayList<>();
        PRECISION_LABELS.forEach((category, labels) -> labels.forEach(label ->
                options.add(new FilterOption(category + "/" + slug(label), label))));
        return List.copyOf(options);
    }

    private static Map<String, List<String>> precisionLabels() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("dispositifs-incitatifs", List.of("Conventionnement avec travaux", "Conventionnement sans travaux",
                "Aides locales travaux", "Aides à la gestion locative", "Intermédiation Locative (IML)", "Dispositif fiscal",
                "Prime locale vacance", "Prime vacance France Ruralités", "Ma Prime Renov", "Prime Rénovation Globale",
                "Prime locale rénovation énergétique", "Accompagnement à la vente", "Autre"));
        m.put("dispositifs-coercitifs", List.of("ORI ou RHI - THIRORI", "Bien sans maître", "Abandon manifeste",
                "DIA - préemption", "Procédure d’habitat indigne (hygiène, insalubrité, péril)", "Permis de louer",
                "Permis de diviser", "Autre"));
        m.put("hors-dispositif-public", List.of("Accompagné par un professionnel (architecte, agent immobilier, etc.)",
                "Propriétaire autonome"));
        m.put("blocage-involontaire", List.of("Mise en location ou vente infructueuse", "Succession en cours",
                "Défaut d’entretien / Nécessité de travaux", "Problème de financement / Dossier non-éligible",
                "Manque de conseils en amont de l’achat", "En incapacité (âge, handicap, précarité ...)"));
        m.put("blocage-volontaire", List.of("Réserve personnelle ou pour une autre personne", "Stratégie de gestion",
                "Mauvaise expérience locative", "Montants des travaux perçus comme trop importants",
                "Refus catégorique, sans raison"));
        m.put("immeuble-environnement", List.of("Pas d’accès indépendant", "Immeuble dégradé", "Ruine / Immeuble à démolir",
                "Nuisances à proximité", "Risques Naturels / Technologiques"));
        m.put("tiers-en-cause", List.of("Entreprise(s) en défaut", "Copropriété en désaccord", "Expertise judiciaire",
                "Autorisation d’urbanisme refusée / Blocage ABF", "Interdiction de location"));
        m.put("travaux", List.of("À venir", "En cours", "Terminés"));
        m.put("occupation", List.of("À venir", "En cours", "Nouvelle occupation"));
        m.put("mutation", List.of("À venir", "En cours", "Effectuée"));
        return m;
    }
}
