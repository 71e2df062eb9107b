package fr.zlv.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.groups.ExportColumns.Column;
import fr.zlv.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The exports' rows read on a second thread: every row in order across batches and fetches, and a
 * failure on either side (the writer, e.g. a client gone; the statement) stops both, is thrown to the
 * caller and leaves the connection usable (the reading thread has let it go).
 */
@IntegrationTest
class PrefetchedRowsIntegrationTests {

    private static final String SQL = "select (100 / (i - ?))::text as v from generate_series(1, 5000) i where ? or i::text = any(?)";
    private static final List<Column> COLUMNS = List.of(new Column("v", rs -> rs.getString("v")));

    @Autowired
    DataSource dataSource;

    @Test
    void everyRowArrivesInTheStatementsOrder() throws Exception {
        List<String> written = new ArrayList<>();
        try (Connection connection = transaction()) {
            PrefetchedRows.forEach(connection, SQL, new Object[] {-1, true, new String[0]}, COLUMNS, values -> written.add((String) values[0]));
            assertThat(stillUsable(connection)).isTrue();
        }
        assertThat(written).hasSize(5000);
        for (int i = 1; i <= 5000; i++) {
            assertThat(written.get(i - 1)).isEqualTo(String.valueOf(100 / (i + 1)));
        }
    }

    @Test
    void theCommuneArrayFiltersTheRows() throws Exception {
        List<String> written = new ArrayList<>();
        try (Connection connection = transaction()) {
            PrefetchedRows.forEach(connection, SQL, new Object[] {-1, false, new String[] {"1", "99"}}, COLUMNS,
                    values -> written.add((String) values[0]));
        }
        assertThat(written).containsExactly("50", "1");
    }

    @Test
    void aWriterThatFailsStopsTheReadingAndItsFailureIsThrown() throws Exception {
        int[] count = {0};
        try (Connection connection = transaction()) {
            assertThatThrownBy(() -> PrefetchedRows.forEach(connection, SQL, new Object[] {-1, true, new String[0]}, COLUMNS, values -> {
                if (++count[0] == 1234) {
                    throw new java.io.IOException("client gone");
                }
            })).isInstanceOf(java.io.IOException.class).hasMessage("client gone");
            assertThat(stillUsable(connection)).isTrue();
        }
        assertThat(count[0]).isEqualTo(1234);
    }

    @Test
    void aStatementThatFailsMidwayIsThrownAfterTheRowsBeforeIt() throws Exception {
        int[] count = {0};
        try (Connection connection = transaction()) {
            assertThatThrownBy(() -> PrefetchedRows.forEach(connection, SQL, new Object[] {3000, true, new String[0]}, COLUMNS,
                    values -> count[0]++)).isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
            connection.rollback();
            assertThat(stillUsable(connection)).isTrue();
        }
        assertThat(count[0]).isLessThan(3000);
    }

    /** A connection in a transaction, as the exports' read-only one (a fetch size then streams through a cursor). */
    private Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static boolean stillUsable(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
