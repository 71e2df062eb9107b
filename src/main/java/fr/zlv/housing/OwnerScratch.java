package fr.zlv.housing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The second connection of a bulk load, outside the import's transaction. It receives the owner rows (a COPY
 * into an unlogged scratch table of schema {@code lovac_scratch}, committed at once: scratch data, never read by
 * the product) and, on a first load, works out the distinct owners with their ids, their links and each
 * dwelling's copies of them, into scratch tables, while the import's transaction writes the buildings, then
 * owners, links and dwellings from them: the merge keeps both cores busy instead of one. Nothing the product
 * reads is written here, so an import stays all or nothing. The scratch tables are dropped once the import's
 * transaction has ended ({@link #dropAll}); a crash leaves them to the next import, which recreates them.
 */
final class OwnerScratch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnerScratch.class);

    static final String DISTINCT = "lovac_scratch.owner_distinct";
    static final String LINK = "lovac_scratch.link";
    static final String COPIES = "lovac_scratch.copies";
    private static final String DUPLICATE = "lovac_scratch.duplicate";
    private static final String ALL = String.join(", ", OwnerStage.TABLE, DUPLICATE, DISTINCT, LINK, COPIES);

    private final Connection connection;
    private final JdbcClient jdbc;
    private final CompletableFuture<Void> owners = new CompletableFuture<>();
    private final CompletableFuture<Void> links = new CompletableFuture<>();
    private final CompletableFuture<long[]> copies = new CompletableFuture<>();
    private Thread worker;
    private volatile boolean stopping;

    private OwnerScratch(Connection connection) {
        this.connection = connection;
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** A connection of its own, with an empty owner-row table. */
    static OwnerScratch open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            var scratch = new OwnerScratch(connection);
            scratch.jdbc.sql("drop table if exists " + ALL).update();
            scratch.jdbc.sql(OwnerStage.create()).update();
            return scratch;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Drops the scratch tables; call it once the import's transaction has ended (it reads them until then). */
    static void dropAll(JdbcClient jdbc) {
        jdbc.sql("drop table if exists " + ALL).update();
    }

    CopyIn copyOwners() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(OwnerStage.copy());
    }

    /**
     * Starts working out a first load's owners, links and copies, leaving out the duplicate lines.
     *
     * @param ownerIds the owner table's id sequence, quoted for a literal
     * @param idBase   the first load's dwelling ids are this plus their line number
     */
    void startFirstLoad(List<Long> duplicateLines, String ownerIds, long idBase, BulkSteps steps) {
        worker = Thread.ofPlatform().name("lovac-owners").daemon().start(() -> {
            try {
                workOutFirstLoad(duplicateLines, ownerIds, idBase, steps);
            } catch (Throwable e) {
                owners.completeExceptionally(e);
                links.completeExceptionally(e);
                copies.completeExceptionally(e);
            }
        });
    }

    private void workOutFirstLoad(List<Long> duplicateLines, String ownerIds, long idBase, BulkSteps steps) {
        BulkSteps.explainIfAsked(jdbc, false);
        jdbc.sql("set work_mem = '256MB'").update();
        // the import's transaction waits for this work: a lock it holds would hang both, so give up instead
        jdbc.sql("set lock_timeout = '30s'").update();
        steps.run("scratch duplicates", jdbc.sql("create unlogged table " + DUPLICATE
                        + " as select cast(unnest(string_to_array(:lines, ',')) as bigint) as line_no")
                .param("lines", duplicateLines.stream().map(String::valueOf).collect(Collectors.joining(","))));
        String notDuplicate = " not exists (select 1 from " + DUPLICATE + " k where k.line_no = lo.line_no)";
        steps.run("scratch owners", jdbc.sql("create unlogged table " + DISTINCT + " as select nextval('"
                + ownerIds + "'::regclass) as id, x.*, " + SearchKeys.ownerKeys("x") + " from ("
                + OwnerBulkSql.distinctOwners(OwnerStage.TABLE + " lo where" + notDuplicate) + ") x"));
        steps.run("scratch owners analyze", jdbc.sql("analyze " + DISTINCT));
        owners.complete(null);
        checkNotStopping();
        steps.run("scratch links", jdbc.sql("create unlogged table " + LINK + " as select " + idBase
                + " + lo.line_no as housing_id, o.id as owner_id, "
                + OwnerBulkSql.LINK_VALUES + ", o.full_name, o.kind_code, o.birth_date, o.dwellings > 1 as multi_owner, "
                + OwnerBulkSql.OWNER_KEYS + " as keys from " + OwnerStage.TABLE + " lo join " + DISTINCT
                + " o on o.key = lo.key " + OwnerBulkSql.LOCATION_JOINS + " where" + notDuplicate));
        steps.run("scratch links analyze", jdbc.sql("analyze " + LINK));
        links.complete(null);
        checkNotStopping();
        steps.run("scratch copies", jdbc.sql("create unlogged table " + COPIES + " as "
                + OwnerBulkSql.copiesOf("housing_id", "select * from " + LINK + " where rank >= 1")));
        steps.run("scratch copies analyze", jdbc.sql("analyze " + COPIES));
        checkNotStopping();
        copies.complete(jdbc.sql("select count(distinct owner_id), count(*) from " + LINK + " where rank >= 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single());
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new IllegalStateException("import arrêté");
        }
    }

    void awaitOwners() {
        await(owners);
    }

    void awaitLinks() {
        await(links);
    }

    /** Whether the links are worked out (or their work failed: {@link #awaitLinks} then says why). */
    boolean linksReady() {
        return links.isDone();
    }

    /** Once the copies are ready: distinct owners and links of the file's dwellings, for the report. */
    long[] awaitCopies() {
        return await(copies);
    }

    private static <T> T await(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Calcul des propriétaires interrompu : " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Stops a first load's work (the load turned out not to be one); its scratch tables are left unused. */
    void abandon() {
        try {
            stop();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrompu", e);
        }
    }

    private void stop() throws SQLException, InterruptedException {
        stopping = true;
        if (worker != null && worker.isAlive()) {
            connection.unwrap(PGConnection.class).cancelQuery();
            worker.join();
        }
    }

    /** Stops any work still in progress (the import failed) and gives the connection back. */
    @Override
    public void close() {
        try {
            stop();
            jdbc.sql("reset all").update();
        } catch (SQLException | RuntimeException e) {
            log.warn("Scratch connection of the import left as is: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Scratch connection not closed: {}", e.getMessage());
            }
        }
    }
}
