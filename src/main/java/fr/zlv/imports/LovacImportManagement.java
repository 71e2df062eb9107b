package fr.zlv.imports;

import fr.zlv.housing.BulkHousing;
import fr.zlv.housing.BulkLoadResult;
import fr.zlv.housing.HousingBulkLoad;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a LOVAC file: streaming read, selection, one COPY into staging and a set-based merge, all
 * in one transaction (a crash leaves the database as it was). One import at a time, in this
 * process and across instances (PostgreSQL advisory lock).
 */
@Service
public class LovacImportManagement {

    private static final Logger log = LoggerFactory.getLogger(LovacImportManagement.class);
    static final long LOCK_KEY = 0x5A4C56_4C4F5641L; // "ZLV" "LOVA"
    private static final int PROGRESS_EVERY = 20_000;

    private final HousingBulkLoad bulkLoad;
    private final ImportRunRepository runs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final Path importsDir;
    /** One import at a time in this process; a semaphore because a background import releases it from another thread. */
    private final Semaphore lock = new Semaphore(1);
    private final Map<Long, ImportProgress> progress = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    LovacImportManagement(HousingBulkLoad bulkLoad, ImportRunRepository runs, JdbcClient jdbc,
                          PlatformTransactionManager transactionManager, ZlvProperties properties,
                          ApplicationEventPublisher events) {
        this.events = events;
        this.bulkLoad = bulkLoad;
        this.runs = runs;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.importsDir = properties.dataDir().resolve("imports");
    }

    /** The folder uploads and rejects files go to (under the data folder). */
    @AdminOnly
    public Path importsFolder() {
        return importsDir;
    }

    /**
     * Imports a LOVAC file and records the run.
     *
     * @param all      import every vacancy duration, not only the 2+ years private stock
     * @param listener told the progress (may be {@link ImportProgressListener#NONE})
     * @throws LovacRefusedException when the file is refused (missing columns, other millésime,
     *                               another import running): nothing is changed
     */
    @AdminOnly
    public ImportReport importFile(Path file, int millesime, boolean all, ImportProgressListener listener) {
        return importFile(file, file.getFileName().toString(), millesime, all, listener);
    }

    /** As {@link #importFile(Path, int, boolean, ImportProgressListener)}, with the name the user gave the file. */
    @AdminOnly
    public ImportReport importFile(Path file, String fileName, int millesime, boolean all, ImportProgressListener listener) {
        checkMillesime(millesime);
        if (!lock.tryAcquire()) {
            throw busy();
        }
        try {
            long runId = runs.start(startedBy(), fileName, size(file), millesime, all);
            return run(runId, file, millesime, all, listener);
        } finally {
            lock.release();
        }
    }

    /**
     * Whether an import of this millésime could start now: checked by the page before it sends a file of several GB,
     * so that the user is not told after the upload. The import checks again when it starts.
     *
     * @throws LovacRefusedException when the millésime is out of range or an import is running (here, or from the
     *                               command line in another process, until its commit)
     */
    @AdminOnly
    public void checkCanStart(int millesime) {
        checkMillesime(millesime);
        // this process's import, or another's holding the database's lock (a run left "running" by a stopped
        // process holds nothing, and must not block imports)
        if (lock.availablePermits() == 0 || !Boolean.TRUE.equals(transaction.execute(status -> tryDatabaseLock()))) {
            throw busy();
        }
    }

    /**
     * Starts an import in the background (the admin page polls {@link #progress(long)} and {@link #run(long)}).
     *
     * @param file the page's copy of the uploaded file: deleted when the import ends, whatever its outcome (a
     *             national file takes GBs); left to the caller when this method throws
     * @return the id of the run
     * @throws LovacRefusedException when another import is running
     */
    @AdminOnly
    public long startImport(Path file, String fileName, int millesime, boolean all) {
        checkMillesime(millesime);
        if (!lock.tryAcquire()) {
            throw busy();
        }
        long runId;
        try {
            runId = runs.start(startedBy(), fileName, size(file), millesime, all);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
        progress.put(runId, new ImportProgress("en attente", 0, 0, 0));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Thread.ofVirtual().name("lovac-import-" + runId).start(() -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(caller == null ? Roles.systemAuthentication() : caller);
            SecurityContextHolder.setContext(context);
            try {
                run(runId, file, millesime, all, p -> progress.put(runId, p));
            } catch (RuntimeException e) {
                log.warn("Import run {} ended without importing: {}", runId, e.getMessage());
            } finally {
                SecurityContextHolder.clearContext();
                deleteQuietly(file);
                progress.remove(runId);
                lock.release();
            }
        });
        return runId;
    }


