package fr.zlv.housing.followup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The enumerations of DOMAIN.md §4 that the follow-up of a dwelling uses, with their stable API codes.
 * Codes are slugs derived once from the labels (the same derivation as the targeting filters), so that
 * a label and its code cannot drift apart. The housing table stores the sub-status as its label (as the
 * LOVAC import writes it) and precisions as codes "category/slug".
 */
public final class FollowUpCatalogue {

    /** A choice: its stable code and its French label. */
    public record Choice(String code, String label) {
    }

    /** A status (0–5) with its API code, label and sub-statuses. */
    public record Status(int value, String code, String label, List<Choice> subStatuses) {
    }

    /** A category of precisions; {@code single} for the "évolutions" where one value at most is allowed. */
    public record PrecisionCategory(String code, String label, boolean single, List<Choice> precisions) {
    }

    public static final List<Status> STATUSES = List.of(
            status(0, "never-contacted", "Non suivi"),
            status(1, "waiting", "En attente de retour"),
            status(2, "first-contact", "Premier contact", "Intérêt potentiel / En réflexion", "En pré-accompagnement",
                    "N’habite pas à l’adresse indiquée"),
            status(3, "in-progress", "Suivi en cours", "En accompagnement", "Intervention publique",
                    "En sortie sans accompagnement", "Mutation en cours ou effectuée"),
            status(4, "completed", "Suivi terminé", "Sortie de la vacance", "N'était pas vacant",
                    "Sortie de la passoire énergétique", "N'était pas une passoire énergétique", "Autre objectif rempli"),
            status(5, "blocked", "Suivi bloqué", "Blocage involontaire du propriétaire", "Blocage volontaire du propriétaire",
                    "Immeuble / Environnement", "Tiers en cause"));

    public static final List<Choice> OCCUPANCIES = List.of(
            new Choice("V", "Vacant"), new Choice("L", "En location"), new Choice("B", "Meublé de tourisme"),
            new Choice("RS", "Résidence secondaire non louée"), new Choice("P", "Occupé par le propriétaire"),
            new Choice("N", "Dépendance"), new Choice("T", "Local commercial ou bureau"),
            new Choice("D", "Local démoli ou divisé"), new Choice("A", "Autres"), new Choice("inconnu", "Pas d'information"));

    public static final List<PrecisionCategory> PRECISION_CATEGORIES = List.of(
            category("dispositifs-incitatifs", "Dispositifs incitatifs", false, "Conventionnement avec travaux",
                    "Conventionnement sans travaux", "Aides locales travaux", "Aides à la gestion locative",
                    "Intermédiation Locative (IML)", "Dispositif fiscal", "Prime locale vacance", "Prime vacance France Ruralités",
                    "Ma Prime Renov", "Prime Rénovation Globale", "Prime locale rénovation énergétique",
                    "Accompagnement à la vente", "Autre"),
            category("dispositifs-coercitifs", "Dispositifs coercitifs", false, "ORI ou RHI - THIRORI", "Bien sans maître",
                    "Abandon manifeste", "DIA - préemption", "Procédure d’habitat indigne (hygiène, insalubrité, péril)",
                    "Permis de louer", "Permis de diviser", "Autre"),
            category("hors-dispositif-public", "Hors dispositif public", false,
                    "Accompagné par un professionnel (architecte, agent immobilier, etc.)", "Propriétaire autonome"),
            category("blocage-involontaire", "Blocage involontaire", false, "Mise en location ou vente infructueuse",
                    "Succession en cours", "Défaut d’entretien / Nécessité de travaux",
                    "Problème de financement / Dossier non-éligible", "Manque de conseils en amont de l’achat",
                    "En incapacité (âge, handicap, précarité ...)"),
            category("blocage-volontaire", "Blocage volontaire", false, "Réserve personnelle ou pour une autre personne",
                    "Stratégie de gestion", "Mauvaise expérience locative", "Montants des travaux perçus comme trop importants",
                    "Refus catégorique, sans raison"),
            category("immeuble-environnement", "Immeuble / Environnement", false, "Pas d’accès indépendant",
                    "Immeuble dégradé", "Ruine / Immeuble à démolir", "Nuisances à proximité",
                    "Risques Naturels / Technologiques"),
            category("tiers-en-cause", "Tiers en cause", false, "Entreprise(s) en défaut", "Copropriété en désaccord",
                    "Expertise judiciaire", "Autorisation d’urbanisme refusée / Blocage ABF", "Interdiction de location"),
            category("travaux", "Évolution : travaux", true, "À venir", "En cours", "Terminés"),
            category("occupation", "Évolution : occupation", true, "À venir", "En cours", "Nouvelle occupation"),
            category("mutation", "Évolution : mutation", true, "À venir", "En cours", "Effectuée"));

