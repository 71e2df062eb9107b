package fr.zlv.targeting;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every filter of the housing list (DOMAIN.md §5), with its query-parameter name, its French label,
 * its codes and whether "Pas d'information" ({@code null}) applies. Some filters also accept codes
 * that match a pattern (years, SIREN, INSEE codes, perimeter ids) beyond the listed options.
 */
public enum FilterField {
    DATA_FILE_YEARS_INCLUDED("dataFileYearsIncluded", "Fichiers sources inclus", "Source", true,
            Pattern.compile("(lovac|ff)-(19|20)\\d\\d|manual"), List.of()),
    DATA_FILE_YEARS_EXCLUDED("dataFileYearsExcluded", "Fichiers sources exclus", "Source", false,
            Pattern.compile("(lovac|ff)-(19|20)\\d\\d|manual"), List.of()),
    OCCUPANCIES("occupancies", "Occupation", "Logement", true, null, List.of(
            o("V", "Vacant"), o("L", "En location"), o("B", "Meublé de tourisme"),
            o("RS", "Résidence secondaire non louée"), o("P", "Occupé par le propriétaire"), o("N", "Dépendance"),
            o("T", "Local commercial ou bureau"), o("D", "Local démoli ou divisé"), o("A", "Autres"),
            o("inconnu", "Pas d'information"))),
    VACANCY_YEARS("vacancyYears", "Début de vacance", "Logement", true, Pattern.compile("20[2-9]\\d"), List.of(
            o("2023", "2023"), o("2022", "2022"), o("2021", "2021"), o("2020", "2020"), o("2019", "2019"),
            o("2018to2015", "2015 à 2018"), o("2014to2010", "2010 à 2014"), o("before2010", "Avant 2010"),
            o("missingData", "Pas d'information"))),
    STATUSES("statuses", "Statut de suivi", "Suivi", false, null, FollowUpCatalogue.STATUSES),
    SUB_STATUSES("subStatuses", "Sous-statut de suivi", "Suivi", true, null, FollowUpCatalogue.SUB_STATUSES),
    PRECISIONS("precisions", "Précisions", "Suivi", true, null, FollowUpCatalogue.PRECISIONS),
    /** Campaigns of the caller's establishment; "null" = in none of them (DOMAIN.md §5). */
    CAMPAIGN_IDS("campaignIds", "Campagne", "Suivi", true, Pattern.compile("\\d{1,18}"), List.of()),
    INTERCOMMUNALITIES("intercommunalities", "Intercommunalité (SIREN)", "Localisation", false,
            Pattern.compile("\\d{9}"), List.of()),
    LOCALITIES("localities", "Commune (code INSEE)", "Localisation", false,
            Pattern.compile("\\d[\\dAB]\\d{3}"), List.of()),
    LOCALITY_KINDS("localityKinds", "Type de commune", "Localisation", false, null, List.of(
            o("ACV", "Action Cœur de Ville"), o("PVD", "Petites Villes de Demain"),
            o("ORT", "Opération de revitalisation de territoire"))),
    GEO_PERIMETERS_INCLUDED("geoPerimetersIncluded", "Dans le périmètre", "Localisation", false,
            Pattern.compile("\\d{1,18}"), List.of()),
    GEO_PERIMETERS_EXCLUDED("geoPerimetersExcluded", "Hors du périmètre", "Localisation", false,
            Pattern.compile("\\d{1,18}"), List.of()),
    BUILDING_PERIODS("buildingPeriods", "Date de construction", "Bâtiment", true, null, List.of(
            o("lt1919", "Avant 1919"), o("1919to1945", "1919 à 1945"), o("1946to1990", "1946 à 1990"),
            o("gte1991", "1991 et après"))),
    ENERGY_CONSUMPTION("energyConsumption", "Étiquette DPE", "Bâtiment", true, null, List.of(
            o("A", "A"), o("B", "B"), o("C", "C"), o("D", "D"), o("E", "E"), o("F", "F"), o("G", "G"))),
    OWNERSHIP_KINDS("ownershipKinds", "Type de propriété", "Bâtiment", false, null, List.of(
            o("single", "Monopropriété"), o("co", "Copropriété"), o("other", "Autre"))),
    HOUSING_COUNTS("housingCounts", "Nombre de logements dans l'immeuble", "Bâtiment", true, null, List.of(
            o("lt5", "Moins de 5"), o("5to19", "5 à 19"), o("20to49", "20 à 49"), o("gte50", "50 et plus"))),
    VACANCY_RATES("vacancyRates", "Taux de vacance de l'immeuble", "Bâtiment", true, null, List.of(
            o("lt20", "Moins de 20 %"), o("20to39", "20 à 39 %"), o("40to59", "40 à 59 %"), o("60to79", "60 à 79 %"),
            o("gte80", "80 % et plus"))),
    HOUSING_KINDS("housingKinds", "Type de logement", "Logement", true, null, List.of(
            o("APPART", "Appartement"), o("MAISON", "Maison"))),
    HOUSING_AREAS("housingAreas", "Surface", "Logement", true, null, List.of(
            o("lt35", "Moins de 35 m²"), o("35to74", "35 à 74 m²"), o("75to99", "75 à 99 m²"),
            o("gte100", "100 m² et plus"))),
    ROOMS_COUNTS("roomsCounts", "Nombre de pièces", "Logement", true, null, List.of(
            o("1", "1 pièce"), o("2", "2 pièces"), o("3", "3 pièces"), o("4", "4 pièces"), o("gte5", "5 pièces et plus"))),
    CADASTRAL_CLASSIFICATIONS("cadastralClassifications", "Classement cadastral", "Logement", true, null,
            IntStream.rangeClosed(1, 8).mapToObj(i -> o(String.valueOf(i), String.valueOf(i))).toList()),
    LAST_MUTATION_TYPES("lastMutationTypes", "Type de dernière mutation", "Logement", true, null, List.of(
            o("sale", "Vente"), o("donation", "Donation"))),
    LAST_MUTATION_YEARS("lastMutationYears", "Année de dernière mutation", "Logement", true,
            Pattern.compile("20[2-9]\\d"), List.of(
            o("2024", "2024"), o("2023", "2023"), o("2022", "2022"), o("2021", "2021"), o("2015to2020", "2015 à 2020"),
            o("2010to2014", "2010 à 2014"), o("lte2009", "2009 et avant"))),
    OWNER_KINDS("ownerKinds", "Type de propriétaire", "Propriétaire", true, null, List.of(
            o("particulier", "Particulier"), o("sci-copro", "SCI, Copropriété, Autres personnes morales"),
            o("promoteur", "Promoteur, Investisseur privé"), o("etat-collectivite", "Etat et collectivité territoriale"),
            o("bailleur-social", "Bailleur social, Aménageur, Investisseur public"), o("autres", "Autres"))),
    OWNER_AGES("ownerAges", "Âge du propriétaire", "Propriétaire", true, null, List.of(
            o("lt40", "Moins de 40 ans"), o("40to59", "40 à 59 ans"), o("60to74", "60 à 74 ans"),
            o("75to99", "75 à 99 ans"), o("gte100", "100 ans et plus"))),
    RELATIVE_LOCATIONS("relativeLocations", "Lieu de résidence du propriétaire", "Propriétaire", true, null, List.of(
            o("same-address", "Même adresse que le logement"), o("same-commune", "Même commune"),
            o("same-department", "Même département"), o("same-region", "Même région"),
            o("other-region", "Autre région"), o("overseas", "Outre-mer"), o("foreign-country", "Étranger"),
            o("other", "Autre ou inconnu"))),
    MULTI_OWNERS("multiOwners", "Multi-propriétaire", "Propriétaire", false, null, List.of(
            o("true", "Oui"), o("false", "Non"))),
    BENEFICIARY_COUNTS("beneficiaryCounts", "Nombre de propriétaires", "Propriétaire", true, null, List.of(
            o("0", "0"), o("1", "1"), o("2", "2"), o("3", "3"), o("4", "4"), o("gte5", "5 et plus"))),
    IS_TAXED_VALUES("isTaxedValues", "Soumis à la taxe sur la vacance", "Logement", true, null, List.of(
            o("true", "Oui"), o("false", "Non")));

