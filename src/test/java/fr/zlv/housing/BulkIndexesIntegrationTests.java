package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a big load drops and puts back early, while its transaction waits: only the named table's items, one
 * at a time for as long as it waits, the rest left for the end. Scratch tables of this class only.
 */
@IntegrationTest
class BulkIndexesIntegrationTests {

    @Autowired
    BulkIndexes indexes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void createTables() {
        jdbc.sql("create table bulk_early_a (x integer primary key, y integer, z text unique)").update();
        jdbc.sql("create index bulk_early_a_y on bulk_early_a (y)").update();
        jdbc.sql("create table bulk_early_b (x integer)").update();
        jdbc.sql("create index bulk_early_b_x on bulk_early_b (x)").update();
    }

    @AfterEach
    void dropTables() {
        jdbc.sql("drop table if exists bulk_early_a, bulk_early_b").update();
    }

    private List<String> indexes() {
        return jdbc.sql("select indexname from pg_indexes where tablename like 'bulk_early_%' order by 1")
                .query(String.class).list();
    }

    private static List<String> names(BulkIndexes.Dropped dropped) {
        return dropped.restores().stream().map(BulkIndexes.Restore::name).toList();
    }

    @Test
    void whileWaitingOnlyTheNamedTablesItemsAreBuiltAndTheRestIsLeft() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            BulkIndexes.Dropped dropped = indexes.drop("bulk_early_a", "bulk_early_b");
            assertThat(names(dropped)).containsExactlyInAnyOrder(
                    "index bulk_early_a_y", "index bulk_early_b_x", "constraint bulk_early_a_z_key");
            assertThat(indexes()).containsExactly("bulk_early_a_pkey");

            BulkIndexes.Dropped left = indexes.restoreWhile(dropped, "bulk_early_a", () -> true, new BulkSteps(2025));

            assertThat(indexes()).containsExactly("bulk_early_a_pkey", "bulk_early_a_y", "bulk_early_a_z_key");
            assertThat(names(left)).containsExactly("index bulk_early_b_x");
            status.setRollbackOnly();
        });
    }

    @Test
    void nothingMoreIsBuiltOnceTheWaitIsOver() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            BulkIndexes.Dropped dropped = indexes.drop("bulk_early_a", "bulk_early_b");
            var checks = new AtomicInteger();

            // the transaction waits for one check only: one item is built, the table's other one is left
            BulkIndexes.Dropped left = indexes.restoreWhile(dropped, "bulk_early_a", () -> checks.getAndIncrement() == 0,
                    new BulkSteps(2025));

            assertThat(names(left)).hasSize(2).contains("index bulk_early_b_x");
            assertThat(indexes()).hasSize(2).contains("bulk_early_a_pkey");
            status.setRollbackOnly();
        });
    }
}
