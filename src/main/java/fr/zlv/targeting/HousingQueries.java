package fr.zlv.targeting;

import fr.zlv.shared.TerritoryScope;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one place that turns a {@link TerritoryScope} and a {@link HousingFilter} into the WHERE clause
 * over {@code housing h}. Values are always bind parameters; only fixed SQL fragments chosen from the
 * filter codes are written into the text. Owner filters read the primary owner's (rank 1) attributes
 * that V28 copies onto housing, so that the list and its counts never join ownership.
 */
final class HousingQueries {

    /** At most this many words of the search box are used (each one an indexed condition). */
    private static final int MAX_SEARCH_WORDS = 6;

    private static final java.util.Set<String> COMMON_WORDS = java.util.Set.of("rue", "de", "la", "le", "les", "du", "des",
            "l", "d", "avenue", "av", "bd", "boulevard", "place", "pl", "chemin", "che", "route", "rte", "impasse", "imp",
            "allee", "all", "quai", "cours", "et", "en", "sur", "bis", "ter");

    private HousingQueries() {
    }

    /** A complete statement: SQL text with {@code ?} placeholders and their values. */
    record Statement(String sql, List<Object> params) {
    }

    /**
     * One page in the requested order, then by id. The page's ids are chosen first (sorting only the
     * sort keys), and the display columns and primary owner are joined to those rows only.
     */
    static Statement list(TerritoryScope scope, HousingFilter filter, ListRequest request) {
        SqlWhere where = where(scope, filter);
        List<String> sortColumns = new ArrayList<>();
        List<String> order = new ArrayList<>();
        int i = 0;
        for (ListRequest.Order o : request.orders()) {
            String alias = "s" + i++;
            String expression = o.key() == SortKey.SCORE ? ScoreColumn.of(scope) : o.key().expression();
            sortColumns.add(expression + " as " + alias);
            order.add(alias + (o.descending() ? " desc" : " asc") + " nulls last");
        }
        order.add("id");
        // a territory's first page comes from its own rows (a top-N over the filtered set, bounded by its
        // size), never from walking the national primary key until 50 of them match: that walk is
        // instant when the territory's ids come first, and scans the whole country when a filter
        // matches few or none of its dwellings. "+ 0" keeps the primary key's order out of reach.
        String idColumn = scope.national() ? "h.id" : "h.id + 0 as id";
        String inner = "select " + idColumn + (sortColumns.isEmpty() ? "" : ", " + String.join(", ", sortColumns))
                + " from housing h where " + where.sql()
                + " order by " + String.join(", ", order) + " limit ? offset ?";
        List<Object> params = new ArrayList<>(where.params());
        params.add(request.perPage());
        params.add(request.offset());
        String sql = """
                select h.id, h.local_id, h.address_dgfip, h.commune_code, c.name as commune_name, h.kind, h.living_area,
                       h.rooms, h.vacancy_start_year, h.status, h.sub_status, h.occupancy, %s as priority_score,
                       h.data_file_years, h.primary_owner_id as owner_id, h.primary_owner_name as owner_name
                  from (%s) p
                  join housing h on h.id = p.id
                  left join commune c on c.code = h.commune_code
                 order by %s""".formatted(ScoreColumn.of(scope), inner, String.join(", ", order.stream().map(o -> "p." + o).toList()));
        return new Statement(sql, params);
    }

    /**
     * Distinct primary owners and the dwellings of each status, in one pass over the filtered set and
     * without any join (the primary owner is on housing): one row, {@code owners} then a column
     * {@code status_<code>} per status of the catalogue.
     */
    static Statement count(TerritoryScope scope, HousingFilter filter) {
        SqlWhere where = where(scope, filter);
        String perStatus = FollowUpCatalogue.STATUSES.stream()
                .map(s -> "count(*) filter (where h.status = " + Integer.parseInt(s.code()) + ") as status_" + s.code())
                .collect(java.util.stream.Collectors.joining(", "));
        String sql = "select count(distinct h.primary_owner_id) as owners, " + perStatus
                + "\n  from housing h where " + where.sql();
        return new Statement(sql, where.params());
    }

    /** The light projection of the map, every geolocated dwelling of the filtered set. */
    static Statement map(TerritoryScope scope, HousingFilter filter) {
        SqlWhere where = where(scope, filter);
        String sql = """
                select h.id, h.local_id, h.commune_code, h.longitude, h.latitude, h.status, h.occupancy,
                       array_to_string(h.address_dgfip, ' ') as address
                  from housing h
                 where h.longitude is not null and h.latitude is not null and %s""".formatted(where.sql());
        return new Statement(sql, where.params());
    }

