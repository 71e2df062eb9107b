package fr.zlv.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.zlv.campaign.CampaignTestData.cols;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An agent makes a campaign from a group, sets today as its sending date and sees its recipients waiting for an answer. */
@IntegrationTest
class CampaignBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void fromAGroupToASentCampaignWhoseRecipientsAwaitAnAnswer() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes navigateur", Set.of("23004"));
        long h1 = data.housing("23004", cols("address_dgfip", new String[] {"7 RUE DU NAVIGATEUR", "23150 AHUN"}));
        long h2 = data.housing("23004", cols("address_dgfip", new String[] {"9 RUE DU NAVIGATEUR", "23150 AHUN"}));
        long owner = data.owner("BLANC/HÉLÈNE", cols());
        data.ownership(h1, owner, 1);
        long group = jdbc.sql("insert into housing_group (establishment_id, name, housing_count) values (?, 'Rue du navigateur', 2) returning id")
                .param(agent.establishment().id()).query(Long.class).single();
        jdbc.sql("insert into housing_group_housing (group_id, housing_id) values (?, ?), (?, ?)").params(group, h1, group, h2).update();

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/campagnes");
        assertThat(page.locator("#aucune-campagne")).isVisible();

        page.navigate("/groupes/" + group);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer une campagne")).click();
        assertThat(page.locator("h1")).hasText("Nouvelle campagne");
        page.getByLabel("Titre de la campagne").fill("Courrier du navigateur");
        page.getByLabel("Description").fill("Envoi de printemps");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la campagne")).click();

        assertThat(page.locator("h1")).hasText("Courrier du navigateur");
        assertThat(page.locator("#succes")).containsText("créée avec 2 logements");
        assertThat(page.locator("#statut-campagne")).containsText("Brouillon");
        assertThat(page.locator("#table-destinataires")).containsText("BLANC/HÉLÈNE");
        assertThat(page.locator("#table-destinataires .zlv-status").first()).hasText("Non suivi");

        page.getByLabel("Date d’envoi").fill(LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la date d’envoi")).click();
        assertThat(page.locator("#succes")).containsText("2 logements ont changé de statut");
        assertThat(page.locator("#statut-campagne")).containsText("Envoyée");
        assertThat(page.locator("#table-destinataires .zlv-status")).hasText(new String[] {"En attente de retour", "En attente de retour"});
        assertThat(page.locator("#entonnoir")).containsText("Courriers envoyés");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(BrowserSupport.screenshotDir().resolve("campagne-destinataires.png")));

        // the tabs lead to the other sections of the campaign
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections de la campagne"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Destinataires")))
                .hasAttribute("aria-current", "page");
        page.navigate("/campagnes");
        assertThat(page.locator("#table-campagnes")).containsText("Courrier du navigateur");
        assertThat(page.locator("#table-campagnes .zlv-campaign-status")).hasText("Envoyée");
    }
}
