package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the list of runs says when a process stops during or after an import: a run succeeds with its data's
 * commit (the indexes of a big load are built after it), and a run left "running" by a stopped server shows as
 * interrupted from the next start. Commune 24322 and millésime 2070 belong to this class only.
 */
@IntegrationTest
class ImportRunOutcomeIntegrationTests {

    @Autowired
    LovacImportManagement imports;

    @Autowired
    InterruptedRunsStartupTask interruptedRuns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    private String statusOf(long runId) {
        return jdbc.sql("select status from import_run where id = ?").param(runId).query(String.class).single();
    }

    @Test
    void aRunHasSucceededAsSoonAsItsDataIsCommittedWhileTheIndexesAreStillBeingBuilt() throws Exception {
        new LovacCsv(2070).row("24322", "3220000001").row("24322", "3220000002").write(dir, "lovac-2070.csv");
        // told from the index builders' threads
        var seenWhileIndexing = new AtomicReference<Map<String, Object>>();
        // a big load (indexes dropped, built again after the commit), whatever the sizes
        System.setProperty("zlv.import.indexes", "rebuild");
        try {
            Roles.asSystem(() -> imports.importFile(dir.resolve("lovac-2070.csv"), 2070, false, progress -> {
                if (progress.phase().startsWith("construction des index") && seenWhileIndexing.get() == null) {
                    // another connection: what a page (or the next start, after a crash here) reads
                    seenWhileIndexing.compareAndSet(null, jdbc.sql("""
                            select status, report ->> 'housingsCreated' as created from import_run
                             where file_name = 'lovac-2070.csv' order by id desc limit 1""").query().singleRow());
                }
            }));
        } finally {
            System.clearProperty("zlv.import.indexes");
        }
        assertThat(seenWhileIndexing.get()).satisfies(run -> {
            assertThat(run.get("status")).isEqualTo("succeeded");
            assertThat(run.get("created")).isEqualTo("2");
        });
        assertThat(jdbc.sql("select status from import_run where file_name = 'lovac-2070.csv' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("succeeded");
    }

    @Test
    void aRunLeftRunningByAStoppedServerIsMarkedInterruptedAtTheNextStartUnlessAnImportHoldsTheLock() throws Exception {
        long left = jdbc.sql("""
                insert into import_run (started_by, file_name, file_size, millesime, all_durations, status)
                values ('system', 'arrêté.csv', 10, 2070, false, 'running') returning id""").query(Long.class).single();
        // another process's import at work holds the lock: its run must stay as it is
        try (var otherImport = new ImportLockHolder(dataSource)) {
            interruptedRuns.run();
            assertThat(statusOf(left)).isEqualTo("running");
        }

        interruptedRuns.run();
        assertThat(statusOf(left)).isEqualTo("failed");
        assertThat(jdbc.sql("select message from import_run where id = ?").param(left).query(String.class).single())
                .isEqualTo("Import interrompu (arrêt du serveur) : rien n'a été importé.");
    }
}
