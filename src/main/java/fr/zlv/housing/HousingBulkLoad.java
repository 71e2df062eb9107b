package fr.zlv.housing;

import fr.zlv.shared.security.AdminOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of dwellings and owners from a yearly source file (LOVAC): rows are streamed with COPY
 * into a staging table, then merged with a handful of set-based statements. Runs inside the
 * caller's transaction so that an import is all or nothing.
 */
@Service
public class HousingBulkLoad {

    /** Receives the rows to load, one at a time. */
    public interface Sink {
        void accept(BulkHousing row) throws IOException;
    }

    /** Streams the rows of a file into the sink. */
    public interface Producer {
        void produce(Sink sink) throws Exception;
    }

    private static final int BUFFER = 1 << 16;
    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Changes whenever the encoding of a row changes, so that old hashes never match new rows. */
    /**
     * The hashed bytes are those of session 4's staging line (the dwelling's values, then six owner slots of
     * {@link OwnerStage#FIELD_COUNT} fields, empty slots as nulls, tab separated): rows imported before owners
     * had their own stream keep their hashes, so re-importing a file after an upgrade still writes nothing.
     */
    private static final byte[] HASH_VERSION = "lovac-row-v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAB = {'\t'};
    private static final byte[] EMPTY_SLOT = "\t\\N".repeat(OwnerStage.FIELD_COUNT).getBytes(StandardCharsets.US_ASCII);

    private final DataSource dataSource;
    private final HousingBulkSql sql;
    private final PendingIndexes pendingIndexes;

