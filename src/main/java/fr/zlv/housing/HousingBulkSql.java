package fr.zlv.housing;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of a bulk load. Every statement touches only what changes, so that re-running
 * the same file writes nothing (and is fast).
 */
@Repository
class HousingBulkSql {

    private static final Logger log = LoggerFactory.getLogger(HousingBulkSql.class);

    static final String STAGING_COLUMNS = """
            line_no, local_id, invariant, geo_code, commune_code, departement, plot_id, cadastral_reference,
            building_id, building_location, address_dgfip, longitude, latitude, geolocation_source, kind, rooms,
            living_area, building_year, plot_area, cadastral_classification, uncomfortable, condominium, taxed,
            rental_value, vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count, owners,
            row_hash""";

    static final String COPY_STAGING = "copy lovac_stage (" + STAGING_COLUMNS + ") from stdin";

    /** The dwelling columns a newer millésime refreshes (same names in staging and housing). */
    private static final String DATA_COLUMNS = """
            invariant, geo_code, commune_code, departement, plot_id, cadastral_reference, building_id,
            building_location, address_dgfip, longitude, latitude, geolocation_source, kind, rooms, living_area,
            building_year, plot_area, cadastral_classification, uncomfortable, condominium, taxed, rental_value,
            vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count""";

    private static final String OWNER_COLUMNS =
            "idpersonne, full_name, administrator, birth_date, address_dgfip, siren, kind_code, entity, legal_group";

    private static final String LINK_COLUMNS =
            "rank, property_right, owner_account_id, property_right_id, locprop_source, relative_location";

    /** The state a dwelling is reset to when it is back in the newest file and no user has worked on it. */
    private static final String IS_RESET_STATE =
            "(h.occupancy, h.status, h.sub_status) is not distinct from ('V'::text, 0::smallint, null::text)";

    private final JdbcClient jdbc;

    HousingBulkSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createStaging() {
        // this transaction only: losing its last commits in a crash is harmless (the import is re-run), and
        // the merge sorts and hashes millions of rows
        jdbc.sql("set local synchronous_commit = off").update();
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("set local maintenance_work_mem = '512MB'").update();
        // temporary tables are not WAL-logged; no index until the rows are in
        jdbc.sql("""
                create temp table lovac_stage (
                    line_no bigint, local_id text, invariant text, geo_code text, commune_code text, departement text,
                    plot_id text, cadastral_reference text, building_id text, building_location text, address_dgfip text[],
                    longitude double precision, latitude double precision, geolocation_source text, kind text,
                    rooms integer, living_area numeric, building_year integer, plot_area integer,
                    cadastral_classification smallint, uncomfortable boolean, condominium text, taxed boolean,
                    rental_value integer, vacancy_start_year integer, mutation_type text, mutation_date date,
                    mutation_value numeric, beneficiary_count integer, owners jsonb, row_hash uuid
                ) on commit drop""").update();
    }

