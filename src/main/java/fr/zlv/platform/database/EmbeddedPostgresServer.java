package fr.zlv.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a data folder. One instance per folder and JVM. The process that starts
 * it holds {@code owner.lock} and writes the port to {@code db.port}, so that a command-line run
 * started while the product is up connects to the running database instead of starting a second one.
 * A postmaster left behind by a killed run, or its stale {@code postmaster.pid}, is cleared first.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, Connection> RUNNING = new HashMap<>();
    /** Held for the life of the JVM: an unreachable FileChannel is closed by its cleaner, releasing the lock. */
    private static final Map<Path, FileLock> OWNER_LOCKS = new HashMap<>();

    /** Where to connect: a port on localhost, user {@code postgres}, database {@code postgres}. */
    public record Connection(int port, boolean ownedByThisProcess) {
        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }
    }

    private EmbeddedPostgresServer() {
    }

    /** Starts the folder's database, or joins the one another live process of ours runs on it. */
    public static synchronized Connection startOrJoin(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        Connection known = RUNNING.get(folder);
        if (known != null) {
            return known;
        }
        try {
            Files.createDirectories(folder);
            Optional<FileLock> lock = tryLock(folder.resolve("owner.lock"));
            Connection connection;
            if (lock.isEmpty()) {
                connection = joinRunning(folder);
            } else {
                OWNER_LOCKS.put(folder, lock.get());
                connection = start(folder);
            }
            RUNNING.put(folder, connection);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer la base embarquée dans " + folder, e);
        }
    }

    private static Connection joinRunning(Path folder) throws IOException {
        Path portFile = folder.resolve("db.port");
        for (int i = 0; i < 600 && !Files.exists(portFile); i++) {
            sleep(100); // the other process may still be starting its database
        }
        if (!Files.exists(portFile)) {
            throw new IllegalStateException("Un autre processus utilise " + folder + " mais sa base n'a pas démarré.");
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        log.info("Using the database of the running product on port {}", port);
        return new Connection(port, false);
    }

    private static Connection start(Path folder) throws IOException {
        Path pgData = folder.resolve("pg");
        Files.deleteIfExists(folder.resolve("db.port"));
        clearLeftovers(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        String logDirectory = System.getProperty("zlv.db.log-dir");
        if (logDirectory != null) {
            // diagnostics (e.g. the plans -Dzlv.import.explain=true logs): the server's own log files
            builder.setServerConfig("logging_collector", "on").setServerConfig("log_directory", logDirectory);
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // a new data folder compares text by code point inside PostgreSQL (memcmp, abbreviated keys)
                // and lower-cases with its own Unicode tables, whatever the machine's locale: the same order as
                // the C library's C.UTF-8, without a call into it per comparison (text indexes of a national
                // load build ~2.5x faster); ADR 0004, decision 12. Existing folders keep their locale.
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                // zonky's defaults are made for tests; the product's data must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                // a session's cache for its temporary tables, taken only as they grow: a LOVAC import stages the
                // file's rows in one (8 MB by default sent every page of a national file through the kernel)
                .setServerConfig("temp_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                // one server, no replica and no WAL archive: "minimal" lets a first national LOVAC load write its
                // tables and build their indexes without logging them (synced to disk at commit instead), which
                // halves what that load writes; see docs/adr/0004-lovac-bulk-load.md
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
        Files.writeString(folder.resolve("db.port"), Integer.toString(postgres.getPort()), StandardCharsets.US_ASCII);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(folder.resolve("db.port"));
            } catch (IOException ignored) {
                // the next start rewrites it
            }
        }, "zlv-db-port-cleanup"));
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
        return new Connection(postgres.getPort(), true);
    }

    /**
     * A run killed with SIGKILL leaves its postmaster running (pg_ctl detaches it) or a stale
     * postmaster.pid. We hold the folder's lock, so any postmaster on it is an orphan: stop it.
     */
    static void clearLeftovers(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedPostgresServer::isPostgres);
        if (process.isPresent()) {
            log.warn("Stopping the PostgreSQL server (pid {}) left running by a previous run", pid);
            signal(pid, "INT"); // fast shutdown: rolls back open transactions, writes a checkpoint
            if (!waitForExit(process.get(), Duration.ofSeconds(60))) {
                process.get().destroyForcibly();
                waitForExit(process.get(), Duration.ofSeconds(10));
            }
        } else {
            log.warn("Removing the stale postmaster.pid of a previous run (pid {} is gone)", pid);
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle handle) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return cmdline.contains("postgres");
        } catch (IOException e) {
            return handle.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        return !process.isAlive();
    }

    private static Optional<FileLock> tryLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(lock); // kept for the life of the JVM, released by the OS on exit
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
