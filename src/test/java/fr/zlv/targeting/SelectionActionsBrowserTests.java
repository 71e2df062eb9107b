package fr.zlv.targeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's selection wired to its actions (new group, bulk edit), and the agent's day end to end:
 * filter, map, open a dwelling, read its score, change its status and see the event in the history.
 */
@IntegrationTest
class SelectionActionsBrowserTests {

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
    void selectedRowsBecomeAGroupAndAllButOneGetANewStatus() {
        var data = new TargetingTestData(context);
        // Montauban (82121): a commune no other test uses
        var agent = data.agentOf("Sélection Montauban", Set.of("82121"));
        long a = data.housing("SELW00000001", "82121", cols("address_dgfip", lines("1 RUE SELECTION"), "data_file_years", lines("lovac-2025")));
        long b = data.housing("SELW00000002", "82121", cols("address_dgfip", lines("2 RUE SELECTION"), "data_file_years", lines("lovac-2025")));
        long c = data.housing("SELW00000003", "82121", cols("address_dgfip", lines("3 RUE SELECTION"), "data_file_years", lines("lovac-2025")));

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements?dataFileYearsIncluded=&sort=vacancyStart");
        assertThat(page.locator("#totaux")).containsText("3 logements");

        // two ticked rows → a new group
        tick(page, "SELW00000001");
        tick(page, "SELW00000003");
        assertThat(page.locator("#nombre-selection")).hasText("2 logements sélectionnés");
        page.getByText("Actions sur la sélection").click();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("logements-actions-selection.png")));
        page.getByLabel("Nom du nouveau groupe").fill("Rue de la sélection");
        page.locator("#creer-groupe").click();
        page.waitForURL(url -> url.matches(".*/groupes/\\d+$"));
        assertThat(page.locator("h1")).hasText("Rue de la sélection");
        assertThat(page.locator(".fr-alert--success")).containsText("créé avec 2 logements");
        assertThat(page.locator("#table-logements-groupe")).containsText("1 RUE SELECTION");
        assertThat(page.locator("#table-logements-groupe")).containsText("3 RUE SELECTION");
        assertThat(page.locator("#table-logements-groupe")).not().containsText("2 RUE SELECTION");

        // the third row is added to that group from the list
        page.navigate("/logements?dataFileYearsIncluded=");
        tick(page, "SELW00000002");
        page.getByText("Actions sur la sélection").click();
        page.getByLabel("Groupe existant").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Rue de la sélection (2 logements)"));
        page.locator("#ajouter-au-groupe").click();
        page.waitForURL(url -> url.matches(".*/groupes/\\d+$"));
        assertThat(page.locator("#table-logements-groupe")).containsText("2 RUE SELECTION");

        // every dwelling of the filter except one → "Premier contact"
        page.navigate("/logements?dataFileYearsIncluded=&query=selection");
        page.locator("label[for='tout-selectionner']").click();
        tick(page, "SELW00000002");
        assertThat(page.locator("#nombre-selection")).hasText("2 logements sélectionnés");
        page.getByText("Actions sur la sélection").click();
        page.locator("#modifier-suivi").click();
        assertThat(page.locator("#nombre-a-modifier")).containsText("2 logements sélectionnés");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("logements-modification-groupee.png")));
        page.getByLabel("Statut de suivi").selectOption("2");
        page.getByLabel("Note à ajouter à chaque logement").fill("Appel groupé du 3 mars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier les 2 logements")).click();
        assertThat(page.locator(".fr-alert--success")).containsText("Le suivi de 2 logements a été modifié.");
        assertThat(page.locator(".zlv-status-tabs")).containsText("Premier contact (2)");
        assertThat(jdbc.sql("select status from housing where id = ?").param(b).query(Integer.class).single()).isZero();

        page.navigate("/logements/" + a);
        assertThat(page.locator("#evenements")).containsText("Statut : « Non suivi » → « Premier contact »");
        assertThat(page.locator("#notes")).containsText("Appel groupé du 3 mars");

        // a refused change (back to "Non suivi" is impossible) says why and changes nothing
        page.navigate("/logements?dataFileYearsIncluded=&query=selection");
        tick(page, "SELW00000001");
        page.getByText("Actions sur la sélection").click();
        page.locator("#modifier-suivi").click();
        page.getByLabel("Sous-statut").selectOption("en-accompagnement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier le logement")).click();
        assertThat(page.locator("#erreur-modification")).containsText("Aucun logement n'a été modifié");
        assertThat(page.locator("#subStatus")).hasValue("en-accompagnement");
    }

    @Test
    void filterMapOpenADwellingReadItsScoreAndChangeItsStatus() {
        var data = new TargetingTestData(context);
        // Castelsarrasin (82033)
        var agent = data.agentOf("Parcours Castelsarrasin", Set.of("82033"));
        long id = data.housing("PARW00000001", "82033", cols("kind", "MAISON", "vacancy_start_year", 2012, "last_lovac_year", 2025,
                "data_file_years", lines("lovac-2025"), "address_dgfip", lines("7 RUE DU PARCOURS", "82100 CASTELSARRASIN"),
                "longitude", 1.1065, "latitude", 44.0397));
        data.housing("PARW00000002", "82033", cols("kind", "APPART", "data_file_years", lines("lovac-2025"),
                "address_dgfip", lines("8 RUE DU PARCOURS"), "longitude", 1.107, "latitude", 44.04));
        Roles.asSystem(() -> scoring.recompute(List.of("82033")));
        // a note written at 10:00 UTC in January reads 11:00, French time
        jdbc.sql("insert into housing_note (housing_id, content, created_at) values (?, 'Note d''hiver', ?)")
                .params(id, OffsetDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC)).update();

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements?dataFileYearsIncluded=&housingKinds=MAISON");
        assertThat(page.locator("#totaux")).containsText("1 logement");
        page.locator("#lien-carte").click();
        page.waitForURL(url -> url.contains("/logements/carte") && url.contains("housingKinds=MAISON"));
        assertThat(page.locator("#carte")).hasAttribute("data-points", "1");
        page.goBack();

        // the score column explains itself on the dwelling's page
        page.locator("#table-logements tbody tr[data-id='" + id + "'] td:last-child a").click();
        page.waitForURL(url -> url.endsWith("/logements/" + id + "#score"));
        assertThat(page.locator("#detail-score")).containsText("Pourquoi ce score ?");
        assertThat(page.locator("#table-score")).containsText("Durée de vacance");
        assertThat(page.locator("#table-score")).containsText("Vacant depuis 2012");
        int stored = jdbc.sql("select priority_score from housing where id = ?").param(id).query(Integer.class).single();
        assertThat(page.locator("#valeur-score")).hasText(String.valueOf(stored));
        assertThat(page.locator("#carte-logement")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#notes")).containsText("le 15/01/2026 à 11:00");

        page.getByLabel("Statut de suivi").selectOption("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le suivi")).click();
        assertThat(page.locator("#evenements")).containsText("Statut : « Non suivi » → « Suivi en cours »");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("logement-score-carte.png"))
                .setFullPage(true));
    }

    /** Ticks or unticks a row: DSFR draws the box over a visually hidden input, named by its label. */
    private static void tick(Page page, String localId) {
        page.getByLabel("Sélectionner " + localId, new Page.GetByLabelOptions().setExact(true))
                .dispatchEvent("click");
    }
}
