package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.answer;
import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The « Historique » section of the campaign page: what happened to the campaign, told in French, newest first. */
@IntegrationTest
class CampaignHistoryIntegrationTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theCampaignPageTellsEachChangeWithItsAuthorAndItsParisTime() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes historique", Set.of("23004"));
        long h1 = data.housing("23004", cols());
        long h2 = data.housing("23004", cols());
        long h3 = data.housing("23004", cols());
        long id = answer(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Historique 2026\", \"housingIds\": [" + h1 + ", " + h2 + ", " + h3 + "]}"), 201)
                .get("campaign").get("id").asLong();
        LocalDate today = LocalDate.now(PARIS);
        answer(call(port, agent.token(), "PATCH", "/api/v1/campaigns/" + id, "{\"title\": \"Historique 2026 bis\"}"), 200);
        answer(call(port, agent.token(), "PATCH", "/api/v1/campaigns/" + id, "{\"sendingDate\": \"" + today + "\"}"), 200);
        answer(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/returns", "{\"housingIds\": [" + h1 + "]}"), 200);
        answer(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/housings/remove", "{\"housingIds\": [" + h3 + "]}"), 200);
        answer(call(port, agent.token(), "PATCH", "/api/v1/campaigns/" + id, "{\"archived\": true}"), 200);

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.get("/campagnes/" + id);
        assertThat(page.status()).isEqualTo(200);
        String history = history(page.body());

        assertThat(history).startsWith("Historique").doesNotContain("Aucun événement")
                .containsSubsequence(
                        "Campagne archivée",
                        "1 logement retiré de la campagne",
                        "1 courrier revenu enregistré (« N’habite pas à l’adresse indiquée »)",
                        "Campagne envoyée : 3 logements passés « En attente de retour »",
                        "Date d’envoi fixée au " + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        "Campagne modifiée : titre « Historique 2026 » → « Historique 2026 bis »",
                        "Campagne créée avec 3 logements");
        OffsetDateTime createdAt = data.jdbc().sql("select created_at from campaign_event where campaign_id = ? and kind = 'created'")
                .param(id).query(OffsetDateTime.class).single();
        String parisTime = createdAt.atZoneSameInstant(PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm"));
        assertThat(history).contains(parisTime + " — Agent Campagnes Campagne créée avec 3 logements");
    }

    @Test
    void aCampaignWithoutEventsSaysSo() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes sans historique", Set.of("23004"));
        long id = data.jdbc().sql("insert into campaign (establishment_id, title) values (?, 'Campagne importée') returning id")
                .param(agent.establishment().id()).query(Long.class).single();

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.get("/campagnes/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(history(page.body())).isEqualTo("Historique Aucun événement pour cette campagne.");
    }

    /** The text of the « Historique » section, tags removed and white space folded. */
    private static String history(String html) {
        int start = html.indexOf("id=\"historique\"");
        assertThat(start).as("the page has a history section").isPositive();
        String section = html.substring(html.indexOf('>', start) + 1, html.indexOf("</section>", start));
        return section.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}
