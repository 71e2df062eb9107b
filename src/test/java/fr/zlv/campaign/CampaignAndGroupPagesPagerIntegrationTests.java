package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The group page and the campaign page show their dwellings 50 a page, with the same DSFR pagination
 * (in Aubusson, a commune no other test uses).
 */
@IntegrationTest
class CampaignAndGroupPagesPagerIntegrationTests {

    private static final String AUBUSSON = "23008";

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
    @Autowired
    ObjectMapper json;

    @Test
    void fiftyOneDwellingsMakeTwoPagesOnTheGroupAndTheCampaignPages() {
        var data = new CampaignTestData(jdbc, users, establishments, tokens);
        var agent = data.agentOf("Campagnes Aubusson", Set.of(AUBUSSON));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add(data.housing(AUBUSSON, cols()));
        }
        long group = id(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Aubusson\", \"housingIds\": " + ids + "}"), "group");
        long campaign = id(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Aubusson 2026\", \"groupId\": " + group + "}"), "campaign");
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

    private long id(java.net.http.HttpResponse<byte[]> response, String field) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(text).isEqualTo(201);
        return json.readTree(text).get(field).get("id").asLong();
    }
}
