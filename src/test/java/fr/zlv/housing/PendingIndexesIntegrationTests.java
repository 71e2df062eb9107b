package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indexes a big load leaves for after its commit: built, then forgotten; one that cannot be built stays pending
 * for the next start. A scratch table of this class only.
 */
@IntegrationTest
class PendingIndexesIntegrationTests {

    @Autowired
    HousingBulkLoad bulkLoad;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void createTable() {
        jdbc.sql("create table bulk_scratch (x integer, words text)").update();
        jdbc.sql("insert into bulk_scratch select i, 'ligne ' || i from generate_series(1, 1000) i").update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table if exists bulk_scratch").update();
        jdbc.sql("delete from bulk_pending_index where name like 'bulk_scratch%'").update();
    }

    /** An index left for after a commit, as {@code BulkIndexes} records it. */
    private void pendingIndex(String name, String definition) {
        jdbc.sql("insert into bulk_pending_index (name, statement) values (?, ?)")
                .params(name, "CREATE INDEX " + name + " ON public.bulk_scratch USING " + definition).update();
    }

    private List<String> indexes() {
        return jdbc.sql("select indexname from pg_indexes where tablename = 'bulk_scratch' order by 1")
                .query(String.class).list();
    }

    private List<String> pending() {
        return jdbc.sql("select name from bulk_pending_index where name like 'bulk_scratch%' order by 1")
                .query(String.class).list();
    }

    @Test
    void indexesLeftPendingAreBuiltTwoAtATimeThenForgotten() {
        // as an import interrupted after its commit leaves them (the start-up task calls the same builder)
        pendingIndex("bulk_scratch_x", "btree (x)");
        pendingIndex("bulk_scratch_words", "gin (words gin_trgm_ops)");
        var phases = new CopyOnWriteArrayList<String>();

        int built = Roles.asSystem(() -> bulkLoad.buildPendingIndexes(phases::add));

        assertThat(built).isEqualTo(2);
        assertThat(indexes()).containsExactly("bulk_scratch_words", "bulk_scratch_x");
        assertThat(pending()).isEmpty();
        assertThat(phases).containsExactlyInAnyOrder("1 sur 2", "2 sur 2");
    }

    @Test
    void anIndexThatCannotBeBuiltStaysPendingAndTheOthersAreBuilt() {
        pendingIndex("bulk_scratch_x", "btree (x)");
        pendingIndex("bulk_scratch_broken", "btree (no_such_column)");

        int built = Roles.asSystem(() -> bulkLoad.buildPendingIndexes(phase -> { }));

        assertThat(built).isEqualTo(1);
        assertThat(indexes()).containsExactly("bulk_scratch_x");
        assertThat(pending()).containsExactly("bulk_scratch_broken");
    }

    @Test
    void anIndexThatAlreadyExistsIsForgotten() {
        jdbc.sql("create index bulk_scratch_x on bulk_scratch (x)").update();
        pendingIndex("bulk_scratch_x", "btree (x)");

        Roles.asSystem(() -> bulkLoad.buildPendingIndexes(phase -> { }));

        assertThat(indexes()).containsExactly("bulk_scratch_x");
        assertThat(pending()).isEmpty();
    }
}