    BulkLoadResult merge(int millesime, String source, List<String> coveredCommunes,
                         long staged, Consumer<String> phases) {
        if (Boolean.getBoolean("zlv.import.explain")) {
            jdbc.sql("load 'auto_explain'").update();
            jdbc.sql("set local auto_explain.log_min_duration = '300ms'").update();
            jdbc.sql("set local auto_explain.log_analyze = on").update();
        }
        var steps = new Steps(millesime);
        phases.accept("dédoublonnage");
        // earliest vacancy start wins among duplicates, ties: first line of the file. An older millésime than one
        // already imported for the commune refreshes and resets nothing: it only adds its source. A dwelling
        // is unchanged when its stored row hash, millésime, sources and state already say what this file says:
        // everything after this statement skips it, so that a re-run writes nothing.
        // New dwellings get their id here so that owners and links need no lookup by local id.
        steps.run("dedup", jdbc.sql("""
                create temp table lovac_dedup on commit drop as
                select x.*,
                       case when x.existing_id is null then nextval(pg_get_serial_sequence('housing', 'id'))
                            else x.existing_id end as housing_id
                  from (select s.*, h.id as existing_id, n.newest,
                               coalesce(h.id is not null and case when n.newest
                                   then h.source_hash = s.row_hash and h.last_lovac_year = :m and :src = any(h.data_file_years)
                                        and (h.user_modified or %s)
                                   else :src = any(h.data_file_years) end, false) as unchanged,
                               coalesce(h.id is not null and case when n.newest
                                   then case when h.source_hash = s.row_hash then false else (%s) is distinct from (%s) end
                                        or not (:src = any(h.data_file_years)) or h.last_lovac_year is distinct from :m
                                        or (not h.user_modified and not %s)
                                   else not (:src = any(h.data_file_years)) end, false) as changed
                          from (select distinct on (local_id) * from lovac_stage
                                 order by local_id, vacancy_start_year nulls last, line_no) s
                          left join housing h on h.local_id = s.local_id
                          left join lovac_coverage c on c.commune_code = s.commune_code
                          cross join lateral (select h.id is null or (coalesce(h.last_lovac_year, 0) <= :m
                                                     and coalesce(c.last_millesime, 0) <= :m) as newest) n) x"""
                .formatted(IS_RESET_STATE, prefixed("h", DATA_COLUMNS), prefixed("s", DATA_COLUMNS), IS_RESET_STATE))
                .param("m", millesime).param("src", source));
        steps.run("dedup index", jdbc.sql("create index on lovac_dedup (local_id)"));
        steps.run("dedup analyze", jdbc.sql("analyze lovac_dedup"));
        long[] counts = jdbc.sql("""
                select count(*), count(*) filter (where existing_id is null), count(*) filter (where changed),
                       count(*) filter (where not unchanged) from lovac_dedup""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long distinct = counts[0];
        long created = counts[1];
        long updated = counts[2];
        log.info("LOVAC {}: {} distinct dwellings, {} new, {} changed, {} to write", millesime, distinct, created,
                updated, counts[3]);

        phases.accept("logements");
        steps.run("housing insert", jdbc.sql("insert into housing (id, local_id, " + DATA_COLUMNS
                        + ", data_file_years, last_lovac_year, source_hash) select housing_id, local_id, " + DATA_COLUMNS
                        + ", array[:src], :m, row_hash from lovac_dedup where existing_id is null")
                .param("src", source).param("m", millesime));

        // a dwelling back in the file is vacant again, unless a user has worked on it: say so in its history
        steps.run("reset events", jdbc.sql("""
                insert into event (housing_id, kind, old_value, new_value, message)
                select h.id, 'housing-reset-by-import',
                       jsonb_build_object('occupancy', h.occupancy, 'status', h.status, 'subStatus', h.sub_status),
                       jsonb_build_object('occupancy', 'V', 'status', 0, 'subStatus', null),
                       'Présent dans le fichier ' || :label || ' : remis en « Vacant » et « Non suivi ».'
                  from lovac_dedup d join housing h on h.id = d.existing_id
                 where d.newest and not d.unchanged and not h.user_modified and not\s""" + IS_RESET_STATE)
                .param("label", label(millesime)));
        // rows whose only difference is the stored hash (owners changed) keep their version: users editing them
        // do not get a spurious conflict
        steps.run("housing update", jdbc.sql("update housing h set (" + DATA_COLUMNS + ") = (" + prefixed("d", DATA_COLUMNS) + "), "
                        + """
                        occupancy = case when h.user_modified then h.occupancy else 'V' end,
                        status = case when h.user_modified then h.status else 0 end,
                        sub_status = case when h.user_modified then h.sub_status else null end,
                        data_file_years = case when :src = any(h.data_file_years) then h.data_file_years
                                               else h.data_file_years || :src end,
                        last_lovac_year = :m, source_hash = d.row_hash,
                        version = h.version + case when d.changed then 1 else 0 end,
                        updated_at = case when d.changed then now() else h.updated_at end
                        from lovac_dedup d
                        where d.existing_id = h.id and d.newest and not d.unchanged""")
                .param("src", source).param("m", millesime));
        // an older millésime only adds itself to the source list
        steps.run("housing older source", jdbc.sql("""
                update housing h set data_file_years = h.data_file_years || :src, version = h.version + 1, updated_at = now()
                  from lovac_dedup d
                 where d.existing_id = h.id and not d.newest and not d.unchanged""")
                .param("src", source));

        phases.accept("propriétaires");
        mergeOwners(source, steps);

        jdbc.sql("create temp table lovac_gone (id bigint primary key) on commit drop").update();
        phases.accept("sorties de la vacance");
        long exits = exits(millesime, coveredCommunes, steps);
        steps.run("coverage", jdbc.sql("""
                insert into lovac_coverage (commune_code, last_millesime)
                select unnest(string_to_array(:communes, ',')), :m
                on conflict (commune_code) do update set last_millesime = excluded.last_millesime
                 where lovac_coverage.last_millesime < excluded.last_millesime""")
                .param("communes", String.join(",", coveredCommunes)).param("m", millesime));
        phases.accept("immeubles et indicateurs");
        refreshBuildings(steps);
        refreshOwnerFlags(steps);
        long t = System.nanoTime();
        var links = jdbc.sql("""
                select count(distinct w.owner_id), count(*)
                  from lovac_dedup d join ownership w on w.housing_id = d.housing_id and w.rank >= 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        steps.log("report counts", -1, t);
        long unchanged = distinct - created - updated;
        log.info("LOVAC {}: merge done in {} ms", millesime, steps.totalMs());
        return new BulkLoadResult(staged, staged - distinct, created, updated, unchanged, exits, links[0], links[1]);
    }

    private void mergeOwners(String source, Steps steps) {
        // owners of an older millésime are history: only the newest file says who owns a dwelling; unchanged
        // dwellings keep their owners and links as they are
        steps.run("owner rows", jdbc.sql("""
                create temp table lovac_owner on commit drop as
                select d.housing_id, d.existing_id is null as new_housing, d.local_id, d.commune_code, d.departement, o.*
                  from lovac_dedup d
                  cross join lateral jsonb_to_recordset(d.owners) as o(
                      rank integer, key text, idpersonne text, full_name text, administrator text, birth_date date,
                      address text[], siren text, kind_code text, entity text, legal_group text, property_right text,
                      owner_account_id text, property_right_id text, locprop text, has_address boolean,
                      postal_code text, city_key text, same_street boolean)
                 where d.newest and not d.unchanged"""));
        steps.run("owner upsert", jdbc.sql("insert into owner (owner_key, " + OWNER_COLUMNS + ") "
                + """
                select distinct on (key) key, idpersonne, full_name, administrator, birth_date, address, siren, kind_code,
                       entity, legal_group
                  from lovac_owner order by key, local_id
                on conflict (owner_key) do update set (""" + OWNER_COLUMNS + ") = (" + prefixed("excluded", OWNER_COLUMNS)
                + "), updated_at = now() where (" + prefixed("owner", OWNER_COLUMNS) + ") is distinct from ("
                + prefixed("excluded", OWNER_COLUMNS) + ")"));
        // where the owner lives relative to the dwelling (DOMAIN.md §4), from the postcode and city the reader
        // found in the owner's address: computed here so that each link is written once
        steps.run("links", jdbc.sql("""
                create temp table lovac_link on commit drop as
                select lo.housing_id, o.id as owner_id, lo.new_housing, lo.rank, lo.property_right, lo.owner_account_id,
                       lo.property_right_id, lo.locprop as locprop_source,
                       case
                         when not coalesce(lo.has_address, false) then 'other'
                         when lo.postal_code is null then 'foreign-country'
                         when lo.postal_code = any(c.postal_codes) and lo.city_key like c.name_key || '%'
                           then case when lo.same_street then 'same-address' else 'same-commune' end
                         when p.owner_dep = lo.departement then 'same-department'
                         when od.region is not null and od.region = hd.region then 'same-region'
                         when p.owner_dep like '97%' or p.owner_dep like '98%' then 'overseas'
                         when od.code is not null then 'other-region'
                         else 'other'
                       end as relative_location
                  from lovac_owner lo
                  join owner o on o.owner_key = lo.key
                  left join (select code, postal_codes, zlv_search_key(name) as name_key from commune) c
                         on c.code = lo.commune_code
                  cross join lateral (select case when lo.postal_code like '97%' or lo.postal_code like '98%' then left(lo.postal_code, 3)
                                                  when lo.postal_code like '20%' then case when lo.postal_code < '20200' then '2A' else '2B' end
                                                  else left(lo.postal_code, 2) end as owner_dep) p
                  left join departement hd on hd.code = lo.departement
                  left join departement od on od.code = p.owner_dep"""));
        steps.run("links index", jdbc.sql("create index on lovac_link (housing_id, owner_id)"));
        steps.run("links analyze", jdbc.sql("analyze lovac_link"));
        steps.run("ownership upsert", jdbc.sql("insert into ownership (housing_id, owner_id, " + LINK_COLUMNS + ", origin) "
                + "select housing_id, owner_id, " + LINK_COLUMNS + ", :src from lovac_link "
                + "on conflict (housing_id, owner_id) do update set (" + LINK_COLUMNS + ", end_date) = ("
                + prefixed("excluded", LINK_COLUMNS) + ", null) where (" + prefixed("ownership", LINK_COLUMNS)
                + ", ownership.end_date) is distinct from (" + prefixed("excluded", LINK_COLUMNS) + ", null)")
                .param("src", source));
        // owners the newest file no longer lists become previous owners (rank 0); links made by users stay.
        // A new dwelling has no earlier link.
        steps.run("ownership previous", jdbc.sql("""
                update ownership w set rank = 0, end_date = current_date
                  from lovac_dedup d
                 where d.newest and not d.unchanged and d.existing_id is not null
                   and w.housing_id = d.existing_id and w.rank >= 1 and w.origin like 'lovac-%'
                   and not exists (select 1 from lovac_link l where l.housing_id = w.housing_id and l.owner_id = w.owner_id)"""));
    }

    private long exits(int millesime, List<String> coveredCommunes, Steps steps) {
        steps.run("gone", jdbc.sql("""
                insert into lovac_gone (id)
                select h.id from housing h
                 where h.last_lovac_year = :previous and h.commune_code = any(string_to_array(:communes, ',')) and h.status in (0, 1)
                   and not exists (select 1 from lovac_coverage c where c.commune_code = h.commune_code and c.last_millesime > :m)
                   and not exists (select 1 from lovac_dedup d where d.local_id = h.local_id)""")
                .param("previous", millesime - 1).param("m", millesime).param("communes", String.join(",", coveredCommunes)));
        steps.run("exit events", jdbc.sql("""
                insert into event (housing_id, kind, old_value, new_value, message)
                select h.id, 'housing-exit-from-vacancy',
                       jsonb_build_object('occupancy', h.occupancy, 'status', h.status, 'subStatus', h.sub_status),
                       jsonb_build_object('occupancy', 'inconnu', 'status', 4, 'subStatus', 'Sortie de la vacance'),
                       'Absent du fichier ' || :label || ' alors que présent dans ' || :previousLabel
                       || ' : « Suivi terminé », « Sortie de la vacance ».'
                  from housing h join lovac_gone g on g.id = h.id""")
                .param("label", label(millesime)).param("previousLabel", label(millesime - 1)));
        return steps.run("exits", jdbc.sql("""
                update housing h set occupancy = 'inconnu', status = 4, sub_status = 'Sortie de la vacance',
                       version = h.version + 1, updated_at = now()
                  from lovac_gone g where g.id = h.id"""));
    }

    private void refreshBuildings(Steps steps) {
        // only buildings whose dwellings this file created, changed or moved out of vacancy
        steps.run("buildings", jdbc.sql("""
                insert into building (id, vacant_housing_count)
                select h.building_id, count(*) filter (where h.occupancy = 'V')
                  from housing h
                 where h.building_id in (select building_id from lovac_dedup where building_id is not null and not unchanged
                                         union select h2.building_id from housing h2 join lovac_gone g on g.id = h2.id)
                 group by h.building_id
                on conflict (id) do update set vacant_housing_count = excluded.vacant_housing_count
                 where building.vacant_housing_count is distinct from excluded.vacant_housing_count"""));
    }

    private void refreshOwnerFlags(Steps steps) {
        steps.run("multi owner", jdbc.sql("""
                update owner o set multi_owner = s.multi, updated_at = now()
                  from (select w.owner_id, count(*) filter (where w.rank >= 1) > 1 as multi
                          from ownership w where w.owner_id in (select owner_id from lovac_link)
                         group by w.owner_id) s
                 where o.id = s.owner_id and o.multi_owner <> s.multi"""));
    }

    /** Runs the statements of a merge and logs how long each took, to find the next bottleneck from the log. */
    private static final class Steps {
        private final int millesime;
        private final long start = System.nanoTime();

        Steps(int millesime) {
            this.millesime = millesime;
        }

        long run(String name, JdbcClient.StatementSpec statement) {
            long t = System.nanoTime();
            long rows = statement.update();
            log(name, rows, t);
            return rows;
        }

        void log(String name, long rows, long t) {
            log.info("LOVAC {} merge step {}: {} rows in {} ms", millesime, name, rows, (System.nanoTime() - t) / 1_000_000);
        }

        long totalMs() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static String label(int millesime) {
        return "LOVAC " + millesime;
    }

    private static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(alias).append('.').append(c.strip());
        }
        return out.toString();
    }
}