    private final String parameter;
    private final String label;
    private final String group;
    private final boolean allowsNull;
    private final Pattern pattern;
    private final List<FilterOption> options;

    FilterField(String parameter, String label, String group, boolean allowsNull, Pattern pattern, List<FilterOption> options) {
        this.parameter = parameter;
        this.label = label;
        this.group = group;
        this.allowsNull = allowsNull;
        this.pattern = pattern;
        this.options = options;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** The heading of the side panel the filter sits under. */
    public String group() {
        return group;
    }

    public boolean allowsNull() {
        return allowsNull;
    }

    public List<FilterOption> options() {
        return options;
    }

    /** Options as the page shows them: the listed codes, then "Pas d'information" where it applies. */
    public List<FilterOption> choices() {
        if (!allowsNull || options.stream().anyMatch(o -> o.label().equals(FilterOption.NULL_LABEL))) {
            return options;
        }
        return java.util.stream.Stream.concat(options.stream(),
                java.util.stream.Stream.of(new FilterOption(FilterOption.NULL_CODE, FilterOption.NULL_LABEL))).toList();
    }

    public boolean accepts(String code) {
        return (allowsNull && FilterOption.NULL_CODE.equals(code))
                || options.stream().anyMatch(o -> o.code().equals(code))
                || pattern != null && pattern.matcher(code).matches();
    }

    /** The label of a code, for the chips of the active filters. */
    public String labelOf(String code) {
        if (FilterOption.NULL_CODE.equals(code)) {
            return FilterOption.NULL_LABEL;
        }
        return options.stream().filter(o -> o.code().equals(code)).map(FilterOption::label).findFirst().orElse(code);
    }

    /** "V (Vacant), L (En location)…", for error messages and the OpenAPI description. */
    public String describeCodes() {
        String listed = options.stream().map(o -> o.code().equals(o.label()) ? o.code() : o.code() + " (" + o.label() + ")")
                .collect(Collectors.joining(", "));
        String extra = switch (this) {
            case DATA_FILE_YEARS_INCLUDED, DATA_FILE_YEARS_EXCLUDED -> "lovac-AAAA, ff-AAAA ou manual";
            case VACANCY_YEARS, LAST_MUTATION_YEARS -> "ou une année (AAAA)";
            case INTERCOMMUNALITIES -> "SIREN d'EPCI (9 chiffres)";
            case LOCALITIES -> "code INSEE de commune ou d'arrondissement (5 caractères)";
            case GEO_PERIMETERS_INCLUDED, GEO_PERIMETERS_EXCLUDED -> "identifiants de périmètres de l'établissement";
            case CAMPAIGN_IDS -> "identifiants de campagnes de l'établissement";
            default -> "";
        };
        String nullPart = allowsNull && !options.stream().anyMatch(o -> o.label().equals(FilterOption.NULL_LABEL))
                ? "null (Pas d'information)" : "";
        return java.util.stream.Stream.of(listed, extra, nullPart).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    public static java.util.Optional<FilterField> byParameter(String parameter) {
        for (FilterField f : values()) {
            if (f.parameter.equals(parameter)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    private static FilterOption o(String code, String label) {
        return new FilterOption(code, label);
    }
}
