package fr.zlv.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the indexes a big load left for after its commit ({@code bulk_pending_index}, see {@link BulkIndexes}),
 * two at a time on two connections: the two trigram search indexes (V36), the longest, first, one on each,
 * then the others as each connection is free. Each build is one transaction with its pending row, locked
 * (another builder skips it) and deleted with the build: a crash leaves the row for the next start. A plain
 * {@code create index} blocks writes to its table while it runs, not reads.
 */
@Component
class PendingIndexes {

    private static final Logger log = LoggerFactory.getLogger(PendingIndexes.class);
    private static final int BUILDERS = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PendingIndexes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Builds every pending index; one that fails stays pending (logged) for the next start or import.
     *
     * @param phases told "N sur M" as the N-th of the M pending indexes starts (from the builders' threads)
     */
    int buildAll(Consumer<String> phases) {
        List<String> names = jdbc.sql("""
                select name from bulk_pending_index
                 order by statement like '%gin_trgm_ops%' desc, statement like '% USING gin %' desc, name""")
                .query(String.class).list();
        if (names.isEmpty()) {
            return 0;
        }
        var queue = new ConcurrentLinkedQueue<>(names);
        var built = new AtomicInteger();
        var started = new AtomicInteger();
        Runnable starting = () -> phases.accept(started.incrementAndGet() + " sur " + names.size());
        try (var builders = Executors.newFixedThreadPool(BUILDERS, Thread.ofPlatform().name("index-build-", 1).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < BUILDERS; i++) {
                running.add(builders.submit(() -> {
                    for (String name = queue.poll(); name != null; name = queue.poll()) {
                        if (build(name, starting)) {
                            built.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> builder : running) {
                builder.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Construction des index interrompue : ils seront construits au prochain démarrage");
        } catch (ExecutionException e) {
            log.warn("Construction des index interrompue : {}", e.getCause().getMessage());
        }
        return built.get();
    }

    private boolean build(String name, Runnable starting) {
        long start = System.nanoTime();
        try {
            Boolean done = transaction.execute(status -> {
                Optional<String> statement = jdbc.sql("""
                        select statement from bulk_pending_index where name = :name for update skip locked""")
                        .param("name", name).query(String.class).optional();
                if (statement.isEmpty()) {
                    return false; // built meanwhile, or being built by another builder
                }
                // a GIN index accumulates its entries in memory: 2 GB made the national search index ~25 % faster
                // to build than 512 MB (memory is only taken as the data needs it)
                String memory = statement.get().contains(" USING gin ") ? "2GB" : "512MB";
                jdbc.sql("set local maintenance_work_mem = '" + memory + "'").update();
                // one core per builder: parallel workers of a B-tree build would slow the search index's build,
                // which PostgreSQL 17 cannot share between cores and which is the longest
                jdbc.sql("set local max_parallel_maintenance_workers = 0").update();
                // a build waits for the writers of its table to finish, however long
                jdbc.sql("set local lock_timeout = 0").update();
                starting.run();
                jdbc.sql(statement.get().replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")).update();
                jdbc.sql("delete from bulk_pending_index where name = :name").param("name", name).update();
                return true;
            });
            log.info("Index {} built in {} ms", name, (System.nanoTime() - start) / 1_000_000);
            return Boolean.TRUE.equals(done);
        } catch (RuntimeException e) {
            log.warn("Index {} not built ({}): it will be at the next start", name, e.getMessage());
            return false;
        }
    }
}
