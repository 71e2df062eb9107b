package fr.zlv.housing;

import static fr.zlv.housing.BulkSteps.prefixed;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
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
            rental_value, vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count, row_hash""";

    static final String COPY_STAGING = "copy lovac_stage (" + STAGING_COLUMNS + ") from stdin";

    /** The dwelling columns a newer millésime refreshes (same names in staging and housing). */
    private static final String DATA_COLUMNS = """
            invariant, geo_code, commune_code, departement, plot_id, cadastral_reference, building_id,
            building_location, address_dgfip, longitude, latitude, geolocation_source, kind, rooms, living_area,
            building_year, plot_area, cadastral_classification, uncomfortable, condominium, taxed, rental_value,
            vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count""";

    /** The state a dwelling is reset to when it is back in the newest file and no user has worked on it. */
    private static final String IS_RESET_STATE =
            "(h.occupancy, h.status, h.sub_status) is not distinct from ('V'::text, 0::smallint, null::text)";

    /** A new dwelling's values from the file (with {@code :m}, the millésime), without its owners' copies. */
    private static final String NEW_DWELLINGS = "select d.housing_id as id, d.local_id, " + prefixed("s", DATA_COLUMNS)
            + ", cast(:m as integer) as last_lovac_year, cast(null as text) as energy_label, s.row_hash, "
            + SearchKeys.address("s.address_dgfip") + " as address_key"
            + " from lovac_dedup d join lovac_stage s on s.line_no = d.line_no where d.existing_id is null";

    /** The V28 copies of the primary owner onto housing (same names in lovac_copies and housing). */
    private static final String COPY_COLUMNS = """
            primary_owner_id, primary_owner_name, primary_owner_kind, primary_owner_birth_date, primary_owner_location,
            primary_owner_multi, owners_key""";

    /**
     * V28's triggers and V33's owner search keys: a bulk load writes what they would, once, set-based
     * (OwnerBulkSql, {@link SearchKeys}). Turning a trigger off locks its table against writes until the commit:
     * V33's dwelling key trigger is turned off by big loads only, which lock the dwellings anyway (their indexes
     * are dropped), so that a small import does not hold up agents editing dwellings.
     */
    private static final String[][] BULK_TRIGGERS = {
            {"owner", "owner_search_keys"},
            {"ownership", "ownership_refreshes_housing_on_insert"},
            {"ownership", "ownership_refreshes_housing_on_update"},
            {"ownership", "ownership_refreshes_housing_on_delete"},
            {"owner", "owner_refreshes_housing_on_update"}};

    private static final String HOUSING_KEY_TRIGGER = "housing_search_key";

    /** What a first load empties, with every table referring to them. */
    private static final String[] FIRST_LOAD_TABLES = {"housing", "owner", "ownership", "building"};

    private final JdbcClient jdbc;
    private final OwnerBulkSql owners;
    private final BulkIndexes indexes;
    private final ObjectProvider<BulkLoadColumn> contributedColumns;

    HousingBulkSql(JdbcClient jdbc, OwnerBulkSql owners, BulkIndexes indexes,
                   ObjectProvider<BulkLoadColumn> contributedColumns) {
        this.jdbc = jdbc;
        this.owners = owners;
        this.indexes = indexes;
        this.contributedColumns = contributedColumns;
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
                    mutation_value numeric, beneficiary_count integer, row_hash uuid
                ) on commit drop""").update();
    }

    BulkLoadResult merge(int millesime, String source, List<String> coveredCommunes, long staged,
                         OwnerScratch scratch, Consumer<String> phases, Consumer<Boolean> derived) {
        BulkSteps.explainIfAsked(jdbc, true);
        var steps = new BulkSteps(millesime);
        String walStart = jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
        bulkTriggers("disable");
        // links are written before the new dwellings they point to (each dwelling is then written once, with
        // its owners copied): the reference is checked at commit
        jdbc.sql("set constraints ownership_housing_id_fkey deferred").update();
        phases.accept("dédoublonnage");
        // earliest vacancy start wins among duplicates, ties: first line of the file. An older millésime than one
        // already imported for the commune refreshes and resets nothing: it only adds its source. A dwelling
        // is unchanged when its stored row hash, millésime, sources and state already say what this file says:
        // everything after this statement skips it, so that a re-run writes nothing.
        // New dwellings get their id here so that owners and links need no lookup by local id.
        // The sequence is named in the statement's text: PostgreSQL resolves it once, where a call of
        // pg_get_serial_sequence per new dwelling cost a national load 4 s.
        String housingIds = idSequence("housing");
        // duplicates are rare: the dropped lines are found among the repeated local ids only, which spares
        // sorting the whole file
        steps.run("duplicates", jdbc.sql("""
                create temp table lovac_duplicate on commit drop as
                select line_no from (
                    select line_no, row_number() over (partition by local_id
                                                       order by vacancy_start_year nulls last, line_no) as n
                      from lovac_stage
                     where local_id in (select local_id from lovac_stage group by local_id having count(*) > 1)) x
                 where n > 1"""));
        Long idBase = startFirstLoadIfEmpty(staged, housingIds, scratch, steps);
        String newId = idBase != null ? "cast(:base as bigint) + x.line_no" : "nextval('" + housingIds + "'::regclass)";
        steps.run("dedup", jdbc.sql("""
                create temp table lovac_dedup on commit drop as
                select x.line_no, x.local_id, x.commune_code, x.departement, x.building_id, x.existing_id, x.newest,
                       x.unchanged, x.changed,
                       case when x.existing_id is null then %s else x.existing_id end as housing_id
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
                          from lovac_stage s
                          left join lovac_duplicate k on k.line_no = s.line_no
                          left join housing h on h.local_id = s.local_id
                          left join lovac_coverage c on c.commune_code = s.commune_code
                          cross join lateral (select h.id is null or (coalesce(h.last_lovac_year, 0) <= :m
                                                     and coalesce(c.last_millesime, 0) <= :m) as newest) n
                         where k.line_no is null) x"""
                .formatted(newId, IS_RESET_STATE, prefixed("h", DATA_COLUMNS), prefixed("s", DATA_COLUMNS),
                        IS_RESET_STATE))
                .param("m", millesime).param("src", source).param("base", idBase == null ? 0L : idBase));
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

        BulkIndexes.Dropped dropped = indexes.worthRebuilding(counts[3])
                ? indexes.drop("housing", "owner", "ownership") : BulkIndexes.Dropped.NONE;
        boolean bigLoad = !dropped.restores().isEmpty();
        if (bigLoad) {
            jdbc.sql("alter table housing disable trigger " + HOUSING_KEY_TRIGGER).update();
        }
        boolean firstLoad = idBase != null && bigLoad && indexes.truncateWhenEmpty(FIRST_LOAD_TABLES);
        if (idBase != null && !firstLoad) {
            // rows appeared meanwhile: the general path, with the block's ids
            log.info("LOVAC {}: rows appeared before the first load emptied its tables: general path", millesime);
            scratch.abandon();
        }

        phases.accept("propriétaires");
        String copies;
        String newDwellings;
        if (firstLoad) {
            log.info("LOVAC {}: first load, tables recreated empty (written without WAL when wal_level is minimal)",
                    millesime);
            // the owners are worked out on the scratch connection meanwhile; the buildings and the dwellings' own
            // values need only the file, and are ready before the owners are
            firstLoadBuildings(steps);
            steps.run("new dwellings", jdbc.sql("create temp table lovac_new_housing on commit drop as " + NEW_DWELLINGS)
                    .param("m", millesime));
            owners.insertFirstLoadOwners(steps, scratch);
            // the owner table is written: its indexes and key are built while the scratch connection works out the
            // links, on this connection's otherwise idle core, rather than after the commit
            dropped = indexes.restoreWhile(dropped, "owner", () -> !scratch.linksReady(), steps);
            owners.insertFirstLoadLinks(source, steps, scratch);
            scratch.awaitCopies();
            copies = OwnerScratch.COPIES;
            newDwellings = "lovac_new_housing";
        } else {
            owners.merge(source, steps);
            owners.copies(steps);
            copies = "lovac_copies";
            newDwellings = "(" + NEW_DWELLINGS + ")";
        }

        phases.accept("logements");
        insertNewDwellings(source, millesime, newDwellings, copies, steps);

        if (!firstLoad) {
            updateKnownDwellings(source, millesime, steps);
        }

        jdbc.sql("create temp table lovac_gone (id bigint primary key) on commit drop").update();
        phases.accept("sorties de la vacance");
        // a first load found the tables empty: no dwelling of an earlier file can have left this one
        long exits = firstLoad ? 0 : exits(millesime, coveredCommunes, steps);
        steps.run("coverage", jdbc.sql("""
                insert into lovac_coverage (commune_code, last_millesime)
                select unnest(string_to_array(:communes, ',')), :m
                on conflict (commune_code) do update set last_millesime = excluded.last_millesime
                 where lovac_coverage.last_millesime < excluded.last_millesime""")
                .param("communes", String.join(",", coveredCommunes)).param("m", millesime));
        phases.accept("immeubles et indicateurs");
        if (!firstLoad) {
            refreshBuildings(steps);
            owners.refreshOtherDwellings(steps);
        }
        // derived data changes only with the dwellings: a file that wrote nothing (a re-run) leaves it as it is
        if (counts[3] + exits > 0) {
            long t0 = System.nanoTime();
            // only new dwellings, and no known owner changed: no existing dwelling's derived data moved
            derived.accept(firstLoad || counts[3] == created && exits == 0 && !owners.touchedAny());
            steps.log("derived data (scores, perimeters)", -1, t0);
        }
        if (bigLoad) {
            phases.accept("index");
            indexes.rebuild(dropped, steps);
        }
        // every dwelling is written: check the links' references now (PostgreSQL alters no table while checks
        // are pending)
        steps.run("link references", jdbc.sql("set constraints ownership_housing_id_fkey immediate"));
        bulkTriggers("enable");
        if (bigLoad) {
            jdbc.sql("alter table housing enable trigger " + HOUSING_KEY_TRIGGER).update();
        }
        long t = System.nanoTime();
        long[] links = firstLoad ? scratch.awaitCopies() : owners.reportCounts();
        steps.log("report counts", -1, t);
        long unchanged = distinct - created - updated;
        long walBytes = jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), cast(:start as pg_lsn))::bigint")
                .param("start", walStart).query(Long.class).single();
        log.info("LOVAC {}: merge done in {} ms, {} MB of write-ahead log", millesime, steps.totalMs(), walBytes >> 20);
        return new BulkLoadResult(staged, staged - distinct, created, updated, unchanged, exits, links[0], links[1]);
    }

    /**
     * New dwellings, each written once: the file's values ({@link #NEW_DWELLINGS}), the owners' copies and the
     * contributed columns, the latter computed in the same statement (a separate pass cost a national load the
     * join of the file's rows with their copies a second time).
     *
     * @param newDwellings {@link #NEW_DWELLINGS} as a subquery, or a table made of it
     */
    private void insertNewDwellings(String source, int millesime, String newDwellings, String copies, BulkSteps steps) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (BulkLoadColumn column : contributedColumns.orderedStream().toList()) {
            if (!column.column().matches("[a-z_]+")) {
                throw new IllegalStateException("Not a column name: " + column.column());
            }
            columns.append(", ").append(column.column());
            values.append(", ").append(column.value());
            joins.append('\n').append(column.joins());
        }
        steps.run("housing insert", jdbc.sql("insert into housing (id, local_id, " + DATA_COLUMNS + ", " + COPY_COLUMNS
                        + ", data_file_years, last_lovac_year, source_hash, address_key" + columns + ") select h.id, h.local_id, "
                        + prefixed("h", DATA_COLUMNS) + ", " + prefixed("h", COPY_COLUMNS)
                        + ", array[:src], h.last_lovac_year, h.row_hash, h.address_key" + values
                        + " from (select n.*, " + prefixed("c", COPY_COLUMNS) + " from " + newDwellings + " n"
                        + " left join " + copies + " c on c.housing_id = n.id) h"
                        + joins)
                .param("src", source).param("m", millesime));
    }

    /** Dwellings already known: back in the file (reset unless a user worked on them), refreshed, or older source. */
    private void updateKnownDwellings(String source, int millesime, BulkSteps steps) {
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
        steps.run("housing update", jdbc.sql("update housing h set (" + DATA_COLUMNS + ") = (" + prefixed("s", DATA_COLUMNS) + "), "
                        + """
                        occupancy = case when h.user_modified then h.occupancy else 'V' end,
                        status = case when h.user_modified then h.status else 0 end,
                        sub_status = case when h.user_modified then h.sub_status else null end,
                        data_file_years = case when :src = any(h.data_file_years) then h.data_file_years
                                               else h.data_file_years || :src end,
                        last_lovac_year = :m, source_hash = s.row_hash,
                        version = h.version + case when d.changed then 1 else 0 end,
                        updated_at = case when d.changed then now() else h.updated_at end,
                        """ + "address_key = " + SearchKeys.address("s.address_dgfip") + ", (" + COPY_COLUMNS + ") = ("
                        + prefixed("c", COPY_COLUMNS) + ")" + """
                        from lovac_dedup d join lovac_stage s on s.line_no = d.line_no
                        left join lovac_copies c on c.housing_id = d.housing_id
                        where d.existing_id = h.id and d.newest and not d.unchanged""")
                .param("src", source).param("m", millesime));
        // an older millésime only adds itself to the source list
        steps.run("housing older source", jdbc.sql("""
                update housing h set data_file_years = h.data_file_years || :src, version = h.version + 1, updated_at = now()
                  from lovac_dedup d
                 where d.existing_id = h.id and not d.newest and not d.unchanged""")
                .param("src", source));
    }

    private long exits(int millesime, List<String> coveredCommunes, BulkSteps steps) {
        // still vacant as far as anyone knows: an agent may have set another occupancy and left the status at
        // « Non suivi » (or « En attente de retour »), and the import never overwrites a user's work
        steps.run("gone", jdbc.sql("""
                insert into lovac_gone (id)
                select h.id from housing h
                 where h.last_lovac_year = :previous and h.commune_code = any(string_to_array(:communes, ',')) and h.status in (0, 1)
                   and h.occupancy = 'V'
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

    /**
     * A first load (every table of the chain empty) is known as soon as the duplicates are: its owners are then
     * worked out on the scratch connection, and its dwellings' ids are one block drawn from the sequence (block
     * start + line number), which the scratch connection's links carry (no lookup of ids by line).
     *
     * @return the block's start, or null when the tables are not empty
     */
    private Long startFirstLoadIfEmpty(long staged, String housingIds, OwnerScratch scratch, BulkSteps steps) {
        if (staged == 0 || !indexes.rebuildAllowed() || indexes.emptyClosure(FIRST_LOAD_TABLES) == null) {
            return null;
        }
        // nothing else creates dwellings while an import holds the import lock
        long lastLine = jdbc.sql("select max(line_no) from lovac_stage").query(Long.class).single();
        long idBase = jdbc.sql("select setval('" + housingIds + "'::regclass, nextval('" + housingIds
                        + "'::regclass) + :last) - :last").param("last", lastLine)
                .query(Long.class).single();
        scratch.startFirstLoad(jdbc.sql("select line_no from lovac_duplicate").query(Long.class).list(),
                idSequence("owner"), idBase, steps);
        return idBase;
    }

    /** The sequence of a table's ids, quoted for a literal in the statement's text. */
    private String idSequence(String table) {
        return jdbc.sql("select pg_get_serial_sequence(:table, 'id')").param("table", table).query(String.class).single()
                .replace("'", "''");
    }

    /** Every dwelling of a first load is new, hence vacant, and no building exists yet: counted from the file. */
    private void firstLoadBuildings(BulkSteps steps) {
        steps.run("buildings insert", jdbc.sql("""
                insert into building (id, vacant_housing_count)
                select building_id, count(*) from lovac_dedup where building_id is not null
                 group by building_id order by building_id collate "C\""""));
    }

    private void refreshBuildings(BulkSteps steps) {
        // only buildings whose dwellings this file created, changed or moved out of vacancy. Known buildings are
        // updated and new ones inserted in key order: an upsert of a national load's million buildings cost
        // twice as much
        steps.run("building counts", jdbc.sql("""
                create temp table lovac_building on commit drop as
                select h.building_id as id, count(*) filter (where h.occupancy = 'V') as vacant
                  from housing h
                 where exists (select 1
                                 from (select building_id from lovac_dedup where not unchanged
                                       union all
                                       select h2.building_id from housing h2 join lovac_gone g on g.id = h2.id) t
                                where t.building_id = h.building_id)
                 group by h.building_id"""));
        steps.run("buildings update", jdbc.sql("""
                update building b set vacant_housing_count = x.vacant
                  from lovac_building x
                 where b.id = x.id and b.vacant_housing_count is distinct from x.vacant"""));
        steps.run("buildings insert", jdbc.sql("""
                insert into building (id, vacant_housing_count)
                select x.id, x.vacant from lovac_building x
                 where not exists (select 1 from building b where b.id = x.id)
                 order by x.id"""));
    }

    private void bulkTriggers(String action) {
        for (String[] trigger : BULK_TRIGGERS) {
            jdbc.sql("alter table " + trigger[0] + " " + action + " trigger " + trigger[1]).update();
        }
    }

    private static String label(int millesime) {
        return "LOVAC " + millesime;
    }
}
