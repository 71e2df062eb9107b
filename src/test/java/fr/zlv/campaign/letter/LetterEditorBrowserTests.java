package fr.zlv.campaign.letter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An agent writes a campaign's letter in the editor (bold, a variable, a logo), sees the preview, prints the letters. */
@IntegrationTest
class LetterEditorBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void anAgentWritesTheLetterWithAVariableAndTheOwnersNameShowsInThePreviewAndThePdf() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Courriers navigateur", Set.of("23004"));
        long campaign = data.campaign(agent.establishment().id(), "Campagne du navigateur");
        data.dwelling(campaign, "23004", "2 RUE DU NAVIGATEUR", "BLANC HÉLÈNE", false);
        data.dwelling(campaign, "23004", "4 RUE DISCRÈTE", "ROUX INTERDIT", true);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/campagnes/" + campaign + "/courrier");
        assertThat(page.locator("h1")).hasText("Campagne du navigateur");
        assertThat(page.locator("#logements-exclus")).containsText("ROUX INTERDIT");
        assertThat(page.locator("#logements-exclus")).containsText("Propriétaire à ne pas contacter");

        page.getByLabel("Nom de l’expéditeur").fill("Mairie de Chambon");
        page.getByLabel("Logo 1").setInputFiles(new FilePayload("logo.png", "image/png", PNG));
        var body = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Corps du courrier"));
        body.click();
        page.keyboard().type("Bonjour ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gras")).click();
        page.keyboard().type("cher propriétaire");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gras")).click();
        page.keyboard().type(", ");
        page.getByLabel("Variable à insérer").selectOption("{{proprietaire.nom}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insérer une variable")).click();
        page.keyboard().type(" : votre logement nous intéresse.");

        assertThat(page.locator("#apercu-courrier")).containsText("Bonjour cher propriétaire, BLANC HÉLÈNE : votre logement nous intéresse.");
        assertThat(page.locator("#apercu-courrier strong").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("cher propriétaire"))).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le courrier")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Le courrier a été enregistré.");
        String stored = jdbc.sql("select body_html from letter_settings where campaign_id = ?").param(campaign)
                .query(String.class).single();
        assertThat(stored).contains("<strong>cher propriétaire</strong>").contains("{{proprietaire.nom}}");
        assertThat(page.locator("#apercu-courrier")).containsText("BLANC HÉLÈNE");
        assertThat(page.locator("#apercu-courrier img[alt='Logo']")).hasCount(1);

        Download download = page.waitForDownload(() -> page.locator("#telecharger-courriers").click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = LetterRenderingTests.text(document, 1);
            assertThat(text).contains("Bonjour cher propriétaire, BLANC HÉLÈNE").contains("Mairie de Chambon")
                    .doesNotContain("ROUX INTERDIT");
        }
    }
}
