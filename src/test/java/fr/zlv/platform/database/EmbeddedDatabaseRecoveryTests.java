package fr.zlv.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database survives a product killed with SIGKILL: its orphan postmaster is stopped,
 * committed data is there, and a stale postmaster.pid does not block the next start. While another
 * process runs the database, a second one (a command-line run) joins it instead of starting its own.
 */
class EmbeddedDatabaseRecoveryTests {

    @TempDir
    Path folder;

    @Test
    void joinsTheRunningDatabaseThenRecoversAfterTheOwnerIsKilled() throws Exception {
        Process owner = startOwnerProcess(folder);
        try {
            int ownerPort = readReadyPort(owner);
            long postmasterPid = Long.parseLong(Files.readAllLines(folder.resolve("pg/postmaster.pid")).getFirst().trim());

            // a command-line run while the product is up uses the product's database
            var joined = EmbeddedPostgresServer.startOrJoin(folder);
            assertThat(joined.ownedByThisProcess()).isFalse();
            assertThat(joined.port()).isEqualTo(ownerPort);

            owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);

            // the next start (a new JVM in real life: here the orphan is found the same way)
            EmbeddedPostgresServer.clearLeftovers(folder.resolve("pg"));
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(folder.resolve("pg/postmaster.pid")).doesNotExist();
        } finally {
            owner.destroyForcibly();
        }

        // restart in a fresh child JVM on the same folder: the committed row is still there
        Process second = startOwnerProcess(folder);
        try {
            int port = readReadyPort(second);
            try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                 var rs = db.createStatement().executeQuery("select count(*), current_setting('fsync'), current_setting('synchronous_commit') from survivor")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2); // one row per start
                assertThat(rs.getString(2)).isEqualTo("on");
                assertThat(rs.getString(3)).isEqualTo("on");
            }
        } finally {
            second.destroy(); // SIGTERM: the JVM's shutdown hooks stop the database
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStalePostmasterPidDoesNotBlockTheStart() throws Exception {
        Path pg = Files.createDirectories(folder.resolve("pg"));
        Files.writeString(pg.resolve("postmaster.pid"), "999999\n" + pg + "\n");
        EmbeddedPostgresServer.clearLeftovers(pg);
        assertThat(pg.resolve("postmaster.pid")).doesNotExist();
    }

    private static Process startOwnerProcess(Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldEmbeddedDatabase.class.getName(), folder.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int readReadyPort(Process process) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("the child process exited before its database was ready");
    }
}
