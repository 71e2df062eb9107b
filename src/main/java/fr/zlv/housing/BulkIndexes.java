package fr.zlv.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Secondary indexes around a load that writes a large share of a table (a first national import):
 * building an index once over the loaded rows is several times cheaper than maintaining it row by row.
 * They are dropped inside the import's transaction, so a crash leaves them as they were; the price is that
 * the tables are locked for reading until the import commits, which is why it is kept for big loads.
 * Indexes that back a constraint (primary keys, unique keys used by the merge) always stay. The tables'
 * foreign keys are dropped too and added back before the commit, with unique indexes: PostgreSQL then checks
 * every row in one join instead of one lookup per written row. The other indexes are built after the commit,
 * two at a time ({@link PendingIndexes}): the national search index alone takes most of a minute on one core.
 */
@Repository
class BulkIndexes {

    /**
     * One statement that puts back what was dropped (a definition as PostgreSQL prints it), named for the log.
     *
     * @param table       the table it belongs to
     * @param index       the index's name, when it is an index
     * @param afterCommit built after the import's commit (a non-unique index: nothing can break it meanwhile)
     */
    record Restore(String name, String statement, String table, String index, boolean afterCommit) {
    }

    /** What to put back after the load, in order. */
    record Dropped(List<Restore> restores) {
        static final Dropped NONE = new Dropped(List.of());
    }

    private final JdbcClient jdbc;

    BulkIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether rebuilding pays: when the rows to write are at least half of the table (and the system property
     * {@code zlv.import.indexes} does not say {@code keep} or {@code rebuild}).
     */
    boolean worthRebuilding(long rowsToWrite) {
        if (!rebuildAllowed() || rowsToWrite == 0) {
            return false;
        }
        if (System.getProperty("zlv.import.indexes", "auto").equals("rebuild")) {
            return true;
        }
        long rows = jdbc.sql("select count(*) from housing").query(Long.class).single();
        return rowsToWrite * 2 >= rows;
    }

    Dropped drop(String... tables) {
        var indexes = jdbc.sql("""
                select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
                       i.indisunique::text as is_unique, i.indrelid::regclass::text as tbl
                  from pg_index i
                 where i.indrelid = any(cast(string_to_array(:tables, ',') as regclass[]))
                   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                 order by 1""")
                .param("tables", String.join(",", tables))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        // foreign keys, and unique constraints no foreign key relies on (the dwelling's local id, the owner's
        // key: maintaining them row by row cost a national load more than building them once); unique ones
        // come back first
        var foreignKeys = jdbc.sql("""
                select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as definition
                  from pg_constraint c
                 where c.conrelid = any(cast(string_to_array(:tables, ',') as regclass[]))
                   and (c.contype = 'f'
                        or (c.contype = 'u' and not exists (select 1 from pg_constraint r
                                                             where r.contype = 'f' and r.conindid = c.conindid)))
                 order by c.contype = 'f', 1, 2""")
                .param("tables", String.join(",", tables))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        var restore = new ArrayList<Restore>();
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
            restore.add(new Restore("index " + index[0], index[1], index[3], index[0], !Boolean.parseBoolean(index[2])));
        }
        for (String[] key : foreignKeys) {
            jdbc.sql("alter table " + key[0] + " drop constraint " + key[1]).update();
            restore.add(new Restore("constraint " + key[1],
                    "alter table " + key[0] + " add constraint " + key[1] + " " + key[2], key[0], null, false));
        }
        return new Dropped(List.copyOf(restore));
    }

    /**
     * Empties the given tables when they and every table referring to them, however indirectly, hold no row
     * (a first load): PostgreSQL then gives them new files, and with {@code wal_level = minimal} (the embedded
     * server) what the load writes into them and their index builds skip the write-ahead log. Nothing is lost:
     * only empty tables are truncated, inside the import's transaction.
     *
     * @return whether the tables were truncated
     */
    boolean truncateWhenEmpty(String... tables) {
        List<String> closure = emptyClosure(tables);
        if (closure == null) {
            return false;
        }
        jdbc.sql("truncate " + String.join(", ", closure)).update();
        return true;
    }

    /** Whether the load may rebuild indexes at all ({@code zlv.import.indexes} is not {@code keep}). */
    boolean rebuildAllowed() {
        return !System.getProperty("zlv.import.indexes", "auto").equals("keep");
    }

    /** The tables and every table referring to them, however indirectly, when all are empty; else null. */
    List<String> emptyClosure(String... tables) {
        List<String> closure = jdbc.sql("""
                with recursive referring(tbl) as (
                    select unnest(cast(string_to_array(:tables, ',') as regclass[]))
                    union
                    select c.conrelid::regclass from pg_constraint c join referring r on c.confrelid = r.tbl
                     where c.contype = 'f')
                select tbl::text from referring order by 1""")
                .param("tables", String.join(",", tables)).query(String.class).list();
        for (String table : closure) {
            if (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
                return null;
            }
        }
        return closure;
    }

    /**
     * Puts back a table's indexes and keys now, in the import's transaction, one by one while {@code waiting} says
     * it is waiting for other work anyway (a first load waits for its links with the owner table written): each
     * is then built on a core that would be idle, instead of after the commit.
     *
     * @return what is still to put back
     */
    Dropped restoreWhile(Dropped dropped, String table, BooleanSupplier waiting, BulkSteps steps) {
        var remaining = new ArrayList<>(dropped.restores());
        // one core: the other one is working out what this transaction waits for
        jdbc.sql("set local max_parallel_maintenance_workers = 0").update();
        for (Restore restore : dropped.restores()) {
            if (!waiting.getAsBoolean()) {
                break;
            }
            if (restore.table().equals(table)) {
                steps.run(restore.name() + " while waiting", jdbc.sql(restore.statement()));
                remaining.remove(restore);
            }
        }
        jdbc.sql("set local max_parallel_maintenance_workers to default").update();
        return new Dropped(List.copyOf(remaining));
    }

    /**
     * Puts back, before the commit, what must hold as soon as the data is visible (foreign keys, unique indexes),
     * and records the other indexes for {@link PendingIndexes}: committed with the data, so that a crash after
     * the commit leaves them to build at the next start.
     */
    void rebuild(Dropped dropped, BulkSteps steps) {
        jdbc.sql("set local maintenance_work_mem = '1GB'").update();
        for (Restore restore : dropped.restores()) {
            if (restore.afterCommit()) {
                jdbc.sql("""
                        insert into bulk_pending_index (name, statement) values (:name, :statement)
                        on conflict (name) do update set statement = excluded.statement, created_at = now()""")
                        .param("name", restore.index()).param("statement", restore.statement()).update();
            } else {
                steps.run(restore.name(), jdbc.sql(restore.statement()));
            }
        }
    }
}
