package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description and its browsable page are public, so partners can read them before having a token. */
@IntegrationTest
class ApiDocumentationBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void theDescriptionListsTheFoundationEndpoints() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains("\"/api/v1/me\"", "\"/api/v1/establishments\"", "\"/api/v1/communes\"", "bearer");
    }

    @Test
    void theBrowsablePageShowsTheApi() {
        Page page = browser.newPage(port);
        page.navigate("/api/v1/docs");
        assertThat(page.locator(".swagger-ui .title")).containsText("Zéro Logement Vacant");
        assertThat(page.locator("#swagger-ui")).containsText("/api/v1/communes");
    }
}
