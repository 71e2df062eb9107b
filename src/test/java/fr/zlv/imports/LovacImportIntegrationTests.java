package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The LOVAC import on the real database: selection, duplicates, owners, millésimes, idempotence, atomicity. */
@IntegrationTest
class LovacImportIntegrationTests {

    @Autowired
    LovacImportManagement imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private ImportReport importFile(Path file, int millesime, boolean all) {
        return Roles.asSystem(() -> imports.importFile(file, millesime, all, ImportProgressListener.NONE));
    }

    private Map<String, Object> housing(String localId) {
        return jdbc.sql("select * from housing where local_id = :id").param("id", localId).query().singleRow();
    }

    @Test
    void selectionDuplicatesOwnersAndRejectsOfARealShapedFile() throws Exception {
        ImportReport report = importFile(LovacReaderTests.resource("selection-2025.csv"), 2025, false);

        assertThat(report.rowsRead()).isEqualTo(15);
        assertThat(report.rowsSelected()).isEqualTo(7);
        assertThat(report.rowsSkipped()).containsExactlyInAnyOrderEntriesOf(Map.of("vacancy-too-recent", 1L,
                "public-owner", 1L, "not-habitation", 1L, "not-a-dwelling", 1L, "local-id-missing", 1L,
                "vacancy-start-missing", 1L));
        assertThat(report.rowsRejected()).containsExactlyInAnyOrderEntriesOf(Map.of("malformed-line", 1L, "unknown-commune", 1L));
        assertThat(report.duplicatesDropped()).isEqualTo(2);
        assertThat(report.housingsCreated()).isEqualTo(5);
        assertThat(report.rowsRead()).isEqualTo(report.rowsSelected() + report.totalSkipped() + report.totalRejected());
        assertThat(report.rowsSelected() - report.duplicatesDropped())
                .isEqualTo(report.housingsCreated() + report.housingsUpdated() + report.housingsUnchanged());
        assertThat(report.invalidDates()).isEqualTo(1);
        assertThat(report.toJson()).startsWith("{\"millesime\":2025,\"rowsRead\":15,\"rowsSelected\":7,\"rowsSkipped\":{");

        // duplicates: the earliest vacancy start, then the first line
        assertThat(housing("330630000008")).containsEntry("vacancy_start_year", 2015)
                .containsEntry("living_area", new java.math.BigDecimal("80.00"));
        // a new dwelling is vacant and never contacted, with its source file and no event
        Map<String, Object> first = housing("330630000001");
        assertThat(first).containsEntry("occupancy", "V").containsEntry("status", 0)
                .containsEntry("geo_code", "33063").containsEntry("commune_code", "33063");
        assertThat(jdbc.sql("select data_file_years from housing where local_id = '330630000001'")
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly("lovac-2025");
        assertThat(jdbc.sql("select count(*) from event e join housing h on h.id = e.housing_id where h.local_id = '330630000001'")
                .query(Long.class).single()).isZero();
        // Paris: arrondissement kept, commune resolved
        assertThat(housing("751110000009")).containsEntry("geo_code", "75111").containsEntry("commune_code", "75056");
        // owners, ranks, rights, where they live
        List<Map<String, Object>> owners = jdbc.sql("""
                select o.full_name, w.rank, w.property_right, w.relative_location, o.kind_code
                  from ownership w join owner o on o.id = w.owner_id join housing h on h.id = w.housing_id
                 where h.local_id = '330630000001' order by w.rank""").query().listOfRows();
        assertThat(owners).extracting(r -> r.get("full_name") + "|" + r.get("rank") + "|" + r.get("property_right")
                        + "|" + r.get("relative_location") + "|" + r.get("kind_code"))
                .containsExactly("DUPONT JEAN|1|usufruitier|same-address|particulier",
                        "DUPONT MARIE|2|nu-proprietaire|other-region|particulier");
        // DUPONT JEAN owns several of these dwellings
        assertThat(jdbc.sql("select multi_owner from owner where owner_key = 'p:33:33AB1234'").query(Boolean.class).single()).isTrue();

        // the rejects file: physical line, reason, original line
        ImportRunView run = Roles.asSystem(() -> imports.runs(50)).stream().filter(r -> r.fileName().equals("selection-2025.csv")).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo("succeeded");
        String rejects = Roles.asSystem(() -> {
            try {
                return Files.readString(imports.rejectsFile(run.id()).orElseThrow());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(rejects).contains("ligne;motif;ligne_originale")
                .contains("15;malformed-line;\"33;2025;063;200054781;;TRONQUE\"")
                .contains("16;unknown-commune;");

        // re-running the same file changes nothing
        long events = jdbc.sql("select count(*) from event").query(Long.class).single();
        ImportReport again = importFile(LovacReaderTests.resource("selection-2025.csv"), 2025, false);
        assertThat(again.housingsCreated()).isZero();
        assertThat(again.housingsUpdated()).isZero();
        assertThat(again.housingsUnchanged()).isEqualTo(5);
        assertThat(again.exitsFromVacancy()).isZero();
        assertThat(again.owners()).isEqualTo(report.owners());
        assertThat(again.ownerships()).isEqualTo(report.ownerships());
        assertThat(jdbc.sql("select count(*) from event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void millesimesKeepUserWorkAndMoveDwellingsThatLeftTheFileOutOfVacancy() throws Exception {
        // far-future millésimes so that no other test's import is newer; Lille 59350 and Roubaix 59512
        new LovacCsv(2040).row("59350", "3500000001").row("59350", "3500000002").row("59350", "3500000003")
                .row("59512", "5120000004").write(dir, "lovac-2040.csv");
        ImportReport first = importFile(dir.resolve("lovac-2040.csv"), 2040, false);
        assertThat(first.housingsCreated()).isEqualTo(4);

        // a user works on dwelling 2
        jdbc.sql("update housing set status = 2, sub_status = 'En pré-accompagnement', occupancy = 'L', user_modified = true "
                + "where local_id = '593500000002'").update();

        // the next millésime covers only Lille: 1 and 2 stay, 3 left the file, 5 is new; Roubaix is not covered
        new LovacCsv(2041).row("59350", "3500000001").row("59350", "3500000002").row("59350", "3500000005")
                .write(dir, "lovac-2041.csv");
        ImportReport second = importFile(dir.resolve("lovac-2041.csv"), 2041, false);
        assertThat(second.housingsCreated()).isEqualTo(1);
        assertThat(second.housingsUpdated()).isEqualTo(2);
        assertThat(second.exitsFromVacancy()).isEqualTo(1);

        assertThat(housing("593500000002")).containsEntry("status", 2).containsEntry("occupancy", "L")
                .containsEntry("sub_status", "En pré-accompagnement");
        assertThat(housing("593500000003")).containsEntry("status", 4).containsEntry("occupancy", "inconnu")
                .containsEntry("sub_status", "Sortie de la vacance");
        assertThat(jdbc.sql("""
                select e.message from event e join housing h on h.id = e.housing_id
                 where h.local_id = '593500000003' and e.kind = 'housing-exit-from-vacancy'""").query(String.class).list())
                .containsExactly("Absent du fichier LOVAC 2041 alors que présent dans LOVAC 2040 : « Suivi terminé », « Sortie de la vacance ».");
        assertThat(housing("595120000004")).containsEntry("status", 0).containsEntry("occupancy", "V");
        assertThat(jdbc.sql("select data_file_years from housing where local_id = '593500000001'")
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single())
                .containsExactly("lovac-2040", "lovac-2041");

        // importing the older millésime again moves nothing and only keeps its source
        ImportReport older = importFile(dir.resolve("lovac-2040.csv"), 2040, false);
        assertThat(older.exitsFromVacancy()).isZero();
        assertThat(housing("593500000003")).containsEntry("status", 4);
        // and the newest again changes nothing
        ImportReport rerun = importFile(dir.resolve("lovac-2041.csv"), 2041, false);
        assertThat(rerun.housingsCreated() + rerun.housingsUpdated() + rerun.exitsFromVacancy()).isZero();
    }

    @Test
    void aKilledImportLeavesNothingAndTheNextOneWorks() throws Exception {
        LovacCsv csv = new LovacCsv(2025);
        for (int i = 0; i < 45_000; i++) {
            csv.row("13055", String.format("05%08d", i));
        }
        Path file = csv.write(dir, "big.csv");
        assertThatThrownBy(() -> Roles.asSystem(() -> imports.importFile(file, 2025, false, p -> {
            if (p.rows() >= 40_000) {
                throw new IllegalStateException("killed");
            }
        }))).hasMessageContaining("killed");
        assertThat(jdbc.sql("select count(*) from housing where local_id like '1305%'").query(Long.class).single()).isZero();
        assertThat(Roles.asSystem(() -> imports.runs(50)).getFirst().status()).isEqualTo("failed");

        // while an import runs, a second one is refused
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ImportReport> result = new AtomicReference<>();
        Thread running = Thread.ofVirtual().start(() -> result.set(Roles.asSystem(() -> imports.importFile(file, 2025, false, p -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }))));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> importFile(file, 2025, false)).isInstanceOf(LovacRefusedException.class)
                .hasMessage("Un import est déjà en cours : attendez qu'il se termine avant d'en lancer un autre.");
        release.countDown();
        running.join(60_000);
        assertThat(result.get().housingsCreated()).isEqualTo(45_000);
    }

    @Test
    void aQuoteNeverClosedRefusesTheFileInsteadOfReadingTheRestAsOneRecord() throws Exception {
        // a quote opened on line 3 and never closed: the rest of the file (over 16 MB) would be one record
        List<String> lines = Files.readAllLines(LovacReaderTests.resource("selection-2025.csv"));
        Path file = dir.resolve("lovac-quote.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(lines.get(0) + "\n" + lines.get(1) + "\n\"PAS DE GUILLEMET FERMANT;");
            String filler = "x;".repeat(512) + "\n";
            for (long written = 0; written <= CsvRecordReader.MAX_RECORD; written += filler.length()) {
                out.write(filler);
            }
        }
        long housings = jdbc.sql("select count(*) from housing").query(Long.class).single();

        assertThatThrownBy(() -> importFile(file, 2025, false)).isInstanceOf(LovacRefusedException.class)
                .hasMessage("Ligne 3 : un enregistrement dépasse 16 Mo, sans doute un guillemet jamais refermé. "
                        + "Le fichier est refusé : corrigez cette ligne puis relancez l'import.");
        assertThat(jdbc.sql("select count(*) from housing").query(Long.class).single()).isEqualTo(housings);
    }
}
