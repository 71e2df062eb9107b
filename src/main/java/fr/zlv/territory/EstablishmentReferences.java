package fr.zlv.territory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds, in the reference geography, what an establishment stands for: an EPCI or a commune by SIREN,
 * a commune by INSEE code (or arrondissement code), a département by code, a région by "REG-" code
 * (région and département codes overlap: "84" is Vaucluse, "REG-84" Auvergne-Rhône-Alpes).
 */
@Component
class EstablishmentReferences {

    private static final Pattern PREFIXED = Pattern.compile("(REG|DEP)[- ]?([0-9][0-9AB][0-9]?)");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB]\\d{3}");
    private static final Pattern DEPARTEMENT = Pattern.compile("[0-9][0-9AB][0-9]?");

    /** What {@code createFromReference} creates; {@code siren} null for départements and régions. */
    record Target(EstablishmentKind kind, String siren, String name, String geoCode) {
    }

    private final JdbcClient jdbc;

    EstablishmentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Target> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.strip().toUpperCase(Locale.ROOT);
        String compact = ref.replaceAll("\\s", "");
        Matcher prefixed = PREFIXED.matcher(ref);
        if (prefixed.matches()) {
            return prefixed.group(1).equals("REG") ? region(prefixed.group(2)) : departement(prefixed.group(2));
        }
        if (SIREN.matcher(compact).matches()) {
            return epci(compact).or(() -> commune("c.siren = ?", compact));
        }
        if (COMMUNE.matcher(ref).matches()) {
            return commune("c.code = coalesce((select a.commune from arrondissement a where a.code = ?), ?)", ref, ref);
        }
        if (DEPARTEMENT.matcher(ref).matches()) {
            return departement(ref);
        }
        return Optional.empty();
    }

    private Optional<Target> epci(String siren) {
        return jdbc.sql("select siren, name, kind from epci where siren = ?").param(siren)
                .query((rs, n) -> new Target(EstablishmentKind.fromCode(rs.getString("kind")).orElseThrow(
                        () -> new InvalidEstablishmentException("Type d'EPCI non pris en charge : " + siren)),
                        rs.getString("siren"), rs.getString("name"), null))
                .optional();
    }

    private Optional<Target> commune(String condition, Object... params) {
        return jdbc.sql("select c.code, c.name, c.siren, c.zone from commune c where " + condition).params(params)
                .query((rs, n) -> new Target(communeKind(rs.getString("zone")), rs.getString("siren"),
                rs.getString("name"), rs.getString("code"))).optional();
    }

    private Optional<Target> departement(String code) {
        return jdbc.sql("select code, name from departement where code = ?").param(code)
                .query((rs, n) -> new Target(EstablishmentKind.DEP, null, rs.getString("name"), rs.getString("code")))
                .optional();
    }

    private Optional<Target> region(String code) {
        return jdbc.sql("select code, name from region where code = ?").param(code)
                .query((rs, n) -> new Target(EstablishmentKind.REG, null, rs.getString("name"), rs.getString("code")))
                .optional();
    }

    /** Communes of the collectivités d'outre-mer are COM-TOM establishments. */
    private static EstablishmentKind communeKind(String zone) {
        return "com".equals(zone) ? EstablishmentKind.COM_TOM : EstablishmentKind.COM;
    }

    /** Candidates for the admin search box: exact codes first, then exact names, prefixes, the most populated. */
    List<ReferenceCandidate> candidates(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String raw = q.strip();
        return jdbc.sql("""
                with q as (select :raw as raw, upper(:raw) as up, replace(:raw, ' ', '') as compact, zlv_search_key(:raw) as key),
                matches as (
                    select 'REG-' || r.code as reference, 'REG' as kind, r.name, r.code, null as departement, 1 as kind_rank,
                           (select coalesce(sum(c.population), 0) from commune c where c.region = r.code) as population,
                           case when r.code = q.raw or 'REG-' || r.code = q.up then 0 else 9 end as code_rank,
                           zlv_search_key(r.name) as name_key
                      from region r, q
                     where r.code = q.raw or 'REG-' || r.code = q.up
                        or (q.key <> '' and zlv_search_key(r.name) like '%' || q.key || '%')
                    union all
                    select d.code, 'DEP', d.name, d.code, d.code, 2,
                           (select coalesce(sum(c.population), 0) from commune c where c.departement = d.code),
                           case when d.code = q.up or 'DEP-' || d.code = q.up then 0 else 9 end, zlv_search_key(d.name)
                      from departement d, q
                     where d.code = q.up or 'DEP-' || d.code = q.up
                        or (q.key <> '' and zlv_search_key(d.name) like '%' || q.key || '%')
                    union all
                    select e.siren, e.kind, e.name, e.siren, null, 3, coalesce(e.population, 0),
                           case when e.siren = q.compact then 0 else 9 end, zlv_search_key(e.name)
                      from epci e, q
                     where e.siren = q.compact or (q.key <> '' and zlv_search_key(e.name) like '%' || q.key || '%')
                    union all
                    select c.code, case when c.zone = 'com' then 'COM-TOM' else 'COM' end, c.name, c.code, c.departement, 4,
                           coalesce(c.population, 0),
                           case when c.code = q.up or c.siren = q.compact
                                  or c.code = (select a.commune from arrondissement a where a.code = q.up) then 0 else 9 end,
                           zlv_search_key(c.name)
                      from commune c, q
                     where c.code = q.up or c.siren = q.compact
                        or c.code = (select a.commune from arrondissement a where a.code = q.up)
                        or (q.key <> '' and zlv_search_key(c.name) like '%' || q.key || '%')
                ),
                ranked as (
                    select m.*, case when m.code_rank = 0 then 0 when m.name_key = q.key then 1
                                     when m.name_key like q.key || '%' then 2 else 3 end as rank
                      from matches m, q
                     order by rank, population desc, kind_rank, name
                     limit :limit
                )
                select r.reference, r.kind, r.name, r.code, r.departement, r.population,
                       case r.kind when 'REG' then (select count(*) from commune c where c.region = r.code)
                                   when 'DEP' then (select count(*) from commune c where c.departement = r.code)
                                   when 'COM' then 1 when 'COM-TOM' then 1
                                   else (select count(*) from commune c where c.epci_siren = r.code) end as commune_count,
                       (select e.id from establishment e
                         where (r.kind in ('REG', 'DEP') and e.kind = r.kind and e.geo_code = r.code)
                            or (r.kind in ('COM', 'COM-TOM') and e.kind in ('COM', 'COM-TOM') and e.geo_code = r.code)
                            or (r.kind not in ('REG', 'DEP', 'COM', 'COM-TOM') and e.siren = r.code)
                         order by e.id limit 1) as establishment_id
                  from ranked r
                 order by r.rank, r.population desc, r.kind_rank, r.name
                """).param("raw", raw).param("limit", Math.clamp(limit, 1, 100))
                .query((rs, n) -> new ReferenceCandidate(rs.getString("reference"),
                        EstablishmentKind.fromCode(rs.getString("kind")).orElse(EstablishmentKind.CC),
                        rs.getString("name"), rs.getString("code"), rs.getString("departement"),
                        rs.getLong("population"), rs.getInt("commune_count"), (Long) rs.getObject("establishment_id")))
                .list();
    }
}