    static SqlWhere where(TerritoryScope scope, HousingFilter filter) {
        SqlWhere where = new SqlWhere();
        if (!scope.national()) {
            where.and("h.commune_code = any(?)", (Object) scope.communeArray());
        }
        if (filter.query() != null) {
            search(where, scope, filter.query());
        }
        if (filter.scoreMin() != null) {
            where.and(ScoreColumn.of(scope) + " >= ?", filter.scoreMin());
        }
        for (FilterField field : filter.values().keySet()) {
            where.and(field == FilterField.CAMPAIGN_IDS ? campaigns(scope, filter.get(field)) : condition(field, filter.get(field), scope.national()));
        }
        return where;
    }

    /**
     * {@code campaignIds}: in one of these campaigns of the caller's establishment, or ("null") in none of
     * its campaigns — another establishment's campaigns are private and never count (DOMAIN.md §8).
     */
    private static SqlWhere.Or campaigns(TerritoryScope scope, List<String> codes) {
        SqlWhere.Or or = new SqlWhere.Or();
        List<String> ids = codes.stream().filter(c -> !c.equals(FilterOption.NULL_CODE)).toList();
        String inCampaign = "exists (select 1 from campaign_housing ch join campaign ca on ca.id = ch.campaign_id "
                + "where ch.housing_id = h.id and ca.establishment_id = ?";
        if (!ids.isEmpty()) {
            or.add(inCampaign + " and ch.campaign_id = any(?::bigint[]))", scope.establishmentId(), longs(ids));
        }
        if (codes.contains(FilterOption.NULL_CODE)) {
            or.add("not " + inCampaign + ")", scope.establishmentId());
        }
        return or;
    }

