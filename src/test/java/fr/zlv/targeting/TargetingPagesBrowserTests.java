package fr.zlv.targeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.lines;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages around the list, as an agent uses them: groups, perimeters and the score's weights. */
@IntegrationTest
class TargetingPagesBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PriorityScoring scoring;

    @Test
    void anAgentCreatesAGroupAndRenamesIt() {
        var data = new TargetingTestData(context);
        // Moissac (82112)
        var agent = data.agentOf("Groupes Moissac", Set.of("82112"));
        long id = data.housing("GRPW00000001", "82112", cols("address_dgfip", lines("4 QUAI DU GROUPE")));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/groupes");
        page.getByLabel("Nom du groupe").fill("Quais");
        page.locator("#ids-groupe").fill(String.valueOf(id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le groupe")).click();
        assertThat(page.locator("h1")).hasText("Quais");
        assertThat(page.locator("#compteurs")).containsText("1 logements");
        assertThat(page.locator("#table-logements-groupe")).containsText("4 QUAI DU GROUPE");

        page.getByLabel("Nom du groupe").fill("Quais de Moissac");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(page.locator(".fr-alert--success")).containsText("Le groupe a été modifié.");
        assertThat(page.locator("h1")).hasText("Quais de Moissac");
        page.navigate("/groupes");
        assertThat(page.locator("main")).containsText("Quais de Moissac");
    }

    @Test
    void anAgentUploadsAPerimeterAndFiltersTheListOnIt() {
        var data = new TargetingTestData(context);
        // Caussade (82037): one dwelling in the old town, one outside
        var agent = data.agentOf("Périmètres Caussade", Set.of("82037"));
        data.housing("PERW00000001", "82037", cols("address_dgfip", lines("1 PLACE DANS LE PERIMETRE"),
                "longitude", 1.535, "latitude", 44.161));
        data.housing("PERW00000002", "82037", cols("address_dgfip", lines("2 ROUTE HORS DU PERIMETRE"),
                "longitude", 1.60, "latitude", 44.20));
        String geojson = """
                {"type": "Polygon", "coordinates": [[[1.53, 44.155], [1.54, 44.155], [1.54, 44.165], [1.53, 44.165], [1.53, 44.155]]]}""";

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/perimetres");
        page.getByLabel("Nom du périmètre").fill("Centre ancien de Caussade");
        page.locator("#fichier-perimetre").setInputFiles(new FilePayload("centre.geojson", "application/geo+json",
                geojson.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer le périmètre")).click();
        assertThat(page.locator(".fr-alert--success")).containsText("Centre ancien de Caussade");
        assertThat(page.locator("#table-perimetres")).containsText("Centre ancien de Caussade");

        page.navigate("/logements?dataFileYearsIncluded=");
        assertThat(page.locator("#totaux")).containsText("2 logements");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Localisation").setExact(true)).click();
        page.locator("#champ-geoPerimetersIncluded").getByText("Centre ancien de Caussade",
                new Locator.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appliquer les filtres")).click();
        page.waitForURL(url -> url.contains("geoPerimetersIncluded="));
        assertThat(page.locator("#totaux")).containsText("1 logement");
        assertThat(page.locator("#table-logements")).containsText("1 PLACE DANS LE PERIMETRE");
        assertThat(page.locator("#table-logements")).not().containsText("HORS DU PERIMETRE");
    }

    @Test
    void anAgentChangesAWeightAndSeesItSavedAndTheListReordered() {
        var data = new TargetingTestData(context);
        // Nègrepelisse (82134): an old vacancy and a recent one
        var agent = data.agentOf("Score Nègrepelisse", Set.of("82134"));
        data.housing("SCRW00000001", "82134", cols("vacancy_start_year", 2010, "last_lovac_year", 2025, "energy_label", "A",
                "address_dgfip", lines("1 RUE ANCIENNE VACANCE")));
        data.housing("SCRW00000002", "82134", cols("vacancy_start_year", 2023, "last_lovac_year", 2025, "energy_label", "G",
                "address_dgfip", lines("2 RUE PASSOIRE RECENTE")));
        Roles.asSystem(() -> scoring.recompute(List.of("82134")));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements?dataFileYearsIncluded=&sort=-score");
        assertThat(page.locator("#table-logements tbody tr").first()).containsText("1 RUE ANCIENNE VACANCE");

        // the energy label now weighs most: the passoire comes first
        page.navigate("/score");
        page.getByLabel("Durée de vacance").fill("0");
        page.getByLabel("Étiquette DPE").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les poids")).click();
        assertThat(page.locator(".fr-alert--success")).containsText("Les poids ont été enregistrés");
        assertThat(page.getByLabel("Durée de vacance")).hasValue("0");
        assertThat(page.getByLabel("Étiquette DPE")).hasValue("40");

        page.navigate("/logements?dataFileYearsIncluded=&sort=-score");
        assertThat(page.locator("#table-logements tbody tr").first()).containsText("2 RUE PASSOIRE RECENTE");
    }
}
