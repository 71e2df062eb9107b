package fr.zlv.groups;

import static fr.zlv.groups.GroupTestData.call;
import static fr.zlv.groups.GroupTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Groups through the API and the pages: creation from a selection, counters, changes, history, privacy. */
@IntegrationTest
class GroupIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void aGroupKeepsItsCountersAndHistoryAsDwellingsComeAndGo() {
        var data = new GroupTestData(context);
        var agent = data.agentOf("Groupes Creuse", Set.of("23007", "23002"));
        var other = data.agentOf("Groupes Alleyrat", Set.of("23003"));
        long h1 = data.housing("23007", cols());
        long h2 = data.housing("23007", cols());
        long h3 = data.housing("23007", cols());
        long h4 = data.housing("23007", cols());
        long h5 = data.housing("23002", cols("occupancy", "L"));
        long outside = data.housing("23003", cols());
        long o1 = data.owner("MARTIN/JEANNE", cols());
        long o2 = data.owner("DURAND/PAUL", cols());
        long o3 = data.owner("PETIT/LUC", cols());
        data.ownership(h1, o1, 1);
        data.ownership(h2, o1, 1);
        data.ownership(h3, o2, 1);
        data.ownership(h3, o3, 2);
        data.ownership(h5, o3, 1);

        // explicit ids: the dwelling outside the territory is ignored
        JsonNode created = body(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Centre-bourg\", \"description\": \"Priorité 2025\", \"housingIds\": [" + h1 + ", " + h2 + ", " + outside + "]}"), 201);
        long id = created.get("group").get("id").asLong();
        assertThat(created.get("changed").asInt()).isEqualTo(2);
        assertThat(created.get("group").get("housingCount").asInt()).isEqualTo(2);
        assertThat(created.get("group").get("ownerCount").asInt()).isEqualTo(1);

        // all matching a filter except some: h1, h2 already in, h4 excepted → only h3 added
        JsonNode added = body(call(port, agent.token(), "POST", "/api/v1/groups/" + id + "/housings",
                "{\"allMatching\": true, \"filter\": \"localities=23007\", \"exceptIds\": [" + h4 + "]}"), 200);
        assertThat(added.get("changed").asInt()).isEqualTo(1);
        assertThat(added.get("group").get("housingCount").asInt()).isEqualTo(3);
        assertThat(added.get("group").get("ownerCount").asInt()).isEqualTo(2);

        JsonNode removed = body(call(port, agent.token(), "DELETE", "/api/v1/groups/" + id + "/housings?ids=" + h1, null), 200);
        assertThat(removed.get("changed").asInt()).isEqualTo(1);
        assertThat(removed.get("group").get("housingCount").asInt()).isEqualTo(2);
        assertThat(removed.get("group").get("ownerCount").asInt()).isEqualTo(2);

        JsonNode renamed = body(call(port, agent.token(), "PATCH", "/api/v1/groups/" + id, "{\"name\": \"Centre-bourg d'Ahun\"}"), 200);
        assertThat(renamed.get("name").asText()).isEqualTo("Centre-bourg d'Ahun");
        assertThat(renamed.get("description").asText()).isEqualTo("Priorité 2025");

        JsonNode housings = body(call(port, agent.token(), "GET", "/api/v1/groups/" + id + "/housings?perPage=1", null), 200);
        assertThat(housings.get("total").asInt()).isEqualTo(2);
        assertThat(housings.get("items")).hasSize(1);
        assertThat(housings.get("items").get(0).get("id").asLong()).isEqualTo(h2);

        assertThat(jdbc.sql("select kind from housing_group_event where group_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("group-created", "group-housings-added", "group-housings-added", "group-housings-removed", "group-updated");

        // private to the establishment
        assertThat(call(port, other.token(), "GET", "/api/v1/groups/" + id, null).statusCode()).isEqualTo(404);
        assertThat(new String(call(port, other.token(), "GET", "/api/v1/groups", null).body(), StandardCharsets.UTF_8))
                .doesNotContain("Centre-bourg");

        // the list page shows the stored counters
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.get("/groupes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Centre-bourg d'Ahun");
        var show = browser.get("/groupes/" + id);
        assertThat(show.body()).contains("Priorité 2025").contains(data.localId(h2)).contains("Logements ajoutés").contains("Groupe renommé");

        // archive, then delete
        JsonNode archived = body(call(port, agent.token(), "PATCH", "/api/v1/groups/" + id, "{\"archived\": true}"), 200);
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(new String(call(port, agent.token(), "GET", "/api/v1/groups", null).body(), StandardCharsets.UTF_8)).doesNotContain("Centre-bourg");
        assertThat(new String(call(port, agent.token(), "GET", "/api/v1/groups?archived=true", null).body(), StandardCharsets.UTF_8)).contains("Centre-bourg");
        assertThat(call(port, agent.token(), "DELETE", "/api/v1/groups/" + id, null).statusCode()).isEqualTo(204);
        assertThat(call(port, agent.token(), "GET", "/api/v1/groups/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithAFrenchMessageAndNothingIsCreated() {
        var data = new GroupTestData(context);
        var agent = data.agentOf("Groupes erreurs", Set.of("23002"));
        var blank = call(port, agent.token(), "POST", "/api/v1/groups", "{\"name\": \"  \", \"housingIds\": []}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(new String(blank.body(), StandardCharsets.UTF_8)).contains("Le nom du groupe est obligatoire.");
        var unknownFilter = call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Filtre\", \"allMatching\": true, \"filter\": \"couleur=bleu\"}");
        assertThat(unknownFilter.statusCode()).isEqualTo(400);
        assertThat(new String(unknownFilter.body(), StandardCharsets.UTF_8)).contains("couleur");
        var notJson = call(port, agent.token(), "POST", "/api/v1/groups", "nom=x");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from housing_group where establishment_id = ?").param(agent.establishment().id())
                .query(Long.class).single()).isZero();

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.post("/groupes", Map.of("name", ""));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Le nom du groupe est obligatoire.");
    }

    private JsonNode body(java.net.http.HttpResponse<byte[]> response, int status) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(text).isEqualTo(status);
        return json.readTree(text);
    }
}
