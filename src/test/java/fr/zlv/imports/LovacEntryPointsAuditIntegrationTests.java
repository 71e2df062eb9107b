package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's entry points given bad or hostile input through real HTTP: users who are not ADMIN, forged run
 * ids, wrong form values, files that are not LOVAC files. Each gets a clear French answer and changes nothing;
 * the uploaded copy never stays on disk.
 */
@IntegrationTest
class LovacEntryPointsAuditIntegrationTests {

    private static final String PASSWORD = "un-mot-de-passe-solide";

    @LocalServerPort
    int port;

    @Autowired
    LovacImportManagement imports;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** A signed-in browser session. */
    private Browser signedIn(String email) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(email, passwordOf(email)).location()).as("sign-in of " + email).doesNotContain("erreur");
        return browser;
    }

    /** As the page's script: the file as the raw body, the form values in the query string. */
    private static Browser.Response upload(Browser browser, String query, byte[] body) {
        return browser.postBody("/admin/imports/upload?" + query, "application/octet-stream", body);
    }

    private String passwordOf(String email) {
        return email.endsWith("@demo.zlv.fr") ? fr.zlv.support.BrowserSupport.DEMO_PASSWORD : PASSWORD;
    }

    private Browser admin() {
        return signedIn("admin@demo.zlv.fr");
    }

    private String user(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.zlv.fr";
        long establishment = jdbc.sql("select id from establishment order by id limit 1").query(Long.class).single();
        Roles.asSystem(() -> users.upsertUser(email, "Claude", "Testeur", role,
                role == Role.USUAL ? List.of(establishment) : List.of(), PASSWORD));
        return email;
    }

    private static String query(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private long runCount() {
        return jdbc.sql("select count(*) from import_run").query(Long.class).single();
    }

    /** The uploads' copies in the data folder that were not there when the test began. */
    private List<String> uploadsLeft() throws IOException {
        return uploads().stream().filter(f -> !uploadsBefore.contains(f)).toList();
    }

    private List<String> uploads() throws IOException {
        Path uploads = Roles.asSystem(imports::importsFolder).resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private List<String> uploadsBefore;

    /** Another test's import still ending would make this test's first one "already running". */
    @org.junit.jupiter.api.BeforeEach
    void noImportRunning() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jdbc.sql("select count(*) from import_run where status = 'running'").query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("the imports of other tests end").isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(200); // the lock is released just after the run is recorded
        uploadsBefore = uploads();
    }

    /** Waits for the background import of a run to end; returns its status. */
    private ImportRunView awaitEnd(long runId) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            ImportRunView run = Roles.asSystem(() -> imports.run(runId)).orElseThrow();
            if (!run.status().equals("running") && Roles.asSystem(() -> imports.progress(runId)).isEmpty()) {
                Thread.sleep(100); // the upload's copy is removed and the lock released just after
                return run;
            }
            assertThat(System.nanoTime()).as("run " + runId + " ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long runIdOf(Browser.Response response) {
        Matcher m = Pattern.compile("\"runId\":(\\d+)").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private byte[] lovac(int millesime, String geo, int rows) throws IOException {
        LovacCsv csv = new LovacCsv(millesime);
        for (int i = 0; i < rows; i++) {
            csv.row(geo, String.format("%03d%07d", 900 + (i % 50), i));
        }
        csv.row("99999", "9990000001");
        return Files.readAllBytes(csv.write(dir, "f-" + UUID.randomUUID() + ".csv"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // cases

    record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = fr.zlv.platform.cli.CommandLineDispatcher.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usersWhoAreNotAdminCannotImportNorSeeARunNorItsRejectedLines() throws Exception {
        Browser admin = admin();
        long runId = runIdOf(upload(admin, query(Map.of("name", "secret-des-rejets.csv", "millesime", "2025")),
                lovac(2025, "87085", 2)));
        assertThat(awaitEnd(runId).hasRejects()).isTrue();
        long runs = runCount();
        for (Role role : List.of(Role.USUAL, Role.VISITOR)) {
            Browser other = signedIn(user(role));
            var upload = upload(other, query(Map.of("name", "intrus.csv", "millesime", "2025")), lovac(2025, "87085", 1));
            assertThat(upload.status()).as(role + " uploads").isEqualTo(403);
            assertThat(upload.body()).contains("Accès refusé");
            for (String path : List.of("/admin/imports", "/admin/imports/" + runId, "/admin/imports/" + runId + "/progression",
                    "/admin/imports/" + runId + "/rejets.csv", "/admin/imports/verification?millesime=2025")) {
                var answer = other.get(path);
                assertThat(answer.status()).as(role + " GET " + path).isEqualTo(403);
                assertThat(answer.body()).as(role + " GET " + path).doesNotContain("secret-des-rejets", "9990000001", "unknown-commune");
            }
        }
        assertThat(runCount()).isEqualTo(runs);
        assertThat(uploadsLeft()).isEmpty();
    }

    @Test
    void forgedRunIdsGetNotFoundOrBadRequestInFrench() throws Exception {
        Browser admin = admin();
        // a run that rejected nothing has no rejects file
        long clean = runIdOf(upload(admin, query(Map.of("name", "sans-rejet.csv", "millesime", "2025")), "x\n".getBytes()));
        awaitEnd(clean);
        Map<String, Integer> expected = Map.of(
                "/admin/imports/987654321", 404,
                "/admin/imports/987654321/progression", 404,
                "/admin/imports/987654321/rejets.csv", 404,
                "/admin/imports/-1/rejets.csv", 404,
                "/admin/imports/" + clean + "/rejets.csv", 404,
                "/admin/imports/abc", 404,
                "/admin/imports/abc/progression", 400,
                "/admin/imports/abc/rejets.csv", 400,
                "/admin/imports/99999999999999999999999", 400);
        expected.forEach((path, status) -> {
            var answer = admin.get(path);
            assertThat(answer.status()).as(path).isEqualTo(status);
            assertThat(answer.body()).as(path).contains(status == 404 ? "Ressource introuvable" : "Requête invalide")
                    .doesNotContain("Exception", "at fr.zlv");
        });
    }

    @Test
    void wrongFormValuesAndAnEmptyFileAreRefusedInFrenchAndWriteNothing() throws Exception {
        Browser admin = admin();
        long runs = runCount();
        byte[] file = lovac(2025, "87085", 1);
        record Case(String query, byte[] body, int status, String error) {
        }
        for (Case c : List.of(
                new Case(query(Map.of("name", "a.csv")), file, 400, "Millésime : indiquez une année, par exemple 2025."),
                new Case(query(Map.of("name", "a.csv", "millesime", "")), file, 400, "Millésime : indiquez une année, par exemple 2025."),
                new Case(query(Map.of("name", "a.csv", "millesime", "deux mille")), file, 400, "Millésime : indiquez une année, par exemple 2025."),
                new Case(query(Map.of("name", "a.csv", "millesime", "1999")), file, 409, "Millésime invalide : 1999 (attendu : une année, par exemple 2025)."),
                new Case(query(Map.of("name", "a.csv", "millesime", "2025")), new byte[0], 400, "Fichier : le fichier envoyé est vide."))) {
            var answer = upload(admin, c.query(), c.body());
            assertThat(answer.status()).as(c.query()).isEqualTo(c.status());
            assertThat(answer.body()).as(c.query()).isEqualTo("{\"error\":\"" + c.error() + "\"}");
        }
        assertThat(runCount()).isEqualTo(runs);
        assertThat(uploadsLeft()).isEmpty();
    }

    @Test
    void aFileThatIsNotTheLovacOfTheMillesimeIsRefusedOnTheRunPageAndInTheList() throws Exception {
        Browser admin = admin();
        long housings = jdbc.sql("select count(*) from housing").query(Long.class).single();
        byte[] binary = new byte[50_000];
        new java.util.Random(1).nextBytes(binary);
        long zip = runIdOf(upload(admin, query(Map.of("name", "lovac.zip", "millesime", "2025")), binary));
        assertThat(awaitEnd(zip).status()).isEqualTo("refused");
        assertThat(admin.get("/admin/imports/" + zip).body()).contains("Fichier refusé",
                "Colonnes obligatoires absentes : annee, ff_idlocal, invariant, debutvacance, groupe, aff, nature");

        long other = runIdOf(upload(admin, query(Map.of("name", "lovac-2025.csv", "millesime", "2024")), lovac(2025, "87085", 2)));
        assertThat(awaitEnd(other).status()).isEqualTo("refused");
        String refusal = "Le fichier est le millésime 2025 (colonne annee, ligne 2) et non 2024 comme demandé.";
        assertThat(admin.get("/admin/imports/" + other).body()).contains("Fichier refusé", refusal);
        assertThat(admin.get("/admin/imports").body()).contains("Refusé", refusal);
        assertThat(jdbc.sql("select count(*) from housing").query(Long.class).single()).isEqualTo(housings);
    }

    /** Defect: the upload's copy stayed in the data folder for good once its import ended (GBs per national file). */
    @Test
    void theUploadedCopyIsRemovedOnceItsImportEndsWhateverTheOutcome() throws Exception {
        Browser admin = admin();
        long imported = runIdOf(upload(admin, query(Map.of("name", "bon.csv", "millesime", "2025")), lovac(2025, "87085", 2)));
        assertThat(awaitEnd(imported).status()).isEqualTo("succeeded");
        long refused = runIdOf(upload(admin, query(Map.of("name", "refuse.csv", "millesime", "2025")), "x\n".getBytes()));
        assertThat(awaitEnd(refused).status()).isEqualTo("refused");
        assertThat(uploadsLeft()).isEmpty();
    }

    /**
     * Defect: one NUL byte in a field (a damaged copy's padding) made PostgreSQL's COPY fail the whole import, with
     * an English message naming a line of the staging table, not of the file.
     */
    @Test
    void aNulByteInAFieldDoesNotFailTheWholeImport() throws Exception {
        Path file = new LovacCsv(2025).row("87085", "0770000001", "ff_ddenom_1", "MAR\0TIN/PAUL")
                .row("87085", "0770000002", "libvoie", "RUE\0\0 DU PONT").write(dir, "nul.csv");
        long id = runIdOf(upload(admin(), query(Map.of("name", "nul.csv", "millesime", "2025")), Files.readAllBytes(file)));
        ImportRunView run = awaitEnd(id);
        assertThat(run.status()).as(run.message()).isEqualTo("succeeded");
        assertThat(jdbc.sql("""
                select o.full_name from owner o join ownership w on w.owner_id = o.id join housing h on h.id = w.housing_id
                 where h.local_id = '870770000001' and w.rank = 1""").query(String.class).single()).isEqualTo("MARTIN PAUL");
        assertThat(uploadsLeft()).isEmpty();
    }

    /** Defect: an upload cut off midway (connection lost, tab closed) left its partial copy in the data folder. */
    @Test
    void anUploadCutOffMidwayLeavesNoFileAndNoRun() throws Exception {
        Browser admin = admin();
        long runs = runCount();
        try (var socket = new java.net.Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write(("POST /admin/imports/upload?name=coupe.csv&millesime=2025 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nX-CSRF-TOKEN: " + admin.csrf() + "\r\nCookie: "
                    + admin.cookieHeader() + "\r\nContent-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(lovac(2025, "87085", 100));
            out.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (uploadsLeft().stream().noneMatch(f -> f.endsWith("coupe.csv"))) {
                assertThat(System.nanoTime()).as("the upload is being copied").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!uploadsLeft().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(uploadsLeft()).isEmpty();
        assertThat(runCount()).isEqualTo(runs);
    }

    /** Defect: a name with a NUL, a lone "/" or 300 characters gave a 500; an accented name was shown mangled. */
    @Test
    void theFileNameIsOnlyALabelWhateverItHolds() throws Exception {
        Browser admin = admin();
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("name=" + URLEncoder.encode("LOVAC été 2025 (Gironde).csv", StandardCharsets.UTF_8), "LOVAC été 2025 (Gironde).csv");
        shown.put("name=%2F", "lovac.csv");
        shown.put("name=", "lovac.csv");
        shown.put("name=..", "lovac.csv");
        shown.put("name=a%00b.csv", "ab.csv");
        shown.put("name=" + URLEncoder.encode("C:\\Users\\moi\\lovac.csv", StandardCharsets.UTF_8), "lovac.csv");
        shown.put("name=..%2F..%2Fetc%2Fpasswd", "passwd");
        shown.put("name=" + "a".repeat(300) + ".csv", "a".repeat(200));
        for (var e : shown.entrySet()) {
            var answer = upload(admin, e.getKey() + "&millesime=2025", "x\n".getBytes());
            assertThat(answer.status()).as(e.getKey()).isEqualTo(200);
            ImportRunView run = awaitEnd(runIdOf(answer));
            assertThat(run.fileName()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(run.status()).as(e.getKey()).isEqualTo("refused");
        }
        assertThat(admin.get("/admin/imports").body()).contains("LOVAC été 2025 (Gironde).csv");
        assertThat(uploadsLeft()).isEmpty();
        var missing = upload(admin, "millesime=2025", "x\n".getBytes());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Requête invalide");
    }

    @Test
    void aSecondImportWhileOneRunsIsRefusedFromThePageAndTheCommandLine() throws Exception {
        Path file = dir.resolve("en-cours.csv");
        Files.write(file, lovac(2025, "87085", 2));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread running = Thread.ofVirtual().start(() -> Roles.asSystem(() -> imports.importFile(file, 2025, false, p -> {
            started.countDown();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        try {
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String busy = "Un import est déjà en cours : attendez qu'il se termine avant d'en lancer un autre.";
            long runs = runCount();
            var page = upload(admin(), query(Map.of("name", "deuxieme.csv", "millesime", "2025")), lovac(2025, "87085", 1));
            assertThat(page.status()).isEqualTo(409);
            assertThat(page.body()).isEqualTo("{\"error\":\"" + busy + "\"}");
            // what the page asks before sending a file
            var verified = admin().get("/admin/imports/verification?millesime=2025");
            assertThat(verified.status()).isEqualTo(409);
            assertThat(verified.body()).isEqualTo("{\"error\":\"" + busy + "\"}");
            assertThat(runCount()).isEqualTo(runs);
            assertThat(uploadsLeft()).isEmpty();

            // another process: refused by the database's lock, the refusal recorded
            Cli cli = cli("import", "lovac", "--millesime", "2025", file.toString());
            assertThat(cli.code()).isEqualTo(2);
            assertThat(cli.out().strip().lines().toList().getLast()).isEqualTo("{\"refused\":\"" + busy + "\"}");
            assertThat(cli.err()).contains(busy);
            assertThat(Roles.asSystem(() -> imports.runs(1)).getFirst()).extracting(ImportRunView::status, ImportRunView::message)
                    .containsExactly("refused", busy);
        } finally {
            release.countDown();
            running.join(60_000);
        }
        assertThat(admin().get("/admin/imports/verification?millesime=2025").body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void theCheckBeforeSendingRefusesAWrongMillesimeInFrench() {
        Browser admin = admin();
        var missing = admin.get("/admin/imports/verification?millesime=abc");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Millésime : indiquez une année, par exemple 2025.");
        var outOfRange = admin.get("/admin/imports/verification?millesime=1999");
        assertThat(outOfRange.status()).isEqualTo(409);
        assertThat(outOfRange.body()).contains("Millésime invalide : 1999");
    }

    @Test
    void theCommandLineRefusesBadArgumentsWithExitCode2AndWritesNothing() throws Exception {
        Path file = dir.resolve("ok.csv");
        Files.write(file, lovac(2025, "87085", 2));
        Path folder = Files.createDirectory(dir.resolve("dossier.csv"));
        String usage = "Usage : java -jar zlv.jar import lovac --millesime YYYY [--all] FICHIER.csv";
        record Case(List<String> args, String error, String refused) {
        }
        long runs = runCount();
        for (Case c : List.of(
                new Case(List.of(file.toString()), "L'option --millesime est obligatoire.", null),
                new Case(List.of("--millesime"), "L'option --millesime attend une valeur.", null),
                new Case(List.of("--millesime", "abc", file.toString()), "--millesime attend une année, par exemple 2025.", null),
                new Case(List.of("--millesime", "2025", "--force", file.toString()), "Option inconnue : --force", null),
                new Case(List.of("--millesime", "2025"), "Indiquez un seul fichier à importer.", null),
                new Case(List.of("--millesime", "2025", file.toString(), file.toString()), "Indiquez un seul fichier à importer.", null),
                // defect: "--all=false" imported every vacancy duration
                new Case(List.of("--millesime", "2025", "--all=false", file.toString()), "L'option --all ne prend pas de valeur.", null),
                new Case(List.of("--millesime", "1999", file.toString()), null,
                        "Millésime invalide : 1999 (attendu : une année, par exemple 2025)."),
                new Case(List.of("--millesime", "2025", dir.resolve("absent.csv").toString()), null,
                        "Fichier introuvable : " + dir.resolve("absent.csv") + "."),
                // defect: a folder was said not to exist
                new Case(List.of("--millesime", "2025", folder.toString()), null,
                        folder + " est un dossier : indiquez le fichier LOVAC à importer."))) {
            List<String> args = new java.util.ArrayList<>(List.of("import", "lovac"));
            args.addAll(c.args());
            Cli cli = cli(args.toArray(String[]::new));
            assertThat(cli.code()).as(c.args().toString()).isEqualTo(2);
            if (c.refused() == null) {
                assertThat(cli.out()).as(c.args().toString()).isEmpty();
                assertThat(cli.err()).as(c.args().toString()).contains("Erreur : " + c.error(), usage);
            } else {
                assertThat(cli.out().strip()).as(c.args().toString())
                        .isEqualTo(JSON.writeValueAsString(Map.of("refused", c.refused())));
                assertThat(cli.err()).as(c.args().toString()).contains("Erreur : fichier refusé : " + c.refused());
            }
        }
        assertThat(runCount()).isEqualTo(runs);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
}
