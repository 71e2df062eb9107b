package fr.zlv.access;

import static fr.zlv.access.AccessTestData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    JdbcClient jdbc;

    private String usual() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String email = AccessTestData.email("agent");
        AccessTestData.user(users, email, Role.USUAL, List.of(a.id()));
        return email;
    }

    @Test
    void theRightPasswordSignsInAndTheSessionIsStoredInPostgresql() {
        String email = usual();
        Browser browser = new Browser(port);

        var response = browser.signIn(email.toUpperCase(), PASSWORD);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).doesNotContain("erreur");
        var account = browser.get("/compte");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("Mon compte", email, "CC Faucigny");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedWithAFrenchMessage() {
        String email = usual();
        Browser browser = new Browser(port);

        var response = browser.signIn(email, "pas-le-bon-mot-de-passe");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/connexion?erreur=identifiants");
        assertThat(browser.get("/connexion?erreur=identifiants").body()).contains("Adresse électronique ou mot de passe incorrect.");
        assertThat(browser.get("/compte").status()).isEqualTo(302);
    }

    @Test
    void fiveFailuresLockTheAccountFifteenMinutesEvenForTheRightPassword() {
        String email = usual();
        Browser browser = new Browser(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.signIn(email, "mauvais-" + i).location()).as("attempt " + i).endsWith("erreur=identifiants");
        }

        assertThat(browser.signIn(email, "mauvais-5").location()).endsWith("erreur=verrouille");
        var locked = browser.signIn(email, PASSWORD);

        assertThat(locked.location()).endsWith("erreur=verrouille");
        assertThat(browser.get("/connexion?erreur=verrouille").body())
                .contains("Après 5 tentatives infructueuses, votre compte est verrouillé pendant 15 minutes.");
        OffsetDateTime until = jdbc.sql("select locked_until from app_user where email = ?").param(email)
                .query(OffsetDateTime.class).single();
        assertThat(until).isBetween(OffsetDateTime.now().plusMinutes(14), OffsetDateTime.now().plusMinutes(16));

        // once the 15 minutes are over, the right password works again
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where email = ?").param(email).update();
        assertThat(browser.signIn(email, PASSWORD).location()).doesNotContain("erreur");
    }

    @Test
    void aSuspendedUserCannotSignInAndLosesItsOpenSession() {
        String email = usual();
        Browser browser = new Browser(port);
        assertThat(browser.signIn(email, PASSWORD).location()).doesNotContain("erreur");
        long id = Roles.asSystem(() -> users.findByEmail(email)).orElseThrow().id();

        Roles.asSystem(() -> {
            users.suspend(id);
            return null;
        });

        assertThat(browser.get("/compte").status()).isEqualTo(302);
        assertThat(new Browser(port).signIn(email, PASSWORD).location()).endsWith("erreur=suspendu");
        Roles.asSystem(() -> {
            users.reactivate(id);
            return null;
        });
        assertThat(new Browser(port).signIn(email, PASSWORD).location()).doesNotContain("erreur");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        var response = new Browser(port).get("/compte");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/connexion");
    }

    @Test
    void aUsualUserCannotOpenAdminPagesButAnAdminCan() {
        String agent = usual();
        Browser browser = new Browser(port);
        browser.signIn(agent, PASSWORD);

        assertThat(browser.get("/admin/utilisateurs").status()).isEqualTo(403);
        assertThat(browser.get("/admin/courriels").status()).isEqualTo(403);
        assertThat(browser.post("/admin/utilisateurs/invitation", Map.of("email", "x@y.fr", "establishment", "29232", "role", "ADMIN")).status())
                .isEqualTo(403);

        String admin = AccessTestData.email("admin");
        AccessTestData.user(users, admin, Role.ADMIN, List.of());
        Browser adminBrowser = new Browser(port);
        adminBrowser.signIn(admin, PASSWORD);
        var page = adminBrowser.get("/admin/utilisateurs?q=" + agent);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Utilisateurs", agent);
    }

    @Test
    void signOutEndsTheSession() {
        String email = usual();
        Browser browser = new Browser(port);
        browser.signIn(email, PASSWORD);

        var response = browser.post("/deconnexion", Map.of());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/connexion?deconnexion");
        assertThat(browser.get("/compte").status()).isEqualTo(302);
    }

    @Test
    void pagesCarrySecureHeaders() {
        var response = new Browser(port).get("/connexion");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).contains("Connexion à Zéro Logement Vacant", "name=\"_csrf\"");
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() {
        String email = usual();
        var response = Browser.bearer(port, "POST", "/connexion", null, Map.of("email", email, "password", PASSWORD));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void withoutSmtpServerAnInvitationIsKeptInTheOutboxForAdmins() {
        var b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        String invited = AccessTestData.email("invite");
        Roles.asSystem(() -> users.invite(invited, b.id(), Role.USUAL));
        String admin = AccessTestData.email("admin");
        AccessTestData.user(users, admin, Role.ADMIN, List.of());
        Browser browser = new Browser(port);
        browser.signIn(admin, PASSWORD);

        var page = browser.get("/admin/courriels");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(invited, "Invitation à rejoindre Zéro Logement Vacant",
                "Conservé (pas de serveur SMTP)", "/invitation/");
    }

    @Test
    void anAdminNarrowsAPerimeterAndSuspendsAUserFromItsPage() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String agent = AccessTestData.email("fiche");
        long id = AccessTestData.user(users, agent, Role.USUAL, List.of(a.id())).id();
        String admin = AccessTestData.email("admin");
        AccessTestData.user(users, admin, Role.ADMIN, List.of());
        Browser browser = new Browser(port);
        browser.signIn(admin, PASSWORD);

        assertThat(browser.get("/admin/utilisateurs/" + id).body()).contains(agent, "Accès à tout le périmètre de la structure.");
        var refused = browser.post("/admin/utilisateurs/" + id + "/perimetre", Map.of("establishmentId", String.valueOf(a.id()), "communes", "74042, 29232"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Ces communes ne font pas partie du périmètre de la structure : 29232.");
        assertThat(browser.post("/admin/utilisateurs/" + id + "/perimetre", Map.of("establishmentId", String.valueOf(a.id()), "communes", "74042")).status())
                .isEqualTo(302);
        assertThat(browser.get("/admin/utilisateurs/" + id + "?ok=perimetre").body()).contains("Accès limité aux communes : 74042");

        assertThat(browser.post("/admin/utilisateurs/" + id + "/suspension", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/admin/utilisateurs/" + id + "?ok=suspendu").body()).contains("Suspendu", "Réactiver le compte");
        assertThat(new Browser(port).signIn(agent, PASSWORD).location()).endsWith("erreur=suspendu");
    }
}
