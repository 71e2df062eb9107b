package fr.zlv.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The factors of the priority score. Each gives a value from 0 to 1 (in quarters, written in SQL as 0 to 4)
 * computed from the dwelling, its building, its primary owner and its commune; a factor brings
 * {@code round(weight × value)} points (halves rounded up). Weights total 100, so the score is 0–100. The SQL
 * aliases are those of {@link ScoreSql#FROM}.
 */
public enum ScoreFactor {

    VACANCY_DURATION("vacancy-duration", "Durée de vacance", 25,
            "Plus la vacance est ancienne, plus le logement est prioritaire (10 ans et plus : maximum).",
            """
            case when h.vacancy_start_year is null then 0
                 when coalesce(h.last_lovac_year, extract(year from current_date)::int) - h.vacancy_start_year >= 10 then 4
                 when coalesce(h.last_lovac_year, extract(year from current_date)::int) - h.vacancy_start_year >= 5 then 3
                 when coalesce(h.last_lovac_year, extract(year from current_date)::int) - h.vacancy_start_year >= 3 then 2
                 when coalesce(h.last_lovac_year, extract(year from current_date)::int) - h.vacancy_start_year >= 2 then 1
                 else 0 end""",
            """
            case when h.vacancy_start_year is null then 'Début de vacance inconnu'
                 else 'Vacant depuis ' || h.vacancy_start_year || ' ('
                      || greatest(0, coalesce(h.last_lovac_year, extract(year from current_date)::int) - h.vacancy_start_year) || ' ans)' end"""),
    BUILDING_VACANCY("building-vacancy", "Taux de vacance de l'immeuble", 10,
            "Un immeuble très vacant (50 % et plus) appelle une action d'ensemble.",
            """
            case when b.housing_count is null or b.housing_count = 0 or b.vacant_housing_count is null then 0
                 when 2 * b.vacant_housing_count >= b.housing_count then 4
                 when 5 * b.vacant_housing_count >= b.housing_count then 2
                 else 0 end""",
            """
            case when b.housing_count is null or b.housing_count = 0 or b.vacant_housing_count is null then 'Pas d''information'
                 else round(100 * b.vacant_housing_count::numeric / b.housing_count) || ' % des logements vacants' end"""),
    ENERGY_LABEL("energy-label", "Étiquette DPE", 15,
            "Les passoires énergétiques (F, G) sont prioritaires, E un peu moins.",
            "case coalesce(h.energy_label, b.energy_label) when 'G' then 4 when 'F' then 4 when 'E' then 2 else 0 end",
            "coalesce('Étiquette ' || coalesce(h.energy_label, b.energy_label), 'Pas d''information')"),
    // "75 years old or more" as "born on or before this day 75 years ago", which is what age() says, without
    // computing an age per dwelling (a national import scores a million of them)
    OWNER_AGE("owner-age", "Âge du propriétaire", 10,
            "Un propriétaire âgé (75 ans et plus) a plus souvent besoin d'accompagnement.",
            """
            case when po.birth_date is null then 0
                 when po.birth_date <= current_date - interval '75 years' then 4
                 when po.birth_date <= current_date - interval '60 years' then 2
                 else 0 end""",
            "coalesce(extract(year from age(current_date, po.birth_date))::int || ' ans', 'Pas d''information')"),
    OWNER_LOCATION("owner-location", "Lieu de résidence du propriétaire", 10,
            "Un propriétaire éloigné de son logement s'en occupe moins.",
            """
            case when po.relative_location in ('other-region', 'overseas', 'foreign-country') then 4
                 when po.relative_location in ('same-region', 'same-department') then 2
                 else 0 end""",
            """
            case po.relative_location when 'same-address' then 'Même adresse que le logement'
                 when 'same-commune' then 'Même commune' when 'same-department' then 'Même département'
                 when 'same-region' then 'Même région' when 'other-region' then 'Autre région'
                 when 'overseas' then 'Outre-mer' when 'foreign-country' then 'Étranger'
                 else 'Pas d''information' end"""),
    MULTI_OWNER("multi-owner", "Propriétaire de plusieurs logements", 5,
            "Un multi-propriétaire peut remettre plusieurs logements sur le marché.",
            "case when po.multi_owner then 4 else 0 end",
            "case when po.multi_owner then 'Oui' when po.multi_owner is null then 'Pas d''information' else 'Non' end"),
    MARKET_TENSION("market-tension", "Tension du marché (zonage ABC)", 10,
            "Un logement remis sur le marché compte plus là où la demande est forte (zones Abis et A).",
            "case z.zone when 'Abis' then 4 when 'A' then 4 when 'B1' then 3 when 'B2' then 2 else 0 end",
            "coalesce('Zone ' || z.zone, 'Pas d''information')"),
    VACANCY_TAX("vacancy-tax", "Taxe sur les logements vacants", 5,
            "Un logement soumis à la taxe (TLV, THLV) donne un argument de plus au propriétaire.",
            """
            case when h.taxed then 4
                 when vt.commune_code is not null then 2
                 else 0 end""",
            """
            case when h.taxed then 'Logement soumis à la taxe'
                 when exists (select 1 from vacancy_tax t where t.commune_code = h.commune_code)
                      then 'Commune à taxe (' || (select string_agg(distinct t.tax_kind, ', ') from vacancy_tax t where t.commune_code = h.commune_code) || ')'
                 else 'Non' end"""),
    PROGRAMMES("programmes", "Programmes Action cœur de ville, Petites villes de demain, ORT", 10,
            "La commune dispose d'outils et d'aides pour agir.",
            "case when cp.acv or cp.pvd or cp.ort then 4 else 0 end",
            """
            coalesce(nullif(concat_ws(', ', case when cp.acv then 'ACV' end, case when cp.pvd then 'PVD' end,
                                      case when cp.ort then 'ORT' end), ''), 'Aucun')""");

    private final String code;
    private final String label;
    private final int defaultWeight;
    private final String explanation;
    /** The value in quarters (an integer from 0 to 4): integer arithmetic, where decimals cost a national
     * rescoring a third of its time. */
    final String quartersSql;
    final String displaySql;

    ScoreFactor(String code, String label, int defaultWeight, String explanation, String quartersSql, String displaySql) {
        this.code = code;
        this.label = label;
        this.defaultWeight = defaultWeight;
        this.explanation = explanation;
        this.quartersSql = quartersSql;
        this.displaySql = displaySql;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    public String explanation() {
        return explanation;
    }

    public static Optional<ScoreFactor> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
