package fr.zlv.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new embedded data folder (the test JVM starts from an empty one) compares text with PostgreSQL's builtin
 * C.UTF-8 locale, whatever the machine's locale: code-point order and Unicode case mapping (ADR 0004, decision 12).
 */
@IntegrationTest
class DatabaseLocaleIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewDataFolderUsesTheBuiltinCodePointLocale() {
        assertThat(jdbc.sql("select datlocprovider::text || ' ' || datlocale from pg_database where datname = current_database()")
                .query(String.class).single()).isEqualTo("b C.UTF-8");
        // code-point order (accented letters after "z", capitals before small letters), as the C library's C.UTF-8
        assertThat(jdbc.sql("select string_agg(w, ' ' order by w) from unnest(array['zoé', 'élise', 'Zola', 'eric']) w")
                .query(String.class).single()).isEqualTo("Zola eric zoé élise");
        assertThat(jdbc.sql("select lower('ÉCOLE ÇA') || ' ' || upper('élève')").query(String.class).single())
                .isEqualTo("école ça ÉLÈVE");
    }
}
