package fr.zlv.campaign.letter;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The letter of a campaign through the API and the pages: saved sanitised, printed, read back from the PDF. */
@IntegrationTest
class LetterIntegrationTests {

    private static final String DIRTY_BODY = "<p>Madame, Monsieur {{proprietaire.nom}},</p><script>alert('INJECTÉ')</script>"
            + "<p onmouseover=\"alert(1)\">Votre logement {{logement.adresse}} ({{logement.surface}}, {{logement.type}}) "
            + "<img src=x onerror=\"alert('ONERROR')\"> coûte 1 000 € à l’œil.</p>";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void theApiSavesASanitisedLetterAndPrintsOneLetterPerContactableOwner() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Courriers Creuse", Set.of("23004", "23002"));
        long campaign = data.campaign(agent.establishment().id(), "Campagne lettres API");
        long martin = data.dwelling(campaign, "23004", "3 RUE DU MOULIN", "MARTIN JEANNE", false);
        long lefevre = data.dwelling(campaign, "23002", "8 PLACE DE L'ÉGLISE", "LEFÈVRE FRANÇOISE", false);
        long secret = data.dwelling(campaign, "23004", "1 IMPASSE DISCRÈTE", "NEPASCONTACTER PAUL", true);
        long orphan = data.dwelling(campaign, "23004", "5 RUE SANS PROPRIÉTAIRE", null, false);

        String put = json.writeValueAsString(Map.of("senderName", "Mairie de Cœur", "subject", "Votre logement {{logement.adresse}}",
                "writtenAt", "Guéret", "writtenOn", "2026-03-01", "bodyHtml", DIRTY_BODY));
        var saved = LetterTestData.call(port, agent.token(), "PUT", "/api/v1/campaigns/" + campaign + "/letter", put);
        assertThat(saved.statusCode()).isEqualTo(200);
        String storedBody = jdbc.sql("select body_html from letter_settings where campaign_id = ?").param(campaign)
                .query(String.class).single();
        assertThat(storedBody).contains("{{proprietaire.nom}}").doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onmouseover").doesNotContain("INJECTÉ");
        JsonNode got = json.readTree(LetterTestData.call(port, agent.token(), "GET", "/api/v1/campaigns/" + campaign + "/letter", null).body());
        assertThat(got.get("senderName").asString()).isEqualTo("Mairie de Cœur");
        assertThat(got.get("bodyHtml").asString()).doesNotContainIgnoringCase("script");

        JsonNode excluded = json.readTree(LetterTestData.call(port, agent.token(), "GET",
                "/api/v1/campaigns/" + campaign + "/letters/excluded", null).body());
        assertThat(excluded.get("count").asInt()).isEqualTo(2);
        assertThat(excluded.get("items").findValuesAsString("housingId")).containsExactlyInAnyOrder(
                String.valueOf(secret), String.valueOf(orphan));

        var pdf = LetterTestData.call(port, agent.token(), "GET", "/api/v1/campaigns/" + campaign + "/letters.pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("X-Letters")).contains("2");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = LetterRenderingTests.text(document, 1);
            String second = LetterRenderingTests.text(document, 2);
            String martinCode = OwnerAccessCodes.display(data.code(campaign, martin));
            String lefevreCode = OwnerAccessCodes.display(data.code(campaign, lefevre));
            assertThat(first).contains("MARTIN JEANNE").contains("3 RUE DU MOULIN").contains(martinCode)
                    .contains("72,5 m²").contains("Maison").contains("1 000 €").contains("l’œil")
                    .doesNotContain(lefevreCode).doesNotContain("LEFÈVRE");
            assertThat(second).contains("LEFÈVRE FRANÇOISE").contains(lefevreCode).doesNotContain(martinCode);
            String all = first + second;
            assertThat(all).doesNotContain("NEPASCONTACTER").doesNotContain("SANS PROPRIÉTAIRE")
                    .doesNotContain("INJECTÉ").doesNotContain("ONERROR").doesNotContain("alert");
        }
        assertThat(jdbc.sql("select count(*) from personal_data_access where action = ? and subject_id = ?")
                .params(LetterPrinting.AUDIT_ACTION, String.valueOf(campaign)).query(Long.class).single()).isEqualTo(1);

        // printing again reuses the same codes
        String before = data.code(campaign, martin);
        LetterTestData.call(port, agent.token(), "GET", "/api/v1/campaigns/" + campaign + "/letters.pdf", null);
        assertThat(data.code(campaign, martin)).isEqualTo(before);
    }

    @Test
    void theEditorPageSavesDefaultsAndAScriptNeverReachesThePageOrThePreview() {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Courriers page", Set.of("23004"));
        long campaign = data.campaign(agent.establishment().id(), "Campagne lettres page");
        data.dwelling(campaign, "23004", "9 RUE DES ÉCOLES", "DURAND LOUISE", false);
        Browser browser = new Browser(port);
        browser.signIn(agent.email(), agent.password());

        var defaults = browser.post("/parametres/courrier", Map.of("senderName", "Communauté de communes Creuse Sud",
                "senderEmail", "habitat@creuse.example.fr", "signatory1Name", "Anne Bernard", "signatory1Role", "Présidente"));
        assertThat(defaults.status()).isEqualTo(302);
        var page = browser.get("/campagnes/" + campaign + "/courrier");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Communauté de communes Creuse Sud").contains("Anne Bernard")
                .containsPattern("<strong>1</strong>\\s*<span> courrier à imprimer");

        var bad = browser.post("/campagnes/" + campaign + "/courrier", Map.of("senderEmail", "pas-une-adresse",
                "bodyHtml", "<p>Texte gardé</p>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Adresse électronique de l'expéditeur : saisissez une adresse au format nom@domaine.fr.");
        assertThat(jdbc.sql("select count(*) from letter_settings where campaign_id = ?").param(campaign).query(Long.class).single())
                .isZero();

        var ok = browser.post("/campagnes/" + campaign + "/courrier", Map.of("senderName", "CC Creuse Sud",
                "bodyHtml", "<p>Bonjour {{proprietaire.nom}}</p><script>alert('PAGE')</script><img src=x onerror=alert(2)>"));
        assertThat(ok.status()).isEqualTo(302);
        String shown = browser.get("/campagnes/" + campaign + "/courrier").body();
        assertThat(shown).doesNotContain("alert('PAGE')").doesNotContain("onerror=alert");
        var preview = browser.post("/campagnes/" + campaign + "/courrier/apercu", Map.of("bodyHtml",
                "<p>Bonjour {{proprietaire.nom}}</p><script>alert('APERCU')</script><img src=x onerror=alert(3)>"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Bonjour DURAND LOUISE").contains("12 RUE DES LILAS")
                .doesNotContain("script").doesNotContain("onerror");
    }
}