    private static SqlWhere.Or condition(FilterField field, List<String> codes, boolean national) {
        SqlWhere.Or or = new SqlWhere.Or();
        boolean wantsNull = codes.contains(FilterOption.NULL_CODE);
        List<String> values = codes.stream().filter(c -> !c.equals(FilterOption.NULL_CODE)).toList();
        switch (field) {
            case DATA_FILE_YEARS_INCLUDED -> {
                array(or, "h.data_file_years && ?::text[]", values);
                nullIf(or, wantsNull, "h.data_file_years = '{}'");
            }
            case DATA_FILE_YEARS_EXCLUDED -> or.add("not (h.data_file_years && ?::text[])", (Object) values.toArray(String[]::new));
            case OCCUPANCIES -> {
                array(or, "h.occupancy = any(?)", values.stream().filter(v -> !v.equals("inconnu")).toList());
                nullIf(or, wantsNull || values.contains("inconnu"), "(h.occupancy = 'inconnu' or h.occupancy is null)");
            }
            case VACANCY_YEARS -> {
                List<Integer> years = values.stream().filter(v -> v.matches("\\d{4}")).map(Integer::valueOf).toList();
                ints(or, "h.vacancy_start_year = any(?::int[])", years);
                for (String v : values) {
                    switch (v) {
                        case "2018to2015" -> or.add("h.vacancy_start_year between 2015 and 2018");
                        case "2014to2010" -> or.add("h.vacancy_start_year between 2010 and 2014");
                        case "before2010" -> or.add("h.vacancy_start_year < 2010");
                        case "missingData" -> wantsNull = true;
                        default -> { }
                    }
                }
                nullIf(or, wantsNull, "h.vacancy_start_year is null");
            }
            case STATUSES -> ints(or, "h.status = any(?::int[])", values.stream().map(Integer::valueOf).toList());
            case SUB_STATUSES -> {
                array(or, "h.sub_status = any(?)", values.stream().map(FollowUpCatalogue::subStatusLabel).toList());
                nullIf(or, wantsNull, "h.sub_status is null");
            }
            case PRECISIONS -> {
                array(or, "h.precisions && ?::text[]", values);
                nullIf(or, wantsNull, "h.precisions = '{}'");
            }
            case INTERCOMMUNALITIES -> array(or, "h.commune_code in (select c.code from commune c where c.epci_siren = any(?))", values);
            case LOCALITIES -> {
                String[] array = values.toArray(String[]::new);
                // a commune matches its arrondissements (commune_code is the resolved commune); an
                // arrondissement code only itself, reached through its commune so that the index serves
                or.add("h.commune_code = any(?)", (Object) array);
                or.add("(h.commune_code in (select a.commune from arrondissement a where a.code = any(?)) and h.geo_code = any(?))",
                        array, array);
            }
            case LOCALITY_KINDS -> {
                List<String> columns = values.stream().map(v -> "p." + v.toLowerCase(Locale.ROOT)).toList();
                or.add("h.commune_code in (select p.commune_code from commune_programme p where "
                        + String.join(" or ", columns) + ")");
            }
            case GEO_PERIMETERS_INCLUDED -> or.add("exists (select 1 from housing_geo_perimeter g where g.housing_id = h.id "
                    + "and g.perimeter_id = any(?::bigint[]))", (Object) longs(values));
            case GEO_PERIMETERS_EXCLUDED -> or.add("not exists (select 1 from housing_geo_perimeter g where g.housing_id = h.id "
                    + "and g.perimeter_id = any(?::bigint[]))", (Object) longs(values));
            case BUILDING_PERIODS -> {
                ranges(or, values, v -> switch (v) {
                    case "lt1919" -> "h.building_year < 1919";
                    case "1919to1945" -> "h.building_year between 1919 and 1945";
                    case "1946to1990" -> "h.building_year between 1946 and 1990";
                    default -> "h.building_year >= 1991";
                });
                nullIf(or, wantsNull, "h.building_year is null");
            }
            case ENERGY_CONSUMPTION -> {
                // the dwelling's own label, else its building's. Nationally: membership in the set of
                // buildings with such a label (hashed once; 0.9 s instead of 2–3 s for a building lookup
                // per dwelling); in a territory the lookups of its rows are cheaper than hashing the
                // country's buildings
                String label = "coalesce(h.energy_label, (select b.energy_label from building b where b.id = h.building_id))";
                if (!national) {
                    array(or, label + " = any(?)", values);
                    nullIf(or, wantsNull, label + " is null");
                } else {
                    if (!values.isEmpty()) {
                        String[] labels = values.toArray(String[]::new);
                        or.add("h.energy_label = any(?)", (Object) labels);
                        or.add("(h.energy_label is null and h.building_id in (select b.id from building b"
                                + " where b.energy_label = any(?)))", (Object) labels);
                    }
                    nullIf(or, wantsNull, "(h.energy_label is null and (h.building_id is null"
                            + " or h.building_id not in (select b.id from building b where b.energy_label is not null)))");
                }
            }
            case OWNERSHIP_KINDS -> ranges(or, values, v -> switch (v) {
                // ff_ctpdl: blank = single owner; CL, CLV, CV = co-ownership; BND, MP, TF = other
                case "single" -> "coalesce(h.condominium, '') = ''";
                case "co" -> "h.condominium in ('CL', 'CLV', 'CV')";
                default -> "h.condominium in ('BND', 'MP', 'TF')";
            });
            case HOUSING_COUNTS -> {
                List<String> parts = values.stream().map(v -> switch (v) {
                    case "lt5" -> "b.housing_count < 5";
                    case "5to19" -> "b.housing_count between 5 and 19";
                    case "20to49" -> "b.housing_count between 20 and 49";
                    default -> "b.housing_count >= 50";
                }).toList();
                building(or, parts, wantsNull, "b.housing_count is not null", national);
            }
            case VACANCY_RATES -> {
                String rate = "(b.vacant_housing_count * 100.0 / b.housing_count)";
                List<String> parts = values.stream().map(v -> switch (v) {
                    case "lt20" -> rate + " < 20";
                    case "20to39" -> rate + " >= 20 and " + rate + " < 40";
                    case "40to59" -> rate + " >= 40 and " + rate + " < 60";
                    case "60to79" -> rate + " >= 60 and " + rate + " < 80";
                    default -> rate + " >= 80";
                }).map(p -> "(b.housing_count > 0 and " + p + ")").toList();
                building(or, parts, wantsNull, "b.housing_count > 0 and b.vacant_housing_count is not null", national);
            }
            case HOUSING_KINDS -> {
                array(or, "h.kind = any(?)", values);
                nullIf(or, wantsNull, "h.kind is null");
            }
            case HOUSING_AREAS -> {
                ranges(or, values, v -> switch (v) {
                    case "lt35" -> "h.living_area < 35";
                    case "35to74" -> "(h.living_area >= 35 and h.living_area < 75)";
                    case "75to99" -> "(h.living_area >= 75 and h.living_area < 100)";
                    default -> "h.living_area >= 100";
                });
                nullIf(or, wantsNull, "h.living_area is null");
            }
            case ROOMS_COUNTS -> {
                ints(or, "h.rooms = any(?::int[])", values.stream().filter(v -> v.matches("\\d")).map(Integer::valueOf).toList());
                nullIf(or, values.contains("gte5"), "h.rooms >= 5");
                nullIf(or, wantsNull, "h.rooms is null");
            }
            case CADASTRAL_CLASSIFICATIONS -> {
                ints(or, "h.cadastral_classification = any(?::int[])", values.stream().map(Integer::valueOf).toList());
                nullIf(or, wantsNull, "h.cadastral_classification is null");
            }
            case LAST_MUTATION_TYPES -> {
                // a DVF sale carries its nature (dvf_libnatmut); a deed date without a DVF sale is a
                // donation or an inheritance, which DVF does not record
                ranges(or, values, v -> v.equals("sale")
                        ? "(h.mutation_type is not null and lower(h.mutation_type) <> 'donation')"
                        : "(lower(h.mutation_type) = 'donation' or (h.mutation_type is null and h.mutation_date is not null))");
                nullIf(or, wantsNull, "(h.mutation_type is null and h.mutation_date is null)");
            }
            case LAST_MUTATION_YEARS -> {
                String year = "extract(year from h.mutation_date)::int";
                ints(or, year + " = any(?::int[])", values.stream().filter(v -> v.matches("\\d{4}")).map(Integer::valueOf).toList());
                for (String v : values) {
                    switch (v) {
                        case "2015to2020" -> or.add(year + " between 2015 and 2020");
                        case "2010to2014" -> or.add(year + " between 2010 and 2014");
                        case "lte2009" -> or.add(year + " <= 2009");
                        default -> { }
                    }
                }
                nullIf(or, wantsNull, "h.mutation_date is null");
            }
            // owner filters read the primary owner's attributes copied onto housing (V28, kept by triggers):
            // null there means no primary owner or no value, both "Pas d'information"
            case OWNER_KINDS -> {
                array(or, "h.primary_owner_kind = any(?)", values);
                nullIf(or, wantsNull, "h.primary_owner_kind is null");
            }
            case OWNER_AGES -> {
                ranges(or, values, v -> switch (v) {
                    case "lt40" -> "h.primary_owner_birth_date > current_date - interval '40 years'";
                    case "40to59" -> "(h.primary_owner_birth_date <= current_date - interval '40 years'"
                            + " and h.primary_owner_birth_date > current_date - interval '60 years')";
                    case "60to74" -> "(h.primary_owner_birth_date <= current_date - interval '60 years'"
                            + " and h.primary_owner_birth_date > current_date - interval '75 years')";
                    case "75to99" -> "(h.primary_owner_birth_date <= current_date - interval '75 years'"
                            + " and h.primary_owner_birth_date > current_date - interval '100 years')";
                    default -> "h.primary_owner_birth_date <= current_date - interval '100 years'";
                });
                nullIf(or, wantsNull, "h.primary_owner_birth_date is null");
            }
            case RELATIVE_LOCATIONS -> {
                array(or, "h.primary_owner_location = any(?)", values);
                nullIf(or, wantsNull, "h.primary_owner_location is null");
            }
            case MULTI_OWNERS -> or.add("h.primary_owner_multi = any(?::boolean[])",
                    (Object) values.stream().map(Boolean::valueOf).toArray(Boolean[]::new));
            case BENEFICIARY_COUNTS -> {
                ints(or, "h.beneficiary_count = any(?::int[])", values.stream().filter(v -> v.matches("\\d")).map(Integer::valueOf).toList());
                nullIf(or, values.contains("gte5"), "h.beneficiary_count >= 5");
                nullIf(or, wantsNull, "h.beneficiary_count is null");
            }
            case IS_TAXED_VALUES -> {
                if (!values.isEmpty()) {
                    or.add("h.taxed = any(?::boolean[])", (Object) values.stream().map(Boolean::valueOf).toArray(Boolean[]::new));
                }
                nullIf(or, wantsNull, "h.taxed is null");
            }
        }
        return or;
    }

