package fr.zlv.targeting;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of targeting: list, count, map and one dwelling, for a {@link TerritoryScope} and a
 * {@link HousingFilter}. List and count are separate calls (the list returns no total), as the
 * national service learned (DOMAIN.md §9).
 */
@Service
@Transactional(readOnly = true)
public class HousingSearch {

    private final JdbcClient jdbc;
    /** Streams the map's rows (a fetch size needs a transaction, which this class has). */
    private final JdbcTemplate streaming;

    HousingSearch(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
    }

    /** One page of dwellings in the requested order (then by id, so that pages never overlap). */
    @AnyRole
    public List<HousingListItem> list(TerritoryScope scope, HousingFilter filter, ListRequest request) {
        validate(scope, filter);
        HousingQueries.Statement statement = HousingQueries.list(scope, filter, request);
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> new HousingListItem(rs.getLong("id"), rs.getString("local_id"),
                joined(rs.getArray("address_dgfip")), rs.getString("commune_code"), rs.getString("commune_name"),
                rs.getString("kind"), rs.getBigDecimal("living_area"), (Integer) rs.getObject("rooms"),
                (Integer) rs.getObject("vacancy_start_year"), rs.getInt("status"), rs.getString("sub_status"),
                rs.getString("occupancy"), shortToInteger(rs.getObject("priority_score")),
                (Long) rs.getObject("owner_id"), rs.getString("owner_name"), strings(rs.getArray("data_file_years"))))
                .list();
    }

    /** Dwellings and distinct primary owners of the filtered set, and the dwellings per status. */
    @AnyRole
    public HousingCount count(TerritoryScope scope, HousingFilter filter, boolean byStatus) {
        validate(scope, filter);
        HousingQueries.Statement statement = HousingQueries.count(scope, filter);
        Map<String, Long> statuses = new LinkedHashMap<>();
        long[] owners = {0};
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            owners[0] = rs.getLong("owners");
            for (FilterOption status : FollowUpCatalogue.STATUSES) {
                statuses.put(status.code(), rs.getLong("status_" + status.code()));
            }
        });
        long housings = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new HousingCount(housings, owners[0], byStatus ? statuses : null);
    }

    /** Every geolocated dwelling of the filtered set, streamed to {@code sink} without paging. */
    @AnyRole
    public void map(TerritoryScope scope, HousingFilter filter, Consumer<MapPoint> sink) {
        validate(scope, filter);
        HousingQueries.Statement statement = HousingQueries.map(scope, filter);
        streaming.query(statement.sql(), (ResultSet rs) -> {
            sink.accept(new MapPoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getInt(6), rs.getString(7), rs.getString(8)));
        }, statement.params().toArray());
    }

    /** A dwelling of the scope; empty outside it, as if it did not exist. */
    @AnyRole
    public Optional<HousingDetail> find(TerritoryScope scope, long id) {
        List<HousingDetail.Owner> owners = jdbc.sql("""
                select o.id, w.rank, o.full_name, o.kind_code, w.property_right
                  from ownership w join owner o on o.id = w.owner_id
                 where w.housing_id = ? order by case when w.rank >= 1 then 0 else 1 end, w.rank, o.id""")
                .param(id).query((rs, n) -> new HousingDetail.Owner(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
        return jdbc.sql("""
                select h.*, c.name as commune_name, %s as own_score,
                       coalesce(h.energy_label, (select b.energy_label from building b where b.id = h.building_id)) as label
                  from housing h left join commune c on c.code = h.commune_code
                 where h.id = ? and (? or h.commune_code = any(?))""".formatted(ScoreColumn.of(scope)))
                .params(id, scope.national(), scope.communeArray())
                .query((rs, n) -> new HousingDetail(rs.getLong("id"), rs.getString("local_id"), rs.getString("invariant"),
                        rs.getString("geo_code"), rs.getString("commune_code"), rs.getString("commune_name"),
                        rs.getString("plot_id"), rs.getString("cadastral_reference"), rs.getString("building_id"),
                        strings(rs.getArray("address_dgfip")), (Double) rs.getObject("longitude"),
                        (Double) rs.getObject("latitude"), rs.getString("kind"), (Integer) rs.getObject("rooms"),
                        rs.getBigDecimal("living_area"), (Integer) rs.getObject("building_year"),
                        shortToInteger(rs.getObject("cadastral_classification")), rs.getString("condominium"),
                        (Boolean) rs.getObject("taxed"), (Integer) rs.getObject("vacancy_start_year"),
                        rs.getString("occupancy"), rs.getString("occupancy_intended"), rs.getInt("status"),
                        rs.getString("sub_status"), strings(rs.getArray("precisions")), rs.getString("label"),
                        rs.getString("mutation_type"), rs.getObject("mutation_date", java.time.LocalDate.class),
                        (Integer) rs.getObject("beneficiary_count"), strings(rs.getArray("data_file_years")),
                        shortToInteger(rs.getObject("own_score")), rs.getInt("version"), owners))
                .optional();
    }

    /**
     * The ids a selection designates within the scope: the explicit ids that are in the scope, or every
     * dwelling matching the filter except the given ids.
     */
    @AnyRole
    public List<Long> selectedIds(TerritoryScope scope, HousingFilter filter, HousingSelection selection) {
        Long[] ids = selection.ids().toArray(Long[]::new);
        if (!selection.allMatching()) {
            SqlWhere where = HousingQueries.where(scope, HousingFilter.none());
            where.and("h.id = any(?::bigint[])", (Object) ids);
            return jdbc.sql("select h.id from housing h where " + where.sql() + " order by h.id")
                    .params(where.params()).query(Long.class).list();
        }
        validate(scope, filter);
        SqlWhere where = HousingQueries.where(scope, filter);
        where.and("not (h.id = any(?::bigint[]))", (Object) ids);
        return jdbc.sql("select h.id from housing h where " + where.sql() + " order by h.id")
                .params(where.params()).query(Long.class).list();
    }

    /** The newest LOVAC source file present ("lovac-2025"), which the pages filter on by default. */
    @AnyRole
    public Optional<String> latestLovacFile() {
        return jdbc.sql("select max(last_lovac_year) from housing").query(Integer.class).optional()
                .map(year -> "lovac-" + year);
    }

    /** The uploaded perimeters of the scope's establishment, as choices of the perimeter filters. */
    @AnyRole
    public List<FilterOption> perimeters(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            return List.of();
        }
        return jdbc.sql("select id, name from geo_perimeter where establishment_id = ? order by lower(name), id")
                .param(scope.establishmentId()).query((rs, n) -> new FilterOption(rs.getString(1), rs.getString(2))).list();
    }

    /** The campaigns of the scope's establishment, newest first, as choices of the campaign filter. */
    @AnyRole
    public List<FilterOption> campaigns(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            return List.of();
        }
        return jdbc.sql("select id, title from campaign where establishment_id = ? order by created_at desc, id desc")
                .param(scope.establishmentId()).query((rs, n) -> new FilterOption(rs.getString(1), rs.getString(2))).list();
    }

    /** The communes of a non-national scope with a known centre (a national scope gets none: too many points). */
    @AnyRole
    public List<CommunePoint> communes(TerritoryScope scope) {
        if (scope.national()) {
            return List.of();
        }
        return jdbc.sql("""
                select code, name, longitude, latitude from commune
                 where code = any(?) and longitude is not null and latitude is not null order by code""")
                .param(scope.communeArray()).query((rs, n) -> new CommunePoint(rs.getString(1), rs.getString(2),
                        rs.getDouble(3), rs.getDouble(4))).list();
    }

    /** GeoJSON contours (geometry text) of the départements the scope touches; every one for a national scope. */
    @AnyRole
    public List<String> departementContours(TerritoryScope scope) {
        return jdbc.sql("""
                select d.geometry from departement_contour d
                 where ? or d.code in (select c.departement from commune c where c.code = any(?)) order by d.code""")
                .params(scope.national(), scope.communeArray()).query(String.class).list();
    }

    /**
     * Codes that are only known in the database (EPCI, communes, perimeters): an unknown one is a 400
     * naming it, like any other unknown value. A perimeter of another establishment is unknown too.
     */
    private void validate(TerritoryScope scope, HousingFilter filter) {
        if (filter.has(FilterField.INTERCOMMUNALITIES)) {
            unknown(FilterField.INTERCOMMUNALITIES, jdbc.sql("""
                    select v from unnest(?::text[]) v where not exists (select 1 from epci e where e.siren = v)""")
                    .param(filter.get(FilterField.INTERCOMMUNALITIES).toArray(String[]::new)).query(String.class).list());
        }
        if (filter.has(FilterField.LOCALITIES)) {
            unknown(FilterField.LOCALITIES, jdbc.sql("""
                    select v from unnest(?::text[]) v
                     where not exists (select 1 from commune c where c.code = v)
                       and not exists (select 1 from arrondissement a where a.code = v)""")
                    .param(filter.get(FilterField.LOCALITIES).toArray(String[]::new)).query(String.class).list());
        }
        for (FilterField field : List.of(FilterField.GEO_PERIMETERS_INCLUDED, FilterField.GEO_PERIMETERS_EXCLUDED)) {
            if (filter.has(field)) {
                unknown(field, jdbc.sql("""
                        select v::text from unnest(?::bigint[]) v
                         where not exists (select 1 from geo_perimeter g where g.id = v and (? or g.establishment_id = ?))""")
                        .params(filter.get(field).stream().map(Long::valueOf).toArray(Long[]::new),
                                scope.national(), scope.establishmentId())
                        .query(String.class).list());
            }
        }
        validateCampaigns(scope, filter);
    }

    /** A campaign of another establishment is unknown: campaigns are private to theirs. */
    private void validateCampaigns(TerritoryScope scope, HousingFilter filter) {
        List<String> ids = filter.get(FilterField.CAMPAIGN_IDS).stream().filter(c -> !c.equals(FilterOption.NULL_CODE)).toList();
        if (!ids.isEmpty()) {
            unknown(FilterField.CAMPAIGN_IDS, jdbc.sql("""
                    select v::text from unnest(?::bigint[]) v
                     where not exists (select 1 from campaign c where c.id = v and c.establishment_id = ?)""")
                    .params(ids.stream().map(Long::valueOf).toArray(Long[]::new), scope.establishmentId())
                    .query(String.class).list());
        }
    }

    private static void unknown(FilterField field, List<String> codes) {
        if (!codes.isEmpty()) {
            throw new InvalidFilterException("La valeur « " + codes.getFirst() + " » du filtre « " + field.parameter()
                    + " » n'existe pas" + (field == FilterField.GEO_PERIMETERS_INCLUDED || field == FilterField.GEO_PERIMETERS_EXCLUDED
                    || field == FilterField.CAMPAIGN_IDS ? " pour votre établissement." : " dans le référentiel géographique."));
        }
    }

    private static String joined(Array array) throws SQLException {
        return String.join(" ", strings(array));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).filter(s -> s != null && !s.isBlank()).toList();
    }

    private static Integer shortToInteger(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
