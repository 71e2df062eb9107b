package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/communes?q=}: the national reference, over real HTTP with a USUAL user's token. */
@IntegrationTest
class CommuneApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    EstablishmentManagement establishments;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void aUsualUserOfSaintEtienneWithAToken() {
        String email = "communes-" + UUID.randomUUID() + "@test.zlv.fr";
        token = Roles.asSystem(() -> {
            Establishment saintEtienne = establishments.createFromReference("42218");
            users.upsertUser(email, "Camille", "Test", Role.USUAL, List.of(saintEtienne.id()), null);
            return tokens.createFor(email, saintEtienne.siren(), "test communes").secret();
        });
    }

    private HttpResponse<String> get(String q, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/communes?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void findsCommunesOfTheWholeCountryByNameWithoutAccents() throws Exception {
        HttpResponse<String> response = get("Saint-Etienne", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = JsonMapper.builder().build().readTree(response.body()).path("items").get(0);
        assertThat(first.path("code").asString()).isEqualTo("42218");
        assertThat(first.path("name").asString()).isEqualTo("Saint-Étienne");
        assertThat(first.path("departement").asString()).isEqualTo("42");
        assertThat(first.path("epciSiren").asString()).isEqualTo("244200770");
        assertThat(first.path("population").asInt()).isEqualTo(173_136);

        // reference geography is national: another territory's commune is found too
        JsonNode lyon = JsonMapper.builder().build().readTree(get("69383", token).body()).path("items");
        assertThat(lyon).hasSize(1);
        assertThat(lyon.get(0).path("code").asString()).isEqualTo("69123");
    }

    @Test
    void anEmptyQueryGivesAnEmptyList() throws Exception {
        HttpResponse<String> response = get("", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void withoutCredentialsTheAnswerIs401() throws Exception {
        assertThat(get("lyon", null).statusCode()).isEqualTo(401);
    }
}
