package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import fr.zlv.territory.ReferenceGeography;
import fr.zlv.territory.TerritorySummary;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page as the demo agent, a national admin and a user without establishment see it. */
@IntegrationTest
class HomePageBrowserTests {

    /** The demo agent's establishment (devdata): CA du Grand Angoulême. */
    private static final String DEMO_EPCI_SIREN = "200071827";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private final EstablishmentManagement establishments;
    private final ReferenceGeography geography;
    private final UserManagement users;

    @Autowired
    HomePageBrowserTests(EstablishmentManagement establishments, ReferenceGeography geography, UserManagement users) {
        this.establishments = establishments;
        this.geography = geography;
        this.users = users;
    }

    private static final NumberFormat FRENCH = NumberFormat.getIntegerInstance(Locale.FRANCE);

    @Test
    void theDemoAgentSeesItsTerritoryFiguresAndCannotOpenTheAdminPages() throws Exception {
        Establishment epci = Roles.asSystem(() -> establishments.findBySiren(DEMO_EPCI_SIREN)).orElseThrow();
        TerritorySummary expected = Roles.asSystem(() ->
                geography.summarize(TerritoryScope.communes(epci.id(), establishments.perimeter(epci.id()))));
        assertThat(expected.communes()).isGreaterThan(10);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "agent@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        assertThat(page).hasTitle("Accueil — Zéro Logement Vacant");
        assertThat(page.locator("h1")).hasText("CA du Grand Angoulême");
        assertThat(page.locator("[data-figure=communes]")).hasText(FRENCH.format(expected.communes()));
        assertThat(page.locator("[data-figure=population]")).hasText(FRENCH.format(expected.population()));
        assertThat(page.locator("[data-figure=epci]")).hasText("1");
        assertThat(page.locator("#programmes")).containsText("Action Cœur de Ville");
        assertThat(page.locator("#programmes tbody tr").first()).containsText(String.valueOf(expected.acvCommunes()));
        assertThat(page.locator("#zonage-abc tbody tr")).hasCount(expected.zonageAbc().size());
        // the header: the single establishment's name, no administration menu, the account link
        assertThat(page.locator("header .zlv-active-establishment").first()).containsText("CA du Grand Angoulême");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Administration"))).hasCount(0);
        assertThat(page.locator("header").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mon compte")))
                .isVisible();

        Path screenshot = BrowserSupport.screenshotDir().resolve("home-agent.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));

        var response = page.navigate("/admin/etablissements");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Accès refusé");
        assertThat(page.locator("main")).containsText("Erreur 403");
        assertThat(page.locator("main")).not().containsText("Exception");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("forbidden.png")));
    }

    @Test
    void skipLinksLeadToTheContentTheMenuAndTheFooter() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "agent@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Aller au contenu");
        page.keyboard().press("Enter");
        assertThat(page.locator("#contenu")).isFocused();
        assertThat(page.locator("a[href='#navigation']")).hasCount(1);
        assertThat(page.locator("#navigation")).hasAttribute("aria-label", "Menu principal");
        assertThat(page.locator("a[href='#footer']")).hasCount(1);
        assertThat(page.locator("footer#footer")).hasAttribute("role", "contentinfo");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }

    @Test
    void aNationalAdminSeesTheWholeCountry() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);
        TerritorySummary national = Roles.asSystem(() -> geography.summarize(TerritoryScope.ofSystem()));

        assertThat(page.locator("h1")).hasText("France entière");
        assertThat(page.locator("[data-figure=communes]")).hasText(FRENCH.format(national.communes()));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Administration"))).isVisible();
    }

    @Test
    void aUserWithoutEstablishmentIsToldWhyNothingIsShown() {
        String email = "sans-structure-" + UUID.randomUUID() + "@test.zlv.fr";
        Roles.asSystem(() -> users.upsertUser(email, "Alex", "Sans Structure", Role.USUAL, List.of(), "mot-de-passe-de-test"));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, email, "mot-de-passe-de-test");

        assertThat(page.locator("h1")).hasText("Bienvenue sur Zéro Logement Vacant");
        assertThat(page.locator("main")).containsText("Vous n’êtes rattaché à aucun établissement");
    }

    @Test
    void aUserOfTwoEstablishmentsSwitchesFromTheHeader() {
        Establishment epci = Roles.asSystem(() -> establishments.findBySiren(DEMO_EPCI_SIREN)).orElseThrow();
        Establishment commune = Roles.asSystem(() -> establishments.createFromReference("16015"));
        String email = "deux-structures-" + UUID.randomUUID() + "@test.zlv.fr";
        Roles.asSystem(() -> users.upsertUser(email, "Lou", "Double", Role.USUAL, List.of(epci.id(), commune.id()),
                "mot-de-passe-de-test"));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, email, "mot-de-passe-de-test");
        assertThat(page.locator("h1")).hasText(epci.name());

        // the desktop header's switcher (the mobile menu has its own copy)
        page.locator("#etablissement-actif-entete").selectOption(String.valueOf(commune.id()));
        page.locator("form.zlv-switcher:has(#etablissement-actif-entete) button").click();

        assertThat(page.locator("h1")).hasText(commune.name());
        assertThat(page.locator("[data-figure=communes]")).hasText("1");
    }
}
