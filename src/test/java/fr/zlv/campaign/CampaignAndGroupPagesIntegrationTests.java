package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.answer;
import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the group and campaign pages share: their dwellings 50 a page with the same DSFR pagination, the
 * same confirmation before a deletion (in Aubusson, a commune no other test uses).
 */
@IntegrationTest
class CampaignAndGroupPagesIntegrationTests {

    private static final String AUBUSSON = "23008";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void fiftyOneDwellingsMakeTwoPagesOnTheGroupAndTheCampaignPages() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes Aubusson", Set.of(AUBUSSON));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add(data.housing(AUBUSSON, cols()));
        }
        long group = answer(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Aubusson\", \"housingIds\": " + ids + "}"), 201).get("group").get("id").asLong();
        long campaign = answer(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Aubusson 2026\", \"groupId\": " + group + "}"), 201).get("campaign").get("id").asLong();
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());

        for (String path : List.of("/groupes/" + group, "/campagnes/" + campaign)) {
            String first = browser.get(path).body();
            assertThat(first).as(path).contains("page 1 sur 2").contains(">1 / 2<")
                    .contains("href=\"" + path + "?page=2\"").contains("Page suivante").doesNotContain("Page précédente");
            String second = browser.get(path + "?page=2").body();
            assertThat(second).as(path).contains("page 2 sur 2").contains(">2 / 2<")
                    .contains("href=\"" + path + "?page=1\"").contains("Page précédente").doesNotContain("Page suivante");
            assertThat(browser.get(path + "?page=9").body()).as("a page past the end shows the last one").contains("page 2 sur 2");
        }
    }

    @Test
    void aDeletionIsConfirmedOnItsOwnPageThenDone() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes Aubusson suppression", Set.of(AUBUSSON));
        long housing = data.housing(AUBUSSON, cols());
        long group = answer(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"À supprimer\", \"housingIds\": [" + housing + "]}"), 201).get("group").get("id").asLong();
        long campaign = answer(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"À supprimer\", \"groupId\": " + group + "}"), 201).get("campaign").get("id").asLong();
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());

        for (String path : List.of("/campagnes/" + campaign, "/groupes/" + group)) {
            String confirmation = browser.get(path + "/suppression").body();
            assertThat(confirmation).as(path).contains("action=\"" + path + "/suppression\"").contains("name=\"_csrf\"")
                    .contains("Confirmer la suppression").contains("href=\"" + path + "\"").contains("Annuler");
            var deleted = browser.post(path + "/suppression", java.util.Map.of());
            assertThat(deleted.status()).as(path).isEqualTo(302);
            assertThat(browser.get(path).status()).as(path + " is gone").isEqualTo(404);
        }
    }
}
