package fr.zlv.access;

import static fr.zlv.access.AccessTestData.PASSWORD;
import static fr.zlv.access.AccessTestData.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiTokenIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("(zlv_[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutCredentialsTheApiAnswers401JsonNotARedirect() {
        var response = Browser.bearer(port, "GET", "/api/v1/me", null, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Location")).isNull();
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(json(response.body()).path("error").asString()).contains("Authentification requise");
    }

    @Test
    void anUnknownTokenIs401Json() {
        var response = Browser.bearer(port, "GET", "/api/v1/me", "zlv_pas-un-vrai-jeton", Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(json(response.body()).path("error").asString()).contains("Jeton d'API invalide");
    }

    @Test
    void aTokenCreatedOnTheAccountPageAuthenticatesUntilItIsRevoked() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        var b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        String email = AccessTestData.email("jeton");
        AccessTestData.user(users, email, Role.USUAL, List.of(a.id(), b.id()));
        Browser browser = new Browser(port);
        browser.signIn(email, PASSWORD);

        var page = browser.post("/compte/jetons", Map.of("name", "Mon outil", "establishmentId", String.valueOf(b.id())));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Copiez ce jeton maintenant");
        var matcher = SECRET.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        String secret = matcher.group(1);
        assertThat(browser.get("/compte").body()).contains("Mon outil").doesNotContain(secret);

        var me = Browser.bearer(port, "GET", "/api/v1/me", secret, Map.of());
        assertThat(me.status()).isEqualTo(200);
        var body = json(me.body());
        assertThat(body.path("email").asString()).isEqualTo(email);
        assertThat(body.path("role").asString()).isEqualTo("USUAL");
        assertThat(body.path("establishment").path("id").asLong()).isEqualTo(b.id());
        assertThat(body.path("memberships")).hasSize(2);
        assertThat(body.path("memberships").get(0).path("siren").asString()).isEqualTo(AccessTestData.EPCI_A);
        assertThat(body.path("memberships").get(0).path("kind").asString()).isEqualTo("CC");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(secret).query(Long.class).single())
                .as("only the hash is stored").isZero();

        long id = jdbc.sql("select t.id from api_token t join app_user u on u.id = t.user_id where u.email = ? and t.name = 'Mon outil'")
                .param(email).query(Long.class).single();
        var revoked = browser.post("/compte/jetons/" + id + "/revocation", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(browser.get("/compte?jetonRevoque").body()).contains("Révoqué");
        assertThat(Browser.bearer(port, "GET", "/api/v1/me", secret, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theTokenOfASuspendedUserIsRefused() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String email = AccessTestData.email("suspendu");
        var user = AccessTestData.user(users, email, Role.USUAL, List.of(a.id()));
        String secret = Roles.asSystem(() -> tokenManagement.createFor(email, null, "outil")).secret();
        assertThat(Browser.bearer(port, "GET", "/api/v1/me", secret, Map.of()).status()).isEqualTo(200);

        Roles.asSystem(() -> {
            users.suspend(user.id());
            return null;
        });

        assertThat(Browser.bearer(port, "GET", "/api/v1/me", secret, Map.of()).status()).isEqualTo(401);
    }

    @Autowired
    ApiTokenManagement tokenManagement;

    @Test
    void aSignedInPageMayCallTheApiWithItsSessionButNotPostWithoutCsrf() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String email = AccessTestData.email("session");
        AccessTestData.user(users, email, Role.USUAL, List.of(a.id()));
        Browser browser = new Browser(port);
        browser.signIn(email, PASSWORD);

        var me = browser.api("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(json(me.body()).path("establishment").path("name").asString()).isEqualTo(a.name());

        var post = browser.postWithoutCsrf("/api/v1/me");
        assertThat(post.status()).isEqualTo(403);
        assertThat(json(post.body()).path("error").asString()).isEqualTo("Accès refusé.");
    }

    @Test
    void establishmentsAreTheMembershipsOfAnAgentAndAllOfThemForAnAdmin() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        String agent = AccessTestData.email("agent");
        AccessTestData.user(users, agent, Role.USUAL, List.of(a.id()));
        String admin = AccessTestData.email("admin");
        AccessTestData.user(users, admin, Role.ADMIN, List.of());
        String agentToken = Roles.asSystem(() -> tokenManagement.createFor(agent, null, "t")).secret();
        String adminToken = Roles.asSystem(() -> tokenManagement.createFor(admin, null, "t")).secret();

        var mine = json(Browser.bearer(port, "GET", "/api/v1/establishments", agentToken, Map.of()).body());
        var all = json(Browser.bearer(port, "GET", "/api/v1/establishments?perPage=1", adminToken, Map.of()).body());

        assertThat(mine.path("items")).hasSize(1);
        assertThat(mine.path("items").get(0).path("id").asLong()).isEqualTo(a.id());
        assertThat(all.path("items")).hasSize(1);
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(all.path("page").asInt()).isEqualTo(1);
        assertThat(all.path("perPage").asInt()).isEqualTo(1);
        var adminMe = json(Browser.bearer(port, "GET", "/api/v1/me", adminToken, Map.of()).body());
        assertThat(adminMe.path("role").asString()).isEqualTo("ADMIN");
        assertThat(adminMe.path("establishment").isNull()).isTrue();
    }
}
