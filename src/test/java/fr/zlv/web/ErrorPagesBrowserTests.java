package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Server faults and refused requests: French pages and JSON, an error id that is in the log, never
 * a stack trace. The failing endpoints exist only while these tests run (registered at run time, so
 * that no other test's endpoint scan ever sees them).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesBrowserTests {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private final RequestMappingHandlerMapping mappings;
    private final ApiTokenManagement tokens;

    @Autowired
    ErrorPagesBrowserTests(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, ApiTokenManagement tokens) {
        this.mappings = mappings;
        this.tokens = tokens;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Failures failures = new Failures();
    private RequestMappingInfo pageFailure;
    private RequestMappingInfo apiFailure;
    private RequestMappingInfo apiNumber;

    /** Endpoints that fail on purpose. */
    static class Failures {
        String fail() {
            throw new IllegalStateException("panne simulée : détail interne à ne jamais montrer");
        }

        String number(@RequestParam int n) {
            return "ok " + n;
        }
    }

    @BeforeEach
    void registerFailingEndpoints() throws Exception {
        Method fail = Failures.class.getDeclaredMethod("fail");
        Method number = Failures.class.getDeclaredMethod("number", int.class);
        var options = mappings.getBuilderConfiguration();
        pageFailure = RequestMappingInfo.paths("/essai/panne").methods(RequestMethod.GET).options(options).build();
        apiFailure = RequestMappingInfo.paths("/api/v1/essai/panne").methods(RequestMethod.GET).options(options).build();
        apiNumber = RequestMappingInfo.paths("/api/v1/essai/nombre").methods(RequestMethod.GET).options(options).build();
        mappings.registerMapping(pageFailure, failures, fail);
        mappings.registerMapping(apiFailure, failures, fail);
        mappings.registerMapping(apiNumber, failures, number);
    }

    @AfterEach
    void unregisterFailingEndpoints() {
        mappings.unregisterMapping(pageFailure);
        mappings.unregisterMapping(apiFailure);
        mappings.unregisterMapping(apiNumber);
    }

    @Test
    void aServerFaultShowsAFrenchPageWithTheIdOfTheLoggedError(CapturedOutput output) {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "agent@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);

        var response = page.navigate("/essai/panne");
        assertThat(response.status()).isEqualTo(500);
        assertThat(page.locator("h1")).hasText("Erreur inattendue");
        String id = page.locator("#identifiant-erreur strong").textContent();
        assertThat(id).matches("[0-9A-F]{8}");
        assertThat(page.content()).doesNotContain("IllegalStateException").doesNotContain("panne simulée");
        assertThat(output.getAll()).contains("Erreur " + id).contains("panne simulée");
    }

    @Test
    void apiErrorsAreJsonWithAFrenchMessageAndAnId(CapturedOutput output) throws Exception {
        String secret = Roles.asSystem(() -> tokens.createFor("agent@demo.zlv.fr", null, "essai des erreurs")).secret();
        var bearer = RequestOptions.create().setHeader("Authorization", "Bearer " + secret);
        Page page = browser.newPage(port);

        APIResponse fault = page.request().get("/api/v1/essai/panne", bearer);
        assertThat(fault.status()).isEqualTo(500);
        JsonNode body = json.readTree(fault.text());
        assertThat(body.get("error").asString()).isEqualTo("Erreur interne du serveur");
        String id = body.get("id").asString();
        assertThat(fault.text()).doesNotContain("panne simulée").doesNotContain("Exception");
        assertThat(output.getAll()).contains("Erreur " + id);

        APIResponse unknown = page.request().get("/api/v1/essai/inexistant", bearer);
        assertThat(unknown.status()).isEqualTo(404);
        body = json.readTree(unknown.text());
        assertThat(body.get("error").asString()).isEqualTo("Ressource introuvable");
        assertThat(body.get("id").asString()).matches("[0-9A-F]{8}");

        APIResponse badNumber = page.request().get("/api/v1/essai/nombre?n=douze", bearer);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(json.readTree(badNumber.text()).get("error").asString())
                .isEqualTo("La valeur « douze » du paramètre « n » n'est pas valide.");

        APIResponse missing = page.request().get("/api/v1/essai/nombre", bearer);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json.readTree(missing.text()).get("error").asString())
                .isEqualTo("Le paramètre « n » est obligatoire.");

        APIResponse wrongMethod = page.request().delete("/api/v1/essai/nombre", bearer);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(json.readTree(wrongMethod.text()).get("error").asString()).isEqualTo("Méthode non autorisée");
    }
}