    HousingBulkLoad(DataSource dataSource, HousingBulkSql sql, PendingIndexes pendingIndexes) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.pendingIndexes = pendingIndexes;
    }

    /**
     * Loads the rows of a LOVAC millésime.
     *
     * @param millesime      the file's year; its source label is {@code lovac-YYYY}
     * @param coveredCommunes the communes the file covers: dwellings of the previous millésime absent from the
     *                        file leave vacancy only there, and only if no newer millésime covered them
     * @param phases         told the name of each merge step as it starts
     * @param derived        run once every dwelling is written, in the same transaction, before a big load's
     *                       indexes are rebuilt: for data derived from the dwellings (scores, perimeters). Told
     *                       {@code true} when the file only created dwellings (with their {@link BulkLoadColumn}
     *                       values) and changed no existing dwelling, owner or link
     */
    @AdminOnly
    @Transactional(propagation = Propagation.MANDATORY)
    public BulkLoadResult loadLovac(int millesime, Producer producer,
                                    java.util.function.Supplier<List<String>> coveredCommunes,
                                    Consumer<String> phases, Consumer<Boolean> derived) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        sql.createStaging();
        try (OwnerScratch scratch = OwnerScratch.open(dataSource)) {
            CopyIn dwellings = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(HousingBulkSql.COPY_STAGING);
            CopyIn owners = null;
            long staged;
            try {
                owners = scratch.copyOwners();
                staged = stream(new RowSender(dwellings, owners), producer);
            } catch (Exception | Error e) {
                cancel(dwellings);
                cancel(owners);
                throw e;
            }
            return sql.merge(millesime, "lovac-" + millesime, coveredCommunes.get(), staged, scratch, phases, derived);
        }
    }

    private static void cancel(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway, and the scratch rows are dropped
            }
        }
    }

    /**
     * Drops what a load left on its scratch connection. Call it once the import's transaction has ended (committed
     * or not): the transaction reads the scratch tables until then.
     */
    @AdminOnly
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void dropScratch() {
        OwnerScratch.dropAll(JdbcClient.create(dataSource));
    }

    /**
     * Builds the indexes a big load left for after its commit, two at a time. Call it once the import's
     * transaction has committed; an index that could not be built is built at the next start.
     *
     * @param phases told "N sur M" as the N-th of the M pending indexes starts (from the builders' threads)
     * @return how many indexes were built
     */
    @AdminOnly
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int buildPendingIndexes(Consumer<String> phases) {
        return pendingIndexes.buildAll(phases);
    }

    /**
     * Parsing (the caller's thread, in the producer) and encoding, hashing and sending (a second thread) overlap:
     * each alone kept one core busy for about half of the reading time of a national file.
     */
    private long stream(RowSender sender, Producer producer) throws Exception {
        var queue = new ArrayBlockingQueue<List<BulkHousing>>(QUEUED_BATCHES);
        var failure = new AtomicReference<Throwable>();
        Thread worker = Thread.ofPlatform().name("lovac-copy").daemon().start(() -> {
            try {
                for (List<BulkHousing> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
                    for (BulkHousing row : batch) {
                        sender.send(row);
                    }
                }
                sender.flush();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        long[] count = {0};
        List<List<BulkHousing>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            producer.produce(row -> {
                batch.getFirst().add(row);
                count[0]++;
                if (batch.getFirst().size() == BATCH) {
                    hand(queue, batch.getFirst(), failure);
                    batch.set(0, new ArrayList<>(BATCH));
                }
            });
            if (!batch.getFirst().isEmpty()) {
                hand(queue, batch.getFirst(), failure);
            }
            hand(queue, List.of(), failure);
            worker.join();
        } catch (Exception | Error e) {
            worker.interrupt();
            worker.join();
            throw e;
        }
        if (failure.get() != null) {
            throw new IOException("Envoi des lignes à la base interrompu : " + failure.get().getMessage(), failure.get());
        }
        sender.end();
        return count[0];
    }

    private static void hand(BlockingQueue<List<BulkHousing>> queue, List<BulkHousing> batch,
                             AtomicReference<Throwable> failure) throws IOException {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new IOException("Envoi des lignes à la base interrompu : " + failure.get().getMessage(),
                            failure.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Import interrompu", e);
        }
    }

    /**
     * Encodes a row as a COPY text line of the dwelling with the hash of its values, and one line per owner for the
     * scratch connection; sends them in 64 kB writes.
     */
    private static final class RowSender {
        private final Lines dwellings;
        private final Lines owners;
        private final CopyRowEncoder encoder = new CopyRowEncoder();
        private final MessageDigest md5;

        RowSender(CopyIn dwellings, CopyIn owners) throws NoSuchAlgorithmException {
            this.dwellings = new Lines(dwellings);
            this.owners = new Lines(owners);
            this.md5 = MessageDigest.getInstance("MD5");
        }

        void send(BulkHousing row) throws SQLException {
            OwnerStage.checkCount(row.owners());
            byte[] lineNumber = Long.toString(row.lineNumber()).getBytes(StandardCharsets.US_ASCII);
            // the row hash covers every loaded value (owners included) but not the line number: the same
            // dwelling with the same values hashes the same in any file, so a re-run can skip it
            md5.update(HASH_VERSION);
            encode(row, encoder);
            byte[] fields = encoder.bytes();
            md5.update(fields);
            if (!row.owners().isEmpty()) {
                OwnerStage.encodeDwelling(row, encoder);
                byte[] dwelling = encoder.bytes();
                String streetKey = OwnerPlace.streetKey(row.addressLines());
                for (BulkOwner owner : row.owners()) {
                    OwnerStage.encodeOwner(owner, streetKey, encoder);
                    byte[] ownerFields = encoder.bytes();
                    md5.update(TAB);
                    md5.update(ownerFields);
                    owners.add(lineNumber, dwelling, ownerFields);
                }
            }
            for (int slot = row.owners().size(); slot < OwnerStage.MAX_OWNERS; slot++) {
                md5.update(EMPTY_SLOT);
            }
            byte[] hash = md5.digest();
            byte[] hex = new byte[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
                hex[2 * i + 1] = HEX[hash[i] & 0xF];
            }
            dwellings.add(lineNumber, fields, hex);
        }

        void flush() throws SQLException {
            dwellings.flush();
            owners.flush();
        }

        void end() throws SQLException {
            dwellings.copy.endCopy();
            owners.copy.endCopy();
        }
    }

    /** COPY text lines of one stream, buffered. */
    private static final class Lines {
        private final CopyIn copy;
        private final byte[] buffer = new byte[BUFFER];
        private int used;

        Lines(CopyIn copy) {
            this.copy = copy;
        }

        /** One line: the fields given, tab separated. */
        void add(byte[]... fields) throws SQLException {
            int n = fields.length;
            for (byte[] field : fields) {
                n += field.length;
            }
            if (used + n > buffer.length) {
                flush();
            }
            byte[] target = n > buffer.length ? new byte[n] : buffer;
            int at = target == buffer ? used : 0;
            for (int i = 0; i < fields.length; i++) {
                System.arraycopy(fields[i], 0, target, at, fields[i].length);
                at += fields[i].length;
                target[at++] = (byte) (i == fields.length - 1 ? '\n' : '\t');
            }
            if (target == buffer) {
                used = at;
            } else {
                copy.writeToCopy(target, 0, n);
            }
        }

        void flush() throws SQLException {
            if (used > 0) {
                copy.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }
    }

    private static void encode(BulkHousing h, CopyRowEncoder e) {
        e.reset();
        e.text(h.localId());
        e.text(h.invariant());
        e.text(h.geoCode());
        e.text(h.communeCode());
        e.text(h.departement());
        e.text(h.plotId());
        e.text(h.cadastralReference());
        e.text(h.buildingId());
        e.text(h.buildingLocation());
        e.array(h.addressLines());
        e.number(h.longitude());
        e.number(h.latitude());
        e.text(h.geolocationSource());
        e.text(h.kind());
        e.number(h.rooms());
        e.number(h.livingArea());
        e.number(h.buildingYear());
        e.number(h.plotArea());
        e.number(h.cadastralClassification());
        e.bool(h.uncomfortable());
        e.text(h.condominium());
        e.bool(h.taxed());
        e.number(h.rentalValue());
        e.number(h.vacancyStartYear());
        e.text(h.mutationType());
        e.date(h.mutationDate());
        e.number(h.mutationValue());
        e.number(h.beneficiaryCount());
    }
}
