package fr.zlv.imports;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Another process's import at work: holds the database's import lock, on a connection of its own, until closed. */
final class ImportLockHolder implements AutoCloseable {

    private final Connection connection;

    ImportLockHolder(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + LovacImportManagement.LOCK_KEY + ")");
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }
}