    /**
     * The search box: an exact local id, invariant or cadastral reference; otherwise every word found
     * (accent- and case-insensitive, any order) in the dwelling's address, or in the name,
     * administrator or address of one of its current owners. Conditions on housing alone: a trigram
     * index covers the address, another the owners' texts copied onto housing (V28, V36); since words
     * could match across two owners' texts, the exact rule (all words in one text) is then checked on
     * the candidates, still without leaving the row.
     */
    private static void search(SqlWhere where, TerritoryScope scope, String query) {
        String exact = query.strip();
        List<String> words = searchWords(query);
        List<Object> params = new ArrayList<>(List.of(exact.toUpperCase(Locale.ROOT), exact, exact.toUpperCase(Locale.ROOT)));
        StringBuilder sql = new StringBuilder("(upper(h.local_id) = ? or h.invariant = ? or h.cadastral_reference = ?");
        if (!words.isEmpty()) {
            List<Object> patterns = words.stream().map(w -> (Object) ("%" + w + "%")).toList();
            String[] all = patterns.toArray(String[]::new);
            // inside a territory, its rows (clustered by commune) are fewer than the national trigram
            // matches of a common name or street word (200 k+ for "martin"): the words are then one
            // "like all", which the indexes do not serve, checked on the territory's rows
            if (scope.national()) {
                sql.append("\n    or ").append(allWords("h.address_key", words.size()))
                        .append("\n    or (").append(allWords("h.owners_key", words.size()));
                params.addAll(patterns);
                params.addAll(patterns);
            } else {
                sql.append("\n    or h.address_key like all(?::text[])\n    or (h.owners_key like all(?::text[])");
                params.add(all);
                params.add(all);
            }
            sql.append("\n        and exists (select 1 from unnest(string_to_array(h.owners_key, '|')) k where k like all(?::text[])))");
            params.add(all);
        }
        sql.append(")");
        where.and(sql.toString(), params.toArray());
    }

