package fr.zlv.housing.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.housing.followup.FollowUpTestData;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An agent opens a dwelling, sees its owners, changes its status, adds a note and a document, and reads the history. */
@IntegrationTest
class HousingPageBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    EstablishmentManagement establishments;
    @Autowired
    ApiTokenManagement tokens;

    @Test
    void anAgentChangesTheStatusAndSeesItInTheHistory() {
        var data = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        var agent = data.agent(Set.of(FollowUpTestData.DOLE));
        long id = data.housing(FollowUpTestData.DOLE, 0, "14 RUE DE LA FICHE");
        data.owner(id, "FICHE/PAULINE", 1);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements/" + id);
        assertThat(page.locator("h1")).hasText("14 RUE DE LA FICHE 39198 VILLE");
        assertThat(page.locator("#proprietaires")).containsText("FICHE/PAULINE");
        assertThat(page.locator("#proprietaires")).containsText("Propriétaire principal");
        assertThat(page.locator("#proprietaires")).containsText("usufruitier");
        assertThat(page.locator("#caracteristiques")).containsText("lovac-2025");
        assertThat(jdbc.sql("select count(*) from personal_data_access where subject_kind = 'housing' and subject_id = ? and user_id = ?")
                .params(String.valueOf(id), agent.userId()).query(Integer.class).single()).isEqualTo(1);

        page.getByLabel("Statut de suivi").selectOption("3");
        page.getByLabel("Sous-statut").selectOption("en-accompagnement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le suivi")).click();
        assertThat(page.locator(".fr-alert--success")).containsText("Le suivi du logement est enregistré.");
        assertThat(page.locator("#badge-statut")).hasText("Suivi en cours");
        assertThat(page.locator("#evenements")).containsText("Statut : « Non suivi » → « Suivi en cours »");
        assertThat(page.locator("#evenements")).containsText("Sous-statut : « — » → « En accompagnement »");
        assertThat(page.locator("#evenements")).containsText("Agathe Suivi");
        // "Non suivi" is no longer offered
        assertThat(page.locator("#status option[value='0']")).isDisabled();

        page.getByLabel("Nouvelle note").fill("Visite prévue le 12 mars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la note")).click();
        assertThat(page.locator("#notes")).containsText("Visite prévue le 12 mars");
        assertThat(page.locator("#evenements")).containsText("Note ajoutée : « Visite prévue le 12 mars »");

        page.locator("#document").setInputFiles(new FilePayload("courrier.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le document")).click();
        assertThat(page.locator("#liste-documents")).containsText("courrier.pdf");
        page.locator("#document").setInputFiles(new FilePayload("photo.jpg", "image/jpeg",
                "pas une image".getBytes(StandardCharsets.US_ASCII)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le document")).click();
        assertThat(page.locator("#erreur")).containsText("ne correspond pas à son extension « .jpg »");
    }

    @Test
    void theSecondAgentIsToldSomeoneElseChangedTheDwellingAndKeepsItsChoices() {
        var data = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        var agent = data.agent(Set.of(FollowUpTestData.DOLE));
        long id = data.housing(FollowUpTestData.DOLE, 1, "15 RUE DU CONFLIT");

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements/" + id);
        // meanwhile a colleague changes the dwelling through the API
        var colleague = data.agent(Set.of(FollowUpTestData.DOLE));
        assertThat(data.call(colleague, "PATCH", "/api/v1/housings/" + id, "{\"status\": 2, \"version\": 0}").status()).isEqualTo(200);

        page.getByLabel("Statut de suivi").selectOption("5");
        page.getByLabel("Occupation", new Page.GetByLabelOptions().setExact(true)).selectOption("L");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le suivi")).click();
        assertThat(page.locator("#erreur-suivi")).containsText("Ce logement a été modifié par quelqu'un d'autre");
        assertThat(page.locator("#statut-actuel")).hasText("Premier contact");
        assertThat(page.locator("#status")).hasValue("5");
        assertThat(page.locator("#occupancy")).hasValue("L");
        assertThat(data.status(id)).isEqualTo(2);

        // saving again now applies the agent's choices over the colleague's version
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le suivi")).click();
        assertThat(page.locator("#badge-statut")).hasText("Suivi bloqué");
        assertThat(data.status(id)).isEqualTo(5);
    }

    @Test
    void aDwellingOutsideTheTerritoryIsAFrenchNotFoundPage() {
        var data = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        var agent = data.agent(Set.of(FollowUpTestData.DOLE));
        long elsewhere = data.housing(FollowUpTestData.DIJON, 0, "16 RUE INVISIBLE");
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        var response = page.navigate("/logements/" + elsewhere);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("Page non trouvée");
        assertThat(page.locator("body")).not().containsText("16 RUE INVISIBLE");
    }
}
