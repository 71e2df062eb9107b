package fr.zlv.territory;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.PublicAccess;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the reference geography. It is national, public data (not territorial), so lookups
 * are open; only the summary of a caller's territory needs a signed-in caller.
 */
@Service
@Transactional(readOnly = true)
public class ReferenceGeography {

    private static final List<String> ZONE_ORDER = List.of("Abis", "A", "B1", "B2", "C");

    static final String COMMUNE_COLUMNS = """
            c.code, c.name, c.zone, c.departement, c.region, c.epci_siren, c.siren, c.population, c.postal_codes,
            coalesce(c.longitude, (select avg(x.longitude) from commune x where x.departement = c.departement)) as longitude,
            coalesce(c.latitude, (select avg(x.latitude) from commune x where x.departement = c.departement)) as latitude
            """;

    private final JdbcClient jdbc;

    ReferenceGeography(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Communes whose name contains the words of {@code q} (ignoring accents, case and punctuation),
     * or whose INSEE code — or one of whose arrondissement codes — is exactly {@code q}. Exact
     * matches first, then names starting with it, then the most populated.
     */
    @PublicAccess
    public List<Commune> searchCommunes(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String query = q.strip();
        return jdbc.sql("select " + COMMUNE_COLUMNS + """
                  from commune c
                 where c.code = :q
                    or c.code = (select a.commune from arrondissement a where a.code = :q)
                    or (zlv_search_key(:q) <> '' and zlv_search_key(c.name) like '%' || zlv_search_key(:q) || '%')
                 order by (c.code = :q or c.code = (select a.commune from arrondissement a where a.code = :q)) desc,
                          zlv_search_key(c.name) = zlv_search_key(:q) desc,
                          zlv_search_key(c.name) like zlv_search_key(:q) || '%' desc,
                          c.population desc nulls last, c.name, c.code
                 limit :limit
                """).param("q", query).param("limit", Math.clamp(limit, 1, 100))
                .query(ReferenceGeography::mapCommune).list();
    }

    /** The commune of an INSEE code, an arrondissement code resolving to its commune (69383 → 69123). */
    @PublicAccess
    public Optional<Commune> resolveCommune(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COMMUNE_COLUMNS + """
                  from commune c
                 where c.code = coalesce((select a.commune from arrondissement a where a.code = :code), :code)
                """).param("code", code.strip()).query(ReferenceGeography::mapCommune).optional();
    }

    /** Every arrondissement code with its commune, for bulk imports that resolve codes in memory. */
    @PublicAccess
    public Map<String, String> arrondissementCommunes() {
        return jdbc.sql("select code, commune from arrondissement").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The vacancy tax of a commune or arrondissement: the arrondissement's own row, else its commune's;
     * for a commune listed only by arrondissement (Paris), the row of its first arrondissement.
     */
    @PublicAccess
    public Optional<VacancyTax> vacancyTax(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select code, commune_code, tax_kind, rate_percent from (
                    select v.*, 1 as priority from vacancy_tax v where v.code = :code
                    union all
                    select v.*, 2 from vacancy_tax v join arrondissement a on a.commune = v.code where a.code = :code
                    union all
                    select v.*, 3 from vacancy_tax v where v.commune_code = :code and v.code <> :code
                ) t order by priority, code limit 1
                """).param("code", code.strip())
                .query((rs, n) -> new VacancyTax(rs.getString("code"), rs.getString("commune_code"),
                        rs.getString("tax_kind"), rs.getBigDecimal("rate_percent")))
                .optional();
    }

    /** The simplified contour of a mainland département, as GeoJSON geometry text (for maps). */
    @PublicAccess
    public Optional<String> departementContour(String code) {
        return jdbc.sql("select geometry from departement_contour where code = ?").param(code == null ? "" : code.strip())
                .query(String.class).optional();
    }

    /** Key figures of the communes of a scope (the whole country for a national scope). */
    @AnyRole
    public TerritorySummary summarize(TerritoryScope scope) {
        String scoped = """
                with scoped as (
                    select c.* from commune c
                     where ? or c.code = any(?) or c.code in (select a.commune from arrondissement a where a.code = any(?))
                )
                """;
        Object[] params = {scope.national(), scope.communeArray(), scope.communeArray()};
        var figures = jdbc.sql(scoped + """
                select count(*) as communes,
                       coalesce(sum(s.population), 0) as population,
                       count(*) filter (where p.acv) as acv,
                       count(*) filter (where p.pvd) as pvd,
                       count(*) filter (where p.ort) as ort,
                       count(*) filter (where exists (select 1 from vacancy_tax v
                                                       where v.commune_code = s.code and v.tax_kind = 'TLV')) as tlv,
                       count(*) filter (where exists (select 1 from vacancy_tax v
                                                       where v.commune_code = s.code and v.tax_kind = 'THLV')) as thlv
                  from scoped s left join commune_programme p on p.commune_code = s.code
                """).params(params).query((rs, n) -> new long[] {rs.getLong("communes"), rs.getLong("population"),
                rs.getLong("acv"), rs.getLong("pvd"), rs.getLong("ort"), rs.getLong("tlv"), rs.getLong("thlv")}).single();
        List<String> epciNames = jdbc.sql(scoped + """
                select e.name from epci e where e.siren in (select s.epci_siren from scoped s)
                 order by zlv_search_key(e.name), e.name
                """).params(params).query(String.class).list();
        List<TerritorySummary.ZoneCount> zones = jdbc.sql(scoped + """
                select z.zone, count(*) as communes from scoped s join zonage_abc z on z.commune_code = s.code group by z.zone
                """).params(params).query((rs, n) -> new TerritorySummary.ZoneCount(rs.getString("zone"), rs.getLong("communes")))
                .list().stream().sorted(Comparator.comparingInt((TerritorySummary.ZoneCount z) -> zoneRank(z.zone()))
                        .thenComparing(TerritorySummary.ZoneCount::zone)).toList();
        return new TerritorySummary(figures[0], figures[1], epciNames.size(), epciNames,
                figures[2], figures[3], figures[4], figures[5], figures[6], zones);
    }

    private static int zoneRank(String zone) {
        int rank = ZONE_ORDER.indexOf(zone);
        return rank < 0 ? ZONE_ORDER.size() : rank;
    }

    static Commune mapCommune(ResultSet rs, int row) throws SQLException {
        Array postal = rs.getArray("postal_codes");
        List<String> postalCodes = postal == null ? List.of() : Arrays.asList((String[]) postal.getArray());
        return new Commune(rs.getString("code"), rs.getString("name"), rs.getString("zone"), rs.getString("departement"),
                rs.getString("region"), rs.getString("epci_siren"), rs.getString("siren"),
                (Integer) rs.getObject("population"), postalCodes,
                (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"));
    }
}
