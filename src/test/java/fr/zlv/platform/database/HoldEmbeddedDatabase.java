package fr.zlv.platform.database;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a child JVM by the tests: starts the embedded database of a folder, writes a row, says
 * READY and waits to be killed — like a product that dies without shutting its database down.
 */
public class HoldEmbeddedDatabase {

    public static void main(String[] args) throws Exception {
        var connection = EmbeddedPostgresServer.startOrJoin(Path.of(args[0]));
        try (var db = DriverManager.getConnection(connection.jdbcUrl(), "postgres", "")) {
            db.createStatement().execute("create table if not exists survivor (note text)");
            db.createStatement().execute("insert into survivor values ('committed before the kill')");
        }
        System.gc(); // the folder's lock must survive a collection (a lost lock let a second run start its own database)
        System.out.println("READY " + connection.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
