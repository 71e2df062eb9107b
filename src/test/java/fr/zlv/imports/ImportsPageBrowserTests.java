package fr.zlv.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin uploads a LOVAC file, follows the import and reads its report, then downloads the rejected lines. */
@IntegrationTest
class ImportsPageBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @TempDir
    Path dir;

    /** The imports page, signed in as the demo admin. */
    private Page importsPage() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);
        page.navigate("http://localhost:" + port + "/admin/imports");
        return page;
    }

    /** Chooses the file, millésime 2025, and launches the import. */
    private static void send(Page page, Path file) {
        page.getByLabel("Fichier LOVAC").setInputFiles(file);
        page.getByLabel("Millésime").fill("2025");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l’import")).click();
    }

    @Test
    void anAdminImportsAFileAndSeesTheReport() throws Exception {
        LovacCsv csv = new LovacCsv(2025);
        for (int i = 0; i < 30; i++) {
            csv.row("87085", String.format("085%07d", i));
        }
        csv.row("99999", "9990000001");
        Path file = csv.write(dir, "lovac-limoges-2025.csv");

        Page page = importsPage();
        assertThat(page.locator("h1")).hasText("Imports LOVAC");
        send(page, file);

        assertThat(page.locator("h1")).hasText("Import du fichier lovac-limoges-2025.csv");
        assertThat(page.locator(".fr-alert--success")).containsText("Import terminé");
        assertThat(page.locator("#import-report")).containsText("Lignes lues");
        assertThat(page.locator("#import-report tr", new Page.LocatorOptions().setHasText("Lignes lues"))).containsText("31");
        assertThat(page.locator("#import-report tr", new Page.LocatorOptions().setHasText("Rejetées : unknown-commune"))).containsText("1");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Télécharger les lignes rejetées")).click());
        String rejects = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(rejects).contains("ligne;motif;ligne_originale").contains("32;unknown-commune;");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Imports LOVAC")).click();
        assertThat(page.locator("table")).containsText("lovac-limoges-2025.csv");
    }

    @Test
    void anImportRunningElsewhereIsSaidBeforeTheFileIsSent() throws Exception {
        // another process's import (the command line) holds the database's import lock
        try (var otherImport = new ImportLockHolder(dataSource)) {
            Path file = new LovacCsv(2025).row("87085", "0859999999").write(dir, "pendant.csv");
            long runs = jdbc.sql("select count(*) from import_run").query(Long.class).single();
            Page page = importsPage();
            send(page, file);
            assertThat(page.locator("#import-error")).containsText("Un import est déjà en cours");
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single())
                    .isEqualTo(runs);
        }
    }

    @Test
    void anExpiredSessionIsSaidAsSuch() throws Exception {
        Path file = new LovacCsv(2025).row("87085", "0859999998").write(dir, "expiree.csv");
        Page page = importsPage();
        page.context().clearCookies();
        send(page, file);
        assertThat(page.locator("#import-error")).containsText("Votre session a expiré : reconnectez-vous");
    }

    @Test
    void aFileWithMissingColumnsShowsWhyItWasRefused() throws Exception {
        Path file = dir.resolve("incomplet.csv");
        Files.writeString(file, "annee;ff_idlocal;invariant;nature;aff;idcom;proprietaire\n2025;870850000001;0850000001;MAISON;H;87085;X\n");
        Page page = importsPage();
        send(page, file);
        assertThat(page.locator("#import-status .fr-alert--error")).containsText("Colonnes obligatoires absentes : debutvacance, groupe.");
    }
}