    /**
     * The words of the search box, lower case without accents. Words found in nearly every address
     * ("rue", "de"…) select nothing and cost a full index scan: they are dropped when other words remain.
     */
    static List<String> searchWords(String query) {
        List<String> all = Arrays.stream(normalize(query).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 2).distinct().toList();
        List<String> significant = all.stream().filter(w -> !COMMON_WORDS.contains(w)).toList();
        return (significant.isEmpty() ? all : significant).stream().limit(MAX_SEARCH_WORDS).toList();
    }

    private static String allWords(String expression, int count) {
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            likes.add(expression + " like ?");
        }
        return "(" + String.join(" and ", likes) + ")";
    }

    /** Lower case without accents, as immutable_unaccent(lower(...)) gives it; LIKE wildcards become separators. */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[%_\\\\]", " ");
    }

    private static void array(SqlWhere.Or or, String part, List<String> values) {
        if (!values.isEmpty()) {
            or.add(part, (Object) values.toArray(String[]::new));
        }
    }

    private static void ints(SqlWhere.Or or, String part, List<Integer> values) {
        if (!values.isEmpty()) {
            or.add(part, (Object) values.toArray(Integer[]::new));
        }
    }

    private static Long[] longs(List<String> values) {
        return values.stream().map(Long::valueOf).toArray(Long[]::new);
    }

    private static void ranges(SqlWhere.Or or, List<String> values, Function<String, String> part) {
        values.forEach(v -> or.add(part.apply(v)));
    }

    private static void nullIf(SqlWhere.Or or, boolean wanted, String part) {
        if (wanted) {
            or.add(part);
        }
    }

    /**
     * Building figures: the dwelling's building matches one part; "null": no building or no figure.
     * Nationally as membership in the set of matching buildings (hashed once), in a territory as a
     * lookup of each of its dwellings' building (see ENERGY_CONSUMPTION).
     */
    private static void building(SqlWhere.Or or, List<String> parts, boolean wantsNull, String known, boolean national) {
        if (national) {
            if (!parts.isEmpty()) {
                or.add("h.building_id in (select b.id from building b where " + String.join(" or ", parts) + ")");
            }
            nullIf(or, wantsNull, "(h.building_id is null or h.building_id not in (select b.id from building b where " + known + "))");
            return;
        }
        if (!parts.isEmpty()) {
            or.add("exists (select 1 from building b where b.id = h.building_id and (" + String.join(" or ", parts) + "))");
        }
        nullIf(or, wantsNull, "not exists (select 1 from building b where b.id = h.building_id and " + known + ")");
    }
}
