package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Legal pages without signing in, from the footer; French error pages. */
@IntegrationTest
class PublicPagesBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void theLegalPagesAreReachableFromTheFooterWithoutSigningIn() {
        Page page = browser.newPage(port);
        page.navigate("/connexion");
        var footer = page.locator("footer");

        footer.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mentions légales")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/mentions-legales$"));
        assertThat(page.locator("h1")).hasText("Mentions légales");
        assertThat(page.locator("main")).containsText("Directeur de la publication");

        footer.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Données personnelles")).click();
        assertThat(page.locator("h1")).hasText("Données personnelles");
        assertThat(page.locator("main")).containsText("article L. 135 B du livre des procédures fiscales");
        assertThat(page.locator("main")).containsText("Durées de conservation");

        footer.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accessibilité : non conforme")).click();
        assertThat(page.locator("h1")).hasText("Déclaration d’accessibilité");
        assertThat(page.locator("main")).containsText("non conforme");
        assertThat(page.locator("main")).containsText("Défenseur des droits");
        // anonymous: the header offers to sign in
        assertThat(page.locator("header").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Se connecter"))).isVisible();
    }

    @Test
    void anUnknownPageAnswersInFrench() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "agent@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        var response = page.navigate("/cette-page-n-existe-pas");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page).hasTitle("Page non trouvée — Zéro Logement Vacant");
        assertThat(page.locator("h1")).hasText("Page non trouvée");
        assertThat(page.locator("main")).containsText("Erreur 404");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Page d’accueil"))).isVisible();
        // the frame is the product's, with the signed-in user's header
        assertThat(page.locator("header").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mon compte"))).isVisible();
    }

    @Test
    void theStyleSheetsScriptsAndFontsAreServed() {
        Page page = browser.newPage(port);
        for (String file : new String[] {"/dsfr/dsfr.min.css", "/dsfr/dsfr.module.min.js", "/js/htmx.min.js",
                "/dsfr/fonts/Marianne-Regular.woff2", "/dsfr/utility/icons/icons.min.css", "/dsfr/favicon/favicon.svg"}) {
            assertThat(page.request().get(file).status()).as(file).isEqualTo(200);
        }
    }
}
