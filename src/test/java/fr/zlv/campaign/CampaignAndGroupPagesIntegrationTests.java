package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.answer;
import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        var sets = groupAndCampaign("Campagnes Aubusson", 51);
        for (String path : sets.paths()) {
            String first = sets.browser().get(path).body();
            assertThat(first).as(path).contains("page 1 sur 2").contains(">1 / 2<")
                    .contains("href=\"" + path + "?page=2\"").contains("Page suivante").doesNotContain("Page précédente");
            String second = sets.browser().get(path + "?page=2").body();
            assertThat(second).as(path).contains("page 2 sur 2").contains(">2 / 2<")
                    .contains("href=\"" + path + "?page=1\"").contains("Page précédente").doesNotContain("Page suivante");
            assertThat(sets.browser().get(path + "?page=9").body()).as("a page past the end shows the last one").contains("page 2 sur 2");
        }
    }

    @Test
    void aDeletionIsConfirmedOnItsOwnPageThenDone() {
        var sets = groupAndCampaign("Campagnes Aubusson suppression", 1);
        for (String path : sets.paths()) {
            String confirmation = sets.browser().get(path + "/suppression").body();
            assertThat(confirmation).as(path).contains("action=\"" + path + "/suppression\"").contains("name=\"_csrf\"")
                    .contains("Confirmer la suppression").contains("href=\"" + path + "\"").contains("Annuler");
            var deleted = sets.browser().post(path + "/suppression", Map.of());
            assertThat(deleted.status()).as(path).isEqualTo(302);
            assertThat(sets.browser().get(path).status()).as(path + " is gone").isEqualTo(404);
        }
    }

    @Test
    void theApiPagesOfDwellingsHoldAtMost500() {
        var sets = groupAndCampaign("Campagnes Aubusson API", 1);
        for (String path : sets.apiPaths()) {
            assertThat(sets.browser().api(path + "/housings?perPage=500").status()).as(path).isEqualTo(200);
            var refused = sets.browser().api(path + "/housings?perPage=501");
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).contains("page doit valoir au moins 1 et perPage être compris entre 1 et 500.");
            assertThat(sets.browser().api(path + "/housings?page=0").status()).as(path).isEqualTo(400);
        }
    }

    /** A group's page and its campaign's page, the same in the API, and a browser signed in as their agent. */
    record Sets(List<String> paths, List<String> apiPaths, CrossTenantHarness.Browser browser) {
    }

    /** A new agent of Aubusson, a group of that many new dwellings there and a campaign of the group. */
    private Sets groupAndCampaign(String establishment, int dwellings) {
        var data = new CampaignTestData(context);
        var agent = data.agentOf(establishment, Set.of(AUBUSSON));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < dwellings; i++) {
            ids.add(data.housing(AUBUSSON, cols()));
        }
        long group = answer(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Aubusson\", \"housingIds\": " + ids + "}"), 201).get("group").get("id").asLong();
        long campaign = answer(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Aubusson 2026\", \"groupId\": " + group + "}"), 201).get("campaign").get("id").asLong();
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        return new Sets(List.of("/groupes/" + group, "/campagnes/" + campaign),
                List.of("/api/v1/groups/" + group, "/api/v1/campaigns/" + campaign), browser);
    }
}
