package fr.zlv.groups;

import fr.zlv.groups.ExportColumns.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams an export statement's rows, already turned into cell values, to the caller while a second
 * thread reads the next ones: PostgreSQL computing and sending rows, the driver decoding them and the
 * columns' mapping overlap the writing of the file instead of taking turns with it (for 100,000 dwellings
 * the statement and the writing each take a few seconds of one core). At most {@link #BATCHES_AHEAD}
 * batches of {@link #BATCH} rows wait in memory, whatever the size of the export. The reading thread uses
 * the caller's connection (that of its read-only transaction, where a fetch size makes PostgreSQL stream
 * through a cursor); the caller does not touch it until {@link #forEach} returns.
 */
final class PrefetchedRows {

    static final int BATCH = 500;
    static final int BATCHES_AHEAD = 4;
    private static final int FETCH_SIZE = 2_000;
    private static final List<Object[]> END = List.of();

    interface RowWriter {
        /** One row's cell values, in the columns' order. */
        void write(Object[] values) throws Exception;
    }

    private PrefetchedRows() {
    }

    /**
     * Runs the statement with these parameters ({@code String[]} as a text array) and hands each row's
     * values to the writer, in the statement's order. A failure of either side stops both and is thrown.
     */
    static void forEach(Connection connection, String sql, Object[] params, List<Column> columns, RowWriter writer)
            throws Exception {
        BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        AtomicBoolean stop = new AtomicBoolean();
        FutureTask<Void> reading = new FutureTask<>(() -> {
            read(connection, sql, params, columns, queue, stop);
            return null;
        });
        Thread.ofVirtual().name("export-rows").start(reading);
        try {
            while (true) {
                List<Object[]> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (reading.isDone()) {
                        reading.get(); // the reading failed without handing over its end: throw its failure
                        batch = queue.poll();
                        if (batch == null) {
                            throw new IllegalStateException("export rows ended without their end marker");
                        }
                    } else {
                        continue;
                    }
                }
                if (batch == END) {
                    break;
                }
                for (Object[] values : batch) {
                    writer.write(values);
                }
            }
            reading.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            stop.set(true);
            queue.clear();
            try {
                reading.get(); // the connection goes back to the transaction only once the reader has let it go
            } catch (ExecutionException | RuntimeException ignored) {
                // already thrown above, or the writer's failure is the one to report
            }
        }
    }

    private static void read(Connection connection, String sql, Object[] params, List<Column> columns,
                             BlockingQueue<List<Object[]>> queue, AtomicBoolean stop) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                statement.setObject(i + 1, param instanceof String[] texts ? connection.createArrayOf("text", texts) : param);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Object[]> batch = new ArrayList<>(BATCH);
                while (!stop.get() && rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int c = 0; c < values.length; c++) {
                        values[c] = columns.get(c).value().read(rs);
                    }
                    batch.add(values);
                    if (batch.size() == BATCH) {
                        hand(queue, batch, stop);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    hand(queue, batch, stop);
                }
                hand(queue, END, stop);
            }
        } catch (SQLException e) {
            if (!stop.get()) {
                throw e;
            }
        }
    }

    /** Waits for room in the queue, unless the writer has stopped (then the rows are dropped). */
    private static void hand(BlockingQueue<List<Object[]>> queue, List<Object[]> batch, AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
