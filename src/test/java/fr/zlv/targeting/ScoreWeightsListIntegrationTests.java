package fr.zlv.targeting;

import static fr.zlv.targeting.TargetingTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.scoring.PriorityScoring;
import fr.zlv.scoring.ScoreFactor;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The list shows, sorts and filters on the score the establishment's own weights give. */
@IntegrationTest
class ScoreWeightsListIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PriorityScoring scoring;
    @Autowired
    ObjectMapper json;

    @Test
    void changingAWeightChangesTheListsScoresOrderAndScoreFilter() throws Exception {
        var data = new TargetingTestData(context);
        var agent = data.agentOf("Poids", Set.of("91064", "23001"));
        // Bièvres (zone Abis): long vacancy, passoire, elderly distant multi-owner — high default score
        long tense = data.housing("910640000001", "91064", cols("vacancy_start_year", 2010, "last_lovac_year", 2025,
                "energy_label", "G", "taxed", true, "address_dgfip", new String[] {"1 RUE ZORGLUBPOIDS"}));
        long owner = data.owner("AGEE/ANNE", cols("birth_date", LocalDate.of(1940, 1, 1), "multi_owner", true));
        data.ownership(tense, owner, 1, "other-region");
        // Ahun (zone C, Petites villes de demain): recent vacancy — low default score
        long rural = data.housing("230010000001", "23001", cols("vacancy_start_year", 2022, "last_lovac_year", 2025,
                "address_dgfip", new String[] {"2 RUE ZORGLUBPOIDS"}));
        Roles.asSystem(() -> scoring.recompute(List.of("91064", "23001")));

        String list = "/api/v1/housings?query=zorglubpoids&sort=-score";
        assertThat(scores(agent.token(), list)).containsExactly(Map.entry(tense, 80), Map.entry(rural, 23));
        assertThat(scores(agent.token(), list + "&scoreMin=50")).containsOnlyKeys(tense);

        // the establishment favours programmes and vacancy: the rural dwelling now ranks first
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        Map<String, String> form = new LinkedHashMap<>();
        for (ScoreFactor factor : ScoreFactor.values()) {
            form.put("points-" + factor.code(), "0");
        }
        form.put("points-vacancy-duration", "40");
        form.put("points-programmes", "60");
        assertThat(browser.post("/score", form).status()).isEqualTo(302);

        assertThat(scores(agent.token(), list)).containsExactly(Map.entry(rural, 80), Map.entry(tense, 40));
        assertThat(scores(agent.token(), list + "&scoreMin=50")).containsOnlyKeys(rural);
        assertThat(json.readTree(browser.api("/api/v1/housings/" + rural).body()).get("score").asInt()).isEqualTo(80);
        // the list page shows the establishment's score in its column
        assertThat(browser.get("/logements?query=zorglubpoids&sort=-score&dataFileYearsIncluded=").body())
                .containsSubsequence("2 RUE ZORGLUBPOIDS", "80", "1 RUE ZORGLUBPOIDS", "40");
        // another establishment keeps the national default
        var other = data.agentOf("Défaut", Set.of("91064", "23001"));
        assertThat(scores(other.token(), list)).containsExactly(Map.entry(tense, 80), Map.entry(rural, 23));
    }

    private Map<Long, Integer> scores(String token, String path) throws Exception {
        var response = CrossTenantHarness.Browser.bearer(port, "GET", path, token, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (JsonNode item : json.readTree(response.body()).get("items")) {
            scores.put(item.get("id").asLong(), item.get("score").isNull() ? null : item.get("score").asInt());
        }
        return scores;
    }
}
