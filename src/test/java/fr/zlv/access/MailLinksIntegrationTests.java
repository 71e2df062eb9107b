package fr.zlv.access;

import static fr.zlv.access.AccessTestData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Password reset and invitation links, mailed over SMTP to GreenMail. */
@IntegrationTest
class MailLinksIntegrationTests {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    JdbcClient jdbc;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link of the last mail sent to {@code email}. */
    private static String linkIn(String email, String pathPattern) {
        List<MimeMessage> messages = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(messages).as("mails to " + email).isNotEmpty();
        String body;
        try {
            body = messages.getLast().getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Matcher matcher = Pattern.compile("http://[^/\\s]+(" + pathPattern + "[A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).as("a link in: " + body).isTrue();
        return matcher.group(1);
    }

    private static long mailsTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void aResetLinkChangesThePasswordOnceOnly() {
        var a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String email = AccessTestData.email("oubli");
        AccessTestData.user(users, email, Role.USUAL, List.of(a.id()));
        Browser browser = new Browser(port);

        var sent = browser.post("/mot-de-passe/oubli", Map.of("email", email));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Vérifiez votre messagerie");
        String link = linkIn(email, "/mot-de-passe/nouveau/");

        assertThat(browser.get(link).body()).contains("Choisir un nouveau mot de passe");
        var tooShort = browser.post(link, Map.of("password", "court", "confirmation", "court"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("au moins 12 caractères");
        var changed = browser.post(link, Map.of("password", "nouveau-mot-de-passe", "confirmation", "nouveau-mot-de-passe"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/connexion?motDePasseModifie");

        assertThat(new Browser(port).signIn(email, "nouveau-mot-de-passe").location()).doesNotContain("erreur");
        assertThat(new Browser(port).signIn(email, PASSWORD).location()).contains("erreur");
        var reused = browser.get(link);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("n'est plus valable");
        var reusedPost = browser.post(link, Map.of("password", "encore-un-autre-mdp", "confirmation", "encore-un-autre-mdp"));
        assertThat(reusedPost.status()).isEqualTo(410);
        assertThat(new Browser(port).signIn(email, "nouveau-mot-de-passe").location()).doesNotContain("erreur");
    }

    @Test
    void anExpiredResetLinkIsRefusedAndChangesNothing() {
        String email = AccessTestData.email("expire");
        AccessTestData.user(users, email, Role.VISITOR, List.of());
        Browser browser = new Browser(port);
        browser.post("/mot-de-passe/oubli", Map.of("email", email));
        String link = linkIn(email, "/mot-de-passe/nouveau/");
        jdbc.sql("update password_reset set expires_at = now() - interval '1 minute' where user_id = (select id from app_user where email = ?)")
                .param(email).update();

        var page = browser.get(link);
        var post = browser.post(link, Map.of("password", "nouveau-mot-de-passe", "confirmation", "nouveau-mot-de-passe"));

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("Lien de réinitialisation expiré", "Demander un nouveau lien");
        assertThat(post.status()).isEqualTo(410);
        assertThat(new Browser(port).signIn(email, PASSWORD).location()).doesNotContain("erreur");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String email = AccessTestData.email("inconnu");

        var sent = new Browser(port).post("/mot-de-passe/oubli", Map.of("email", email));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Si un compte existe pour cette adresse");
        assertThat(mailsTo(email)).isZero();
    }

    @Test
    void anInvitationCreatesTheAccountInTheEstablishmentOnce() {
        var b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        String admin = AccessTestData.email("admin");
        AccessTestData.user(users, admin, Role.ADMIN, List.of());
        Browser adminBrowser = new Browser(port);
        adminBrowser.signIn(admin, PASSWORD);
        String invited = AccessTestData.email("invite");

        var unknown = adminBrowser.post("/admin/utilisateurs/invitation", Map.of("email", invited, "establishment", "999999999", "role", "USUAL"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Aucune structure ne correspond");
        var invite = adminBrowser.post("/admin/utilisateurs/invitation", Map.of("email", invited, "establishment", b.siren(), "role", "USUAL"));
        assertThat(invite.status()).isEqualTo(302);
        assertThat(adminBrowser.get("/admin/utilisateurs?invitation=envoyee").body()).contains("L'invitation est envoyée");
        String link = linkIn(invited, "/invitation/");

        Browser browser = new Browser(port);
        assertThat(browser.get(link).body()).contains("Créer votre compte", b.name(), invited);
        var missingName = browser.post(link, Map.of("firstName", "", "lastName", "Invitée", "password", "mot-de-passe-invite", "confirmation", "mot-de-passe-invite"));
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.body()).contains("Le prénom est obligatoire.");
        var created = browser.post(link, Map.of("firstName", "Inès", "lastName", "Invitée", "password", "mot-de-passe-invite", "confirmation", "mot-de-passe-invite"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/connexion?compteCree");

        Browser signedIn = new Browser(port);
        assertThat(signedIn.signIn(invited, "mot-de-passe-invite").location()).doesNotContain("erreur");
        var me = AccessTestData.json(signedIn.api("/api/v1/me").body());
        assertThat(me.path("firstName").asString()).isEqualTo("Inès");
        assertThat(me.path("establishment").path("id").asLong()).isEqualTo(b.id());
        assertThat(browser.get(link).status()).isEqualTo(410);
        assertThat(adminBrowser.get("/admin/courriels").body()).contains(invited, "Envoyé");
    }

    @Test
    void anExpiredInvitationIsRefusedAndCreatesNoAccount() {
        var b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        String invited = AccessTestData.email("tardif");
        fr.zlv.shared.security.Roles.asSystem(() -> users.invite(invited, b.id(), Role.USUAL));
        String link = linkIn(invited, "/invitation/");
        jdbc.sql("update invitation set expires_at = now() - interval '1 minute' where email = ?").param(invited).update();
        Browser browser = new Browser(port);

        var page = browser.get(link);
        var post = browser.post(link, Map.of("firstName", "Tom", "lastName", "Tard", "password", "mot-de-passe-tardif", "confirmation", "mot-de-passe-tardif"));

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("Invitation expirée");
        assertThat(post.status()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from app_user where email = ?").param(invited).query(Long.class).single()).isZero();
    }
}
