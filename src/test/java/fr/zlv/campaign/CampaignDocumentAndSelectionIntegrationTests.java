package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Campaign documents (same rules as the dwellings' documents) and the creation of a campaign from the
 * housing list's selection ("all matching the filter except these ids") through the page's form.
 */
@IntegrationTest
class CampaignDocumentAndSelectionIntegrationTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void aDocumentIsAttachedDownloadedAndDeletedAndAnUnknownTypeIsRefused() throws Exception {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes documents", Set.of("23004"));
        long h = data.housing("23004", cols());
        long id = json.readTree(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Avec documents\", \"housingIds\": [" + h + "]}").body()).get("campaign").get("id").asLong();

        var uploaded = upload(agent.token(), id, "courrier-type.pdf", PDF);
        assertThat(uploaded.statusCode()).as(new String(uploaded.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        long documentId = json.readTree(uploaded.body()).get("id").asLong();
        assertThat(json.readTree(uploaded.body()).get("contentType").asString()).isEqualTo("application/pdf");

        var refused = upload(agent.token(), id, "script.exe", "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("script.exe");

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.get("/campagnes/" + id + "/documents");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("courrier-type.pdf").contains("Destinataires").contains("Courrier").contains("Réponses");
        var download = call(port, agent.token(), "GET", "/api/v1/campaigns/" + id + "/documents/" + documentId, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);

        var deleted = browser.post("/campagnes/" + id + "/documents/" + documentId + "/suppression", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(browser.get("/campagnes/" + id + "/documents").body()).contains("Aucun document joint");
        assertThat(jdbc.sql("select kind from campaign_event where campaign_id = ? order by id").param(id).query(String.class).list())
                .contains("document-added", "document-deleted");
    }

    @Test
    void theListsSelectionFormCreatesACampaignOfAllMatchingDwellingsExceptSome() {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Campagnes sélection", Set.of("23006"));
        long vacant1 = data.housing("23006", cols("occupancy", "V"));
        long vacant2 = data.housing("23006", cols("occupancy", "V"));
        long excepted = data.housing("23006", cols("occupancy", "V"));
        data.housing("23006", cols("occupancy", "L"));
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());

        var missingTitle = browser.post("/campagnes", Map.of("allMatching", "true", "filter", "localities=23006&occupancies=V"));
        assertThat(missingTitle.status()).isEqualTo(400);
        assertThat(missingTitle.body()).contains("Le titre de la campagne est obligatoire.")
                .contains("localities=23006");

        var created = browser.post("/campagnes", Map.of("name", "Vacants à Arrènes", "allMatching", "true",
                "filter", "localities=23006&occupancies=V", "exceptIds", String.valueOf(excepted)));
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/campagnes/(\\d+).*", "$1"));
        assertThat(jdbc.sql("select housing_id from campaign_housing where campaign_id = ? order by housing_id").param(id)
                .query(Long.class).list()).containsExactly(vacant1, vacant2);
        assertThat(browser.get("/campagnes/" + id).body()).contains("Vacants à Arrènes").contains("2 destinataires");

        var badFilter = browser.post("/campagnes", Map.of("title", "Filtre", "allMatching", "true", "filter", "couleur=rouge"));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("couleur");
    }

    private HttpResponse<byte[]> upload(String token, long campaignId, String fileName, byte[] content) throws Exception {
        String boundary = "zlv" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/campaigns/" + campaignId + "/documents"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
