package fr.zlv.housing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Secondary indexes around a load that writes a large share of a table (a first national import):
 * building an index once over the loaded rows is several times cheaper than maintaining it row by row.
 * Both happen inside the import's transaction, so a crash leaves the indexes as they were; the price is
 * that the tables are locked for reading until the import commits, which is why it is kept for big loads.
 * Indexes that back a constraint (primary keys, unique keys used by the merge) always stay. The tables'
 * foreign keys are dropped too and added back at the end: PostgreSQL then checks every row in one join
 * instead of one lookup per written row.
 */
@Repository
class BulkIndexes {

    /** One statement that puts back what was dropped (a definition as PostgreSQL prints it), named for the log. */
    record Restore(String name, String statement) {
    }

    /** What to put back after the load. */
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
        String mode = System.getProperty("zlv.import.indexes", "auto");
        if (mode.equals("keep") || rowsToWrite == 0) {
            return false;
        }
        if (mode.equals("rebuild")) {
            return true;
        }
        long rows = jdbc.sql("select count(*) from housing").query(Long.class).single();
        return rowsToWrite * 2 >= rows;
    }

    Dropped drop(String... tables) {
        var indexes = jdbc.sql("""
                select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
                  from pg_index i
                 where i.indrelid = any(cast(string_to_array(:tables, ',') as regclass[]))
                   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                 order by 1""")
                .param("tables", String.join(",", tables))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        var foreignKeys = jdbc.sql("""
                select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as definition
                  from pg_constraint
                 where contype = 'f' and conrelid = any(cast(string_to_array(:tables, ',') as regclass[]))
                 order by 1, 2""")
                .param("tables", String.join(",", tables))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        var restore = new java.util.ArrayList<Restore>();
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
            restore.add(new Restore("index " + index[0], index[1]));
        }
        for (String[] key : foreignKeys) {
            jdbc.sql("alter table " + key[0] + " drop constraint " + key[1]).update();
            restore.add(new Restore("constraint " + key[1],
                    "alter table " + key[0] + " add constraint " + key[1] + " " + key[2]));
        }
        return new Dropped(List.copyOf(restore));
    }

    void rebuild(Dropped dropped, BulkSteps steps) {
        // a trigram index build accumulates its entries in memory: 2 GB instead of 512 MB makes the national
        // search index ~25 % faster to build (memory is only taken as the data needs it)
        jdbc.sql("set local maintenance_work_mem = '2GB'").update();
        for (Restore restore : dropped.restores()) {
            steps.run(restore.name(), jdbc.sql(restore.statement()));
        }
    }
}
