package fr.zlv.housing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Secondary indexes around a load that writes a large share of a table (a first national import):
 * building an index once over the loaded rows is several times cheaper than maintaining it row by row.
 * Both happen inside the import's transaction, so a crash leaves the indexes as they were; the price is
 * that the tables are locked for reading until the import commits, which is why it is kept for big loads.
 * Indexes that back a constraint (primary keys, unique keys used by the merge) always stay.
 */
@Repository
class BulkIndexes {

    /** Index definitions as PostgreSQL prints them, to be replayed after the load. */
    record Dropped(List<String> definitions) {
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
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
        }
        return new Dropped(indexes.stream().map(index -> index[1]).toList());
    }

    void rebuild(Dropped dropped, BulkSteps steps) {
        for (String definition : dropped.definitions()) {
            steps.run("index " + definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2"),
                    jdbc.sql(definition));
        }
    }
}