    /** Ownership ranks (DOMAIN.md §3), in the order the owner form offers them. */
    public static final List<Choice> RANKS = List.of(
            new Choice("1", "Propriétaire principal"), new Choice("2", "Propriétaire secondaire (rang 2)"),
            new Choice("3", "Propriétaire secondaire (rang 3)"), new Choice("4", "Propriétaire secondaire (rang 4)"),
            new Choice("5", "Propriétaire secondaire (rang 5)"), new Choice("6", "Propriétaire secondaire (rang 6)"),
            new Choice("0", "Ancien propriétaire"), new Choice("-1", "Propriétaire incorrect"),
            new Choice("-2", "En attente de traitement"), new Choice("-3", "Propriétaire décédé"));

    private static final Map<String, String> PROPERTY_RIGHTS = labelsBySlug("propriétaire entier", "usufruitier",
            "nu-propriétaire", "administrateur", "syndic", "associé SCI IR", "autre");

    private static final Map<String, String> OWNER_KINDS = Map.of(
            "particulier", "Particulier", "sci-copro", "SCI, Copropriété, Autres personnes morales",
            "promoteur", "Promoteur, Investisseur privé", "etat-collectivite", "Etat et collectivité territoriale",
            "bailleur-social", "Bailleur social, Aménageur, Investisseur public", "autres", "Autres");

    private static final Map<String, String> RELATIVE_LOCATIONS = Map.of(
            "same-address", "Même adresse que le logement", "same-commune", "Même commune",
            "same-department", "Même département", "same-region", "Même région", "other-region", "Autre région",
            "overseas", "Outre-mer", "foreign-country", "Étranger", "other", "Pas d'information");

    private FollowUpCatalogue() {
    }

    public static Optional<Status> status(int value) {
        return value >= 0 && value < STATUSES.size() ? Optional.of(STATUSES.get(value)) : Optional.empty();
    }

    public static String statusLabel(int value) {
        return status(value).map(Status::label).orElse(String.valueOf(value));
    }

    /** The sub-status of the given status with that code or label, if it belongs to it. */
    public static Optional<Choice> subStatusOf(int status, String codeOrLabel) {
        return status(status).stream().flatMap(s -> s.subStatuses().stream())
                .filter(c -> c.code().equals(codeOrLabel) || c.label().equals(codeOrLabel)).findFirst();
    }

    /** Any sub-status with that code (or stored label), whatever its status. */
    public static Optional<Choice> anySubStatus(String codeOrLabel) {
        return STATUSES.stream().flatMap(s -> s.subStatuses().stream())
                .filter(c -> c.code().equals(codeOrLabel) || c.label().equals(codeOrLabel)).findFirst();
    }

    public static Optional<Choice> occupancy(String code) {
        return OCCUPANCIES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public static String occupancyLabel(String code) {
        return code == null ? "—" : occupancy(code).map(Choice::label).orElse(code);
    }

    public static Optional<PrecisionCategory> precisionCategoryOf(String precisionCode) {
        int slash = precisionCode == null ? -1 : precisionCode.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String category = precisionCode.substring(0, slash);
        return PRECISION_CATEGORIES.stream().filter(c -> c.code().equals(category)
                && c.precisions().stream().anyMatch(p -> p.code().equals(precisionCode))).findFirst();
    }

    /** "Dispositifs incitatifs : Autre" for a precision code; the code itself when unknown. */
    public static String precisionLabel(String code) {
        return precisionCategoryOf(code).map(c -> c.label() + " : " + c.precisions().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().label()).orElse(code);
    }

    public static String rankLabel(int rank) {
        return RANKS.stream().filter(r -> r.code().equals(String.valueOf(rank))).map(Choice::label).findFirst()
                .orElse("Rang " + rank);
    }

    public static String propertyRightLabel(String code) {
        return code == null ? null : PROPERTY_RIGHTS.getOrDefault(code, code);
    }

    public static String ownerKindLabel(String code) {
        return code == null ? null : OWNER_KINDS.getOrDefault(code, code);
    }

    public static String relativeLocationLabel(String code) {
        return code == null ? null : RELATIVE_LOCATIONS.getOrDefault(code, code);
    }

    /** "n-habite-pas-a-l-adresse-indiquee" from "N’habite pas à l’adresse indiquée". */
    public static String slug(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Status status(int value, String code, String label, String... subStatuses) {
        List<Choice> choices = new ArrayList<>();
        for (String s : subStatuses) {
            choices.add(new Choice(slug(s), s));
        }
        return new Status(value, code, label, List.copyOf(choices));
    }

    private static PrecisionCategory category(String code, String label, boolean single, String... precisions) {
        List<Choice> choices = new ArrayList<>();
        for (String p : precisions) {
            choices.add(new Choice(code + "/" + slug(p), p));
        }
        return new PrecisionCategory(code, label, single, List.copyOf(choices));
    }

    private static Map<String, String> labelsBySlug(String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            map.put(slug(label), label);
        }
        return Map.copyOf(map);
    }
}