    /** The progress of a running import; empty when it is not running (any more). */
    @AdminOnly
    public Optional<ImportProgress> progress(long runId) {
        return Optional.ofNullable(progress.get(runId));
    }

    @AdminOnly
    public List<ImportRunView> runs(int limit) {
        return runs.list(Math.clamp(limit, 1, 500));
    }

    @AdminOnly
    public Optional<ImportRunView> run(long runId) {
        return runs.find(runId);
    }

    /** The CSV of the rejected lines of a run, when it has one. */
    @AdminOnly
    public Optional<Path> rejectsFile(long runId) {
        return runs.rejectsPath(runId).map(Path::of).filter(Files::isRegularFile);
    }

    private ImportReport run(long runId, Path file, int millesime, boolean all, ImportProgressListener listener) {
        long start = System.nanoTime();
        Path rejectsPath = importsDir.resolve("rejects").resolve("import-" + runId + "-rejets.csv");
        Set<String> covered = new HashSet<>();
        boolean[] locked = {false};
        ImportReport loaded;
        try {
            try {
                loaded = transaction.execute(status -> {
                    // the import waits for the locks it needs, however long readers hold them
                    jdbc.sql("set local lock_timeout = 0").update();
                    locked[0] = tryDatabaseLock();
                    if (!locked[0]) {
                        throw busy();
                    }
                    separate.executeWithoutResult(s -> runs.markInterrupted(runId));
                    ImportReport imported;
                    try {
                        imported = load(file, millesime, all, listener, rejectsPath, start, covered);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    // the run succeeds with its data's commit: were the process to stop while the indexes are built
                    // after it, the run must not be left "running" and later taken for an import that wrote nothing
                    succeeded(runId, imported.withDurationMs(elapsed(start)), rejectsPath);
                    return imported;
                });
            } finally {
                // only the import holding the lock owns the scratch tables (a refused one must not drop them)
                if (locked[0]) {
                    dropScratch();
                }
            }
        } catch (LovacRefusedException e) {
            deleteQuietly(rejectsPath);
            runs.finish(runId, "refused", e.getMessage(), null, elapsed(start), null);
            throw e;
        } catch (RuntimeException e) {
            deleteQuietly(rejectsPath);
            log.error("LOVAC import run {} failed", runId, e);
            runs.finish(runId, "failed", "L'import a échoué : rien n'a été importé (" + rootMessage(e) + ").", null,
                    elapsed(start), null);
            throw e;
        }
        // a big load's indexes, built once its data is committed: pages can read meanwhile (one left unbuilt is
        // built at the next start); the report's duration then counts them
        bulkLoad.buildPendingIndexes(phase -> listener.onProgress(new ImportProgress(
                "construction des index de recherche : " + phase, loaded.rowsRead(),
                rate(loaded.rowsRead(), start), 100)));
        ImportReport report = loaded.withDurationMs(elapsed(start));
        succeeded(runId, report, rejectsPath);
        return report;
    }

    private void succeeded(long runId, ImportReport report, Path rejectsPath) {
        runs.finish(runId, "succeeded", null, report.toJson(), report.durationMs(),
                Files.isRegularFile(rejectsPath) ? rejectsPath.toString() : null);
    }

    /**
     * Marks the runs a stopped process left "running" as interrupted, unless an import holds the lock (another
     * process's, still at work). Called at start-up: such a run wrote nothing, since a run succeeds with its commit.
     */
    void markInterruptedRuns() {
        transaction.executeWithoutResult(status -> {
            if (tryDatabaseLock()) {
                runs.markInterrupted(0); // no run of ours is current
            }
        });
    }

    /** Takes the import lock of every process on this database until the current transaction ends, if free. */
    private boolean tryDatabaseLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Boolean.class).single();
    }

    private void dropScratch() {
        try {
            bulkLoad.dropScratch();
        } catch (RuntimeException e) {
            log.warn("Scratch tables of the import not dropped (the next import drops them): {}", e.getMessage());
        }
    }

    private ImportReport load(Path file, int millesime, boolean all, ImportProgressListener listener,
                              Path rejectsPath, long start, Set<String> covered) throws Exception {
        CommuneDirectory communes = runs.communes();
        if (communes.isEmpty()) {
            throw new LovacRefusedException("Le référentiel des communes n'est pas chargé : démarrez le serveur une fois "
                    + "ou lancez « reference load » avant d'importer.");
        }
        LovacFileFormat format = LovacFileFormat.detect(file);
        long fileSize = size(file);
        AtomicLong bytes = new AtomicLong();
        long[] rowsRead = {0};
        long[] selected = {0};
        SortedMap<String, Long> skipped = new TreeMap<>();
        SortedMap<String, Long> rejected = new TreeMap<>();
        int[] invalidDates = {0};
        listener.onProgress(new ImportProgress("lecture du fichier", 0, 0, 0));
        BulkLoadResult result;
        try (CsvRecordReader reader = new CsvRecordReader(format.open(file, bytes), format.charset(), format.delimiter());
             RejectsWriter rejects = new RejectsWriter(rejectsPath)) {
            if (!reader.next()) {
                throw new LovacRefusedException("Le fichier est vide : aucune ligne d'en-tête.");
            }
            LovacHeader header = new LovacHeader(List.copyOf(reader.fields()));
            header.checkRequired();
            LovacRowParser parser = new LovacRowParser(header, millesime, all, communes);
            result = bulkLoad.loadLovac(millesime, sink -> {
                while (reader.next()) {
                    rowsRead[0]++;
                    long line = reader.recordLine();
                    BulkHousing housing = reader.unterminatedQuote() ? null : parser.parse(reader.fields(), line);
                    String reason = reader.unterminatedQuote() ? LovacRowParser.MALFORMED : parser.reason();
                    if (housing != null) {
                        selected[0]++;
                        covered.add(housing.communeCode());
                        sink.accept(housing);
                    } else if (LovacRowParser.isRejection(reason)) {
                        rejected.merge(reason, 1L, Long::sum);
                        rejects.write(line, reason, reader.rawRecord());
                    } else {
                        skipped.merge(reason, 1L, Long::sum);
                        String commune = parser.communeOf(reader.fields());
                        if (commune != null) {
                            covered.add(commune);
                        }
                    }
                    if (rowsRead[0] % PROGRESS_EVERY == 0) {
                        listener.onProgress(readingProgress(rowsRead[0], start, bytes.get(), fileSize));
                    }
                }
                invalidDates[0] = parser.invalidDates();
                listener.onProgress(readingProgress(rowsRead[0], start, bytes.get(), fileSize));
            }, () -> List.copyOf(covered), phase -> listener.onProgress(
                    new ImportProgress("fusion : " + phase, rowsRead[0], rate(rowsRead[0], start), 100)),
                    // scores and perimeters, in this transaction: all or nothing, and written while a big load's
                    // indexes are still dropped (after the commit, rewriting a national load costs minutes)
                    onlyCreated -> {
                        listener.onProgress(new ImportProgress("fusion : scores et périmètres", rowsRead[0],
                                rate(rowsRead[0], start), 100));
                        events.publishEvent(new LovacImported(millesime, covered, onlyCreated));
                    });
        }
        log.info("LOVAC {} ({}): {} rows read", millesime, format.describe(), rowsRead[0]);
        return new ImportReport(millesime, rowsRead[0], selected[0], skipped, rejected, result.duplicatesDropped(),
                result.housingsCreated(), result.housingsUpdated(), result.housingsUnchanged(),
                result.exitsFromVacancy(), result.owners(), result.ownerships(), invalidDates[0], elapsed(start));
    }

    private static ImportProgress readingProgress(long rows, long start, long bytes, long size) {
        int percent = size <= 0 ? 0 : (int) Math.min(99, bytes * 100 / size);
        return new ImportProgress("lecture du fichier", rows, rate(rows, start), percent);
    }

    private static long rate(long rows, long start) {
        long ms = Math.max(1, elapsed(start));
        return rows * 1000 / ms;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void checkMillesime(int millesime) {
        if (millesime < 2000 || millesime > 2100) {
            throw new LovacRefusedException("Millésime invalide : " + millesime + " (attendu : une année, par exemple 2025).");
        }
    }

    private static LovacRefusedException busy() {
        return new LovacRefusedException("Un import est déjà en cours : attendez qu'il se termine avant d'en lancer un autre.");
    }

    private static String startedBy() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || "system".equals(auth.getName())) {
            return "système";
        }
        return auth.getName();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LovacRefusedException("Fichier illisible : " + file.getFileName() + ".");
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("File {} not deleted: {}", path, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
