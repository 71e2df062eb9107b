package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin's establishment pages: create from the reference geography, find, deactivate. */
@IntegrationTest
class AdminEstablishmentsBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private final EstablishmentManagement establishments;

    @Autowired
    AdminEstablishmentsBrowserTests(EstablishmentManagement establishments) {
        this.establishments = establishments;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void anAdminCreatesAnEstablishmentFromTheReferenceSearchThenDeactivatesIt() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        page.getByRole(AriaRole.BUTTON, named("Administration")).click();
        page.getByRole(AriaRole.LINK, named("Établissements")).click();
        assertThat(page.locator("h1")).hasText("Établissements");
        page.getByRole(AriaRole.LINK, named("Créer un établissement")).click();

        // Saint-Claude (Jura), searched by name: no other test creates it
        page.getByLabel("Rechercher dans la géographie de référence").fill("Saint-Claude");
        page.getByRole(AriaRole.BUTTON, named("Rechercher")).click();
        var row = page.locator("#candidats tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("39478"));
        assertThat(row).containsText("Commune");
        row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Créer")).click();

        assertThat(page.locator("h1")).hasText("Confirmer la création");
        assertThat(page.locator("main")).containsText("Saint-Claude");
        assertThat(page.locator("main")).containsText("1 commune");
        page.getByRole(AriaRole.BUTTON, named("Confirmer la création")).click();

        assertThat(page.locator("h1")).hasText("Saint-Claude");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("est créé"))).isVisible();
        assertThat(page.locator("#nombre-communes")).hasText("1 commune");
        assertThat(page.locator("#perimetre tbody")).containsText("39478");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("admin-establishment.png")));
        assertThat(page.locator("main")).containsText("Actif");

        page.getByRole(AriaRole.LINK, named("Désactiver l’établissement")).click();
        assertThat(page.locator("h1")).hasText("Désactiver l’établissement");
        page.getByRole(AriaRole.BUTTON, named("Confirmer la désactivation")).click();
        assertThat(page.locator("main")).containsText("Inactif");
        assertThat(page.getByRole(AriaRole.LINK, named("Activer l’établissement"))).isVisible();

        // the list finds it by INSEE code and shows its state
        page.navigate("/admin/etablissements?q=39478");
        assertThat(page.locator("#nombre-resultats")).containsText("1 établissement");
        assertThat(page.locator("#resultats tbody tr")).containsText("Inactif");

        // asking for it again from the reference search leads to the existing one
        page.navigate("/admin/etablissements/nouveau?q=39478");
        assertThat(page.locator("#candidats")).containsText("Déjà créé");
    }

    @Test
    void anUnknownReferenceIsRefusedWithAFrenchMessage() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        page.navigate("/admin/etablissements/nouveau?q=999999999");
        assertThat(page.locator("main")).containsText("Aucun résultat");

        // a forged creation with an unknown SIREN: 400, a message naming it, nothing created
        var response = page.request().post("/admin/etablissements", com.microsoft.playwright.options.RequestOptions.create()
                .setForm(com.microsoft.playwright.options.FormData.create().set("reference", "999999999")
                        .set("_csrf", page.locator("meta[name=csrf-token]").getAttribute("content"))));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(response.text()).contains("Aucune commune, EPCI, département ou région ne correspond à « 999999999 »");
        page.navigate("/admin/etablissements?q=999999999");
        assertThat(page.locator("#nombre-resultats")).containsText("Aucun établissement");

        // a malformed page number: the French 4xx page, no technical detail
        var malformed = page.navigate("/admin/etablissements?page=deux");
        org.assertj.core.api.Assertions.assertThat(malformed.status()).isEqualTo(400);
        assertThat(page.locator("h1")).hasText("Requête refusée");
        assertThat(page.locator("main")).containsText("Erreur 400");
        assertThat(page.locator("main")).not().containsText("NumberFormatException");
    }

    @Test
    void theListIsPagedBy50() throws Exception {
        // 55 communes named Saint-… of Saône-et-Loire become establishments (idempotent if already there)
        List<String> codes;
        try (var lines = Files.lines(Path.of("src/main/resources/reference/communes.csv"))) {
            codes = lines.map(l -> l.split(";")).filter(f -> f[3].equals("71") && f[1].startsWith("Saint-"))
                    .map(f -> f[0]).limit(55).toList();
        }
        codes.forEach(code -> Roles.asSystem(() -> establishments.createFromReference(code)));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);
        page.navigate("/admin/etablissements?q=saint");
        assertThat(page.locator("#resultats tbody tr")).hasCount(50);
        var pagination = page.getByRole(AriaRole.NAVIGATION, named("Pagination"));
        assertThat(pagination.locator("[aria-current=page]")).hasText("1");
        pagination.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Page suivante")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=saint.*page=2.*"));
        assertThat(pagination.locator("[aria-current=page]")).hasText("2");
        assertThat(page.locator("#resultats tbody tr").first()).containsText("Saint-");
    }

    @Test
    void theListIsSearchableAndLeadsToTheDetail() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        page.navigate("/admin/etablissements");
        assertThat(page.locator("#resultats tbody")).containsText("CA du Grand Angoulême");
        page.getByLabel("Rechercher un établissement (nom, SIREN ou code INSEE)").fill("grand angouleme");
        page.getByRole(AriaRole.BUTTON, named("Rechercher")).click();
        assertThat(page.locator("#nombre-resultats")).containsText("1 établissement");
        page.getByRole(AriaRole.LINK, named("CA du Grand Angoulême")).click();
        assertThat(page.locator("h1")).hasText("CA du Grand Angoulême");
        assertThat(page.locator("main")).containsText("Communauté d'agglomération");
        assertThat(page.locator("#perimetre tbody")).containsText("Angoulême");
    }
}
