package fr.zlv.targeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An agent filters the housing list, shares it by its address, goes back, saves a view and opens the map. */
@IntegrationTest
class HousingListBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void anAgentFiltersTheListAndOpensTheMap() {
        var data = new TargetingTestData(context);
        // Toulouse and Blagnac: communes no other test uses
        var agent = data.agentOf("Ciblage Toulouse", Set.of("31555", "31069"));
        long owner = data.owner("NAVIGATEUR/ALICE", cols("kind_code", "particulier"));
        long m1 = data.housing("TGTW00000001", "31555", cols("kind", "MAISON", "status", 0, "data_file_years", lines("lovac-2025"),
                "address_dgfip", lines("1 RUE DU CAPITOLE", "31000 TOULOUSE"), "longitude", 1.4437, "latitude", 43.6045,
                "living_area", new java.math.BigDecimal("92"), "vacancy_start_year", 2020));
        data.housing("TGTW00000002", "31555", cols("kind", "APPART", "status", 1, "data_file_years", lines("lovac-2025"),
                "address_dgfip", lines("2 ALLEE JEAN JAURES", "31000 TOULOUSE"), "longitude", 1.45, "latitude", 43.61));
        data.housing("TGTW00000003", "31069", cols("kind", "MAISON", "status", 2, "data_file_years", lines("lovac-2025"),
                "address_dgfip", lines("3 AVENUE DE GRADE", "31700 BLAGNAC"), "longitude", 1.39, "latitude", 43.64));
        data.ownership(m1, owner, 1, "same-commune");

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements?dataFileYearsIncluded=");
        assertThat(page.locator("#totaux")).containsText("3 logements");
        assertThat(page.locator("#table-logements tbody tr")).hasCount(3);
        assertThat(page.locator(".zlv-status-tabs")).containsText("Non suivi (1)");

        // filter on "Maison" from the side panel
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logement").setExact(true)).click();
        page.locator("#champ-housingKinds").getByText("Maison", new Locator.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appliquer les filtres")).click();
        page.waitForURL(url -> url.contains("housingKinds=MAISON"));
        assertThat(page.locator("#totaux")).containsText("2 logements");
        assertThat(page.locator("#filtres-actifs")).containsText("Type de logement : Maison");
        assertThat(page.locator("#table-logements tbody")).containsText("1 RUE DU CAPITOLE 31000 TOULOUSE");
        assertThat(page.locator("#table-logements tbody")).containsText("NAVIGATEUR/ALICE");
        assertThat(page.locator("#table-logements tbody")).not().containsText("ALLEE JEAN JAURES");
        String shared = page.url();

        // search within the filter, then back to the filter alone
        page.locator("#recherche").fill("capitole");
        page.locator("#recherche").press("Enter");
        page.waitForURL(url -> url.contains("query=capitole"));
        assertThat(page.locator("#totaux")).containsText("1 logement");
        page.goBack();
        page.waitForURL(shared);
        assertThat(page.locator("#totaux")).containsText("2 logements");

        // the address is shareable: another browser of the same agent sees the same list
        Page other = browser.newPage(port);
        BrowserSupport.signIn(other, agent.email(), agent.password());
        other.navigate(shared);
        assertThat(other.locator("#totaux")).containsText("2 logements");

        // selection counter, "all matching" included
        page.locator("label[for='tout-selectionner']").click();
        assertThat(page.locator("#nombre-selection")).hasText("2 logements sélectionnés");

        // a named view
        page.locator("#nom-vue").fill("Maisons vacantes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les filtres comme vue")).click();
        assertThat(page.locator(".fr-alert--success")).containsText("La vue « Maisons vacantes » est enregistrée.");
        page.navigate("/logements?dataFileYearsIncluded=");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Maisons vacantes")).click();
        assertThat(page.locator("#totaux")).containsText("2 logements");

        // the map of the same filtered set
        page.locator("#lien-carte").click();
        page.waitForURL(url -> url.contains("/logements/carte") && url.contains("housingKinds=MAISON"));
        assertThat(page.locator("#carte")).hasAttribute("data-points", "2");
        assertThat(page.locator("#etat-carte")).hasText("2 logements géolocalisés sur la carte.");
        assertThat(page.locator("#filtres-actifs")).containsText("Type de logement : Maison");
        if (page.locator("#carte[data-map-error]").count() == 0) {
            assertThat(page.locator("#carte canvas")).hasCount(1);
            assertThat(page.locator("#carte")).hasAttribute("data-ready", "true");
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("logements-carte.png")));
    }

    @Test
    void withoutParametersTheListFiltersOnTheNewestMillesime() {
        var data = new TargetingTestData(context);
        var agent = data.agentOf("Ciblage défaut", Set.of("31069"));
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements");
        String newest = "lovac-" + jdbc.sql("select max(last_lovac_year) from housing").query(Integer.class).optional().orElse(0);
        if (!newest.equals("lovac-0")) {
            assertThat(page.url()).contains("dataFileYearsIncluded=" + newest);
            assertThat(page.locator("#filtres-actifs")).containsText(newest);
        }
        page.navigate("/logements?occupancies=Z");
        assertThat(page.locator(".fr-alert--error")).containsText("La valeur « Z » du filtre « occupancies » n'existe pas.");
    }
}
