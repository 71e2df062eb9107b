package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first load empties its tables (new files, written without WAL): only when they, and every table that refers
 * to them however indirectly, hold no row. Scratch tables of this class only: parent ← child ← grandchild.
 */
@IntegrationTest
class BulkTruncationIntegrationTests {

    @Autowired
    BulkIndexes indexes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void createTables() {
        jdbc.sql("""
                create table bulk_parent (id bigint primary key);
                create table bulk_child (id bigint primary key, parent_id bigint references bulk_parent);
                create table bulk_grandchild (id bigint primary key, child_id bigint references bulk_child)""").update();
    }

    @AfterEach
    void dropTables() {
        jdbc.sql("drop table if exists bulk_grandchild, bulk_child, bulk_parent").update();
    }

    private boolean truncate() {
        return new TransactionTemplate(transactions).execute(status -> indexes.truncateWhenEmpty("bulk_parent"));
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long fileOf(String table) {
        return jdbc.sql("select relfilenode from pg_class where relname = ?").param(table).query(Long.class).single();
    }

    @Test
    void emptyTablesAndTheTablesReferringToThemAreRecreated() {
        long before = fileOf("bulk_parent");

        assertThat(truncate()).isTrue();

        assertThat(fileOf("bulk_parent")).isNotEqualTo(before);
    }

    @Test
    void aRowAnywhereInTheReferringTablesKeepsEverything() {
        // a grandchild whose reference is empty: the parent is empty, yet truncating it would cascade to this row
        jdbc.sql("insert into bulk_grandchild (id, child_id) values (1, null)").update();
        long before = fileOf("bulk_parent");

        assertThat(truncate()).isFalse();

        assertThat(rows("bulk_grandchild")).isEqualTo(1);
        assertThat(fileOf("bulk_parent")).isEqualTo(before);
    }

    @Test
    void aTableWithRowsIsNotTruncated() {
        jdbc.sql("insert into bulk_parent (id) values (1)").update();

        assertThat(truncate()).isFalse();

        assertThat(rows("bulk_parent")).isEqualTo(1);
    }
}
