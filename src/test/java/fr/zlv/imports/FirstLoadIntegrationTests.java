package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.platform.cli.CommandLineDispatcher;
import fr.zlv.platform.database.EmbeddedPostgresServer;
import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A first load into an empty database (a new deployment): its tables are recreated empty inside the import
 * (written without WAL), its indexes and constraints are all back afterwards, and it wrote what any import
 * writes. A data folder of its own, from the command line, as an operator runs it.
 */
@IntegrationTest
class FirstLoadIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CommandLineDispatcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return JSON.readTree(lines.getLast());
    }

    /** Runs a command expected to fail; returns what it said on stderr. */
    private static String failingCli(String... args) {
        var err = new ByteArrayOutputStream();
        int code = CommandLineDispatcher.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isNotZero();
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + EmbeddedPostgresServer.startOrJoin(data).port()
                + "/postgres", "postgres", "");
    }

    /** The names and definitions of the indexes and constraints of the tables a first load empties. */
    private static String indexesAndConstraints(Connection db) throws SQLException {
        try (var rs = db.createStatement().executeQuery("""
                select string_agg(name || ' ' || definition, E'\n' order by name, definition) from (
                    select indexname as name, indexdef as definition from pg_indexes
                     where tablename in ('housing', 'owner', 'ownership', 'building')
                    union all
                    select conname, pg_get_constraintdef(oid) from pg_constraint
                     where conrelid in ('housing'::regclass, 'owner'::regclass, 'ownership'::regclass, 'building'::regclass)) x""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFirstLoadRecreatesItsTablesAndLeavesEveryIndexAndEveryFigureRight() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("lovac-2025.csv");
        String testFolder = System.getProperty("zlv.data-dir");
        System.setProperty("zlv.data-dir", data.toString());
        try {
            cli("reference", "load");
            cli("generate", "lovac", "--millesime", "2025", "--rows", "1500", "--seed", "11", "--departements", "16",
                    "--dirty-rate", "0.01", file.toString());
            // the owners' work on the second connection fails (its links need a function renamed meanwhile): the
            // import fails as a whole, writes nothing, and the next one works
            try (Connection db = connect(data)) {
                db.createStatement().execute("alter function zlv_search_key(text) rename to zlv_search_key_away");
            }
            assertThat(failingCli("import", "lovac", "--millesime", "2025", file.toString()))
                    .contains("Calcul des propriétaires interrompu");
            try (Connection db = connect(data)) {
                assertThat(count(db, "select count(*) from housing")).isZero();
                assertThat(count(db, "select count(*) from owner")).isZero();
                assertThat(count(db, "select count(*) from pg_tables where schemaname = 'lovac_scratch'")).isZero();
                db.createStatement().execute("alter function zlv_search_key_away(text) rename to zlv_search_key");
            }
            String before;
            try (Connection db = connect(data)) {
                before = indexesAndConstraints(db);
            }
            JsonNode first = cli("import", "lovac", "--millesime", "2025", file.toString());
            long created = first.get("housingsCreated").asLong();
            assertThat(created).isPositive()
                    .isEqualTo(first.get("rowsSelected").asLong() - first.get("duplicatesDropped").asLong());

            try (Connection db = connect(data)) {
                // truncated in the import: a table keeps its first file (named after its oid) until then
                assertThat(count(db, "select count(*) from pg_class where relname in ('housing', 'owner', "
                        + "'ownership', 'building') and relfilenode <> oid")).isEqualTo(4);
                assertThat(count(db, "select count(*) from housing")).isEqualTo(created);
                assertThat(count(db, "select count(*) from ownership where rank >= 1"))
                        .isEqualTo(first.get("ownerships").asLong());
                assertThat(count(db, "select count(distinct owner_id) from ownership where rank >= 1"))
                        .isEqualTo(first.get("owners").asLong());
                assertThat(count(db, "select count(*) from housing where priority_score is null")).isZero();
                assertThat(count(db, "select count(*) from housing h where primary_owner_id is null and exists "
                        + "(select 1 from ownership w where w.housing_id = h.id and w.rank = 1)")).isZero();
                assertThat(count(db, "select count(*) from building")).isPositive();
                // a first load computes its copies, flags and building counts from the file's own rows: they are
                // what the links, owners and dwellings as stored say
                assertThat(count(db, """
                        select count(*) from housing h
                          left join (select w.housing_id, string_agg(zlv_owner_keys(o.name_key, o.administrator_key,
                                            o.address_key), '|' order by w.rank, o.id) as owners_key
                                       from ownership w join owner o on o.id = w.owner_id
                                      where w.rank >= 1 group by w.housing_id) k on k.housing_id = h.id
                          left join (select distinct on (w.housing_id) w.housing_id, w.owner_id, o.full_name, o.kind_code,
                                            o.birth_date, o.multi_owner, w.relative_location
                                       from ownership w join owner o on o.id = w.owner_id
                                      where w.rank = 1 order by w.housing_id, w.owner_id) p on p.housing_id = h.id
                         where h.owners_key is distinct from k.owners_key
                            or (h.primary_owner_id, h.primary_owner_name, h.primary_owner_kind, h.primary_owner_birth_date,
                                h.primary_owner_multi, h.primary_owner_location)
                               is distinct from (p.owner_id, p.full_name, p.kind_code, p.birth_date, p.multi_owner,
                                                 p.relative_location)""")).isZero();
                assertThat(count(db, "select count(*) from housing where owners_key like '%|%'")).isPositive();
                // search keys written by the load itself, as V33's triggers would
                assertThat(count(db, """
                        select (select count(*) from owner
                                 where name_key is distinct from immutable_unaccent(lower(full_name))
                                    or administrator_key is distinct from immutable_unaccent(lower(administrator))
                                    or address_key is distinct from zlv_address_key(address_dgfip))
                             + (select count(*) from housing where address_key is distinct from zlv_address_key(address_dgfip))
                             + (select count(*) from owner where name_key is null)""")).isZero();
                assertThat(count(db, "select count(*) from owner o where o.multi_owner <> ((select count(*) from "
                        + "ownership w where w.owner_id = o.id and w.rank >= 1) > 1)")).isZero();
                assertThat(count(db, """
                        select count(*)
                          from (select building_id, count(*) filter (where occupancy = 'V') as vacant
                                  from housing where building_id is not null group by building_id) x
                          full join building b on b.id = x.building_id
                         where b.vacant_housing_count is distinct from x.vacant""")).isZero();
                // row hashes as session 4 computed them (one row per owner slot): a file imported before the owners
                // had their own stream is still "unchanged" when imported again after an upgrade
                assertThat(count(db, """
                        select count(*) from housing where (local_id, source_hash::text) in (
                            ('160010001043', 'f70f9021-495c-8dc1-6148-7feb1e2b82cf'),
                            ('160050001003', 'cc4f7edc-1c54-62df-55da-92a3d13e1218'),
                            ('160050001615', '1026df80-b40b-63c2-64db-3faae40c5fe8'))""")).isEqualTo(3);
                // the owners were worked out on a second connection, in scratch tables dropped after the commit
                assertThat(count(db, "select count(*) from pg_tables where schemaname = 'lovac_scratch'")).isZero();
                // every index and constraint is back, none left pending
                assertThat(count(db, "select count(*) from bulk_pending_index")).isZero();
                assertThat(count(db, "select count(*) from pg_indexes where indexname in ('housing_address_search', 'housing_owners_search', "
                        + "'housing_local_id_key', 'owner_owner_key_key', 'ownership_by_owner', 'housing_by_status')"))
                        .isEqualTo(6);
                assertThat(count(db, "select count(*) from pg_constraint where conname in "
                        + "('ownership_housing_id_fkey', 'ownership_owner_id_fkey')")).isEqualTo(2);
                // all of them, whether put back in the transaction (some while it waited for the links) or after
                assertThat(indexesAndConstraints(db)).isEqualTo(before).contains("owner_by_kind", "owner_owner_key_key");
            }

            // the same file again writes nothing
            JsonNode again = cli("import", "lovac", "--millesime", "2025", file.toString());
            assertThat(again.get("housingsCreated").asLong()).isZero();
            assertThat(again.get("housingsUpdated").asLong()).isZero();
            assertThat(again.get("housingsUnchanged").asLong()).isEqualTo(created);
        } finally {
            System.setProperty("zlv.data-dir", testFolder);
        }
    }

    @Test
    void aLoadThatFindsRowsBeforeEmptyingTheTablesTakesTheGeneralPath() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("lovac-2025.csv");
        String testFolder = System.getProperty("zlv.data-dir");
        System.setProperty("zlv.data-dir", data.toString());
        try (Connection other = connect(prepared(data, file)); Connection watcher = connect(data)) {
            // another writer holds the coverage table, which the import reads right after it found its tables empty
            // (and started the first load's work on its scratch connection): the import waits there
            String files = files(watcher);
            other.setAutoCommit(false);
            other.createStatement().execute("lock table lovac_coverage in access exclusive mode");
            CompletableFuture<JsonNode> importing = CompletableFuture.supplyAsync(
                    () -> cli("import", "lovac", "--millesime", "2025", file.toString()));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (count(watcher, "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and query like '%lovac_dedup%'") == 0) {
                assertThat(System.nanoTime()).as("the import waits for the coverage table").isLessThan(deadline);
                assertThat(importing).isNotDone();
                Thread.sleep(50);
            }
            // meanwhile a building appears: the tables are no longer empty when the import comes to empty them
            other.createStatement().execute("insert into building (id, vacant_housing_count) values ('ARRIVE-ENTRE-TEMPS', 0)");
            other.commit();
            JsonNode report = importing.get(300, TimeUnit.SECONDS);

            long created = report.get("housingsCreated").asLong();
            assertThat(created).isPositive()
                    .isEqualTo(report.get("rowsSelected").asLong() - report.get("duplicatesDropped").asLong());
            // nothing emptied: the building is still there, the tables keep their first files
            assertThat(count(watcher, "select count(*) from building where id = 'ARRIVE-ENTRE-TEMPS'")).isOne();
            assertThat(files(watcher)).isEqualTo(files);
            // the general path wrote what a first load writes, the scratch work given up and dropped
            assertThat(count(watcher, "select count(*) from housing")).isEqualTo(created);
            assertThat(count(watcher, "select count(*) from ownership where rank >= 1"))
                    .isEqualTo(report.get("ownerships").asLong());
            assertThat(count(watcher, "select count(distinct owner_id) from ownership where rank >= 1"))
                    .isEqualTo(report.get("owners").asLong());
            assertThat(count(watcher, "select count(*) from housing h where primary_owner_id is null and exists "
                    + "(select 1 from ownership w where w.housing_id = h.id and w.rank = 1)")).isZero();
            assertThat(count(watcher, "select count(*) from pg_tables where schemaname = 'lovac_scratch'")).isZero();
            assertThat(count(watcher, "select count(*) from bulk_pending_index")).isZero();
        } finally {
            System.setProperty("zlv.data-dir", testFolder);
        }
    }

    /** The files of the tables a first load empties (a truncation gives a table new ones). */
    private static String files(Connection db) throws SQLException {
        try (var rs = db.createStatement().executeQuery("select string_agg(relname || ':' || relfilenode, ',' order by "
                + "relname) from pg_class where relname in ('housing', 'owner', 'ownership', 'building')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A data folder with the reference data, and a generated file. */
    private static Path prepared(Path data, Path file) {
        cli("reference", "load");
        cli("generate", "lovac", "--millesime", "2025", "--rows", "1500", "--seed", "12", "--departements", "16",
                file.toString());
        return data;
    }
}
