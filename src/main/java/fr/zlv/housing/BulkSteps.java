package fr.zlv.housing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs the statements of a bulk merge and logs how long each took, to find the next bottleneck from the log. */
final class BulkSteps {

    private static final Logger log = LoggerFactory.getLogger(BulkSteps.class);

    private final int millesime;
    private final long start = System.nanoTime();

    BulkSteps(int millesime) {
        this.millesime = millesime;
    }

    long run(String name, JdbcClient.StatementSpec statement) {
        long t = System.nanoTime();
        long rows = statement.update();
        log(name, rows, t);
        return rows;
    }

    void log(String name, long rows, long startNanos) {
        log.info("LOVAC {} merge step {}: {} rows in {} ms", millesime, name, rows,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    long totalMs() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * With {@code -Dzlv.import.explain=true}, the plans of a connection's slow statements go to the database's
     * log (see {@code zlv.db.log-dir}): the diagnostics behind docs/benchmarks.md.
     *
     * @param inTransaction for this transaction only, else for the session (reset when it is given back)
     */
    static void explainIfAsked(JdbcClient jdbc, boolean inTransaction) {
        if (Boolean.getBoolean("zlv.import.explain")) {
            String set = inTransaction ? "set local " : "set ";
            jdbc.sql("load 'auto_explain'").update();
            jdbc.sql(set + "auto_explain.log_min_duration = '300ms'").update();
            jdbc.sql(set + "auto_explain.log_analyze = on").update();
        }
    }

    static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(alias).append('.').append(c.strip());
        }
        return out.toString();
    }
}
