package fr.zlv.ownerportal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An owner answers on a phone-sized browser; the agent sees the answer on the dwelling and on the
 * campaign, confirms a proposed exit, and the establishment's digest reaches GreenMail.
 */
@IntegrationTest
class OwnerPortalBrowserTests extends OwnerPortalTestCase {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    OwnerAnswerDigest digest;

    @Override
    String agentCommune() {
        return OwnerPortalTestData.LONS;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bodiesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(email)).map(m -> {
            try {
                return m.getSubject() + "\n" + m.getContent().toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** DSFR draws its own radios and checkboxes over the inputs: the owner clicks the label. */
    private static void tick(Page page, String label) {
        page.locator("label").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    private Page phone() {
        Page page = browser.newPage(port);
        page.setViewportSize(375, 740);
        return page;
    }

    @Test
    void anOwnerAnswersAndTheAgentSeesItOnTheDwellingAndInTheDigest() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.LONS, 1, "21 RUE DE LA REPONSE", "Printemps 2026");
        Page owner = phone();
        owner.navigate("/proprietaire");
        assertThat(owner.locator("#vos-donnees-section")).containsText("mission d’intérêt public");
        assertThat(owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Données personnelles").setExact(true)).first())
                .isVisible();

        // a typo first: the message is focused and tied to the field
        owner.getByLabel("Code personnel").fill("ABCD-EFGH-JKMN");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        assertThat(owner.locator("#erreurs")).isFocused();
        assertThat(owner.locator("#code")).hasAttribute("aria-describedby", "code-aide code-erreur");
        assertThat(owner.locator("#code-erreur")).containsText("n'est pas valide ou n'est plus valable");

        owner.getByLabel("Code personnel").fill(letter.code().toLowerCase());
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        owner.waitForURL("**/proprietaire/reponse");
        assertThat(owner.locator("#adresse-logement")).hasText("21 RUE DE LA REPONSE 39300 VILLE, Lons-le-Saunier");
        assertThat(owner.locator("#etablissement")).hasText(agent.establishment().name());
        assertThat(owner.locator("#responsable")).hasText(agent.establishment().name());
        assertThat(owner.locator("#duree-conservation")).hasText(String.valueOf(AnswerChoices.CONTACT_RETENTION_YEARS));
        assertThat(owner.locator("main")).not().containsText("SECRETNOM");
        assertThat(owner.locator("main")).not().containsText("JOSIANE");

        // sending nothing: the summary is focused and lists the questions to answer
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse")).click();
        assertThat(owner.locator("#erreurs")).isFocused();
        assertThat(owner.locator("#erreurs")).containsText("Indiquez si le logement est toujours vacant.");
        assertThat(owner.locator("#question-vacant")).hasAttribute("aria-describedby", "vacant-erreur");

        tick(owner, "Oui, il est toujours vacant");
        tick(owner, "Y faire des travaux");
        tick(owner, "Une succession est en cours");
        owner.locator("#telephone").fill("06 12 34 56 78");
        owner.locator("#courriel").fill("josiane@exemple.fr");
        tick(owner, "me recontacte avec ces");
        owner.locator("#commentaire").fill("Travaux de toiture prévus cet été.");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse")).click();
        owner.waitForURL("**/proprietaire/merci");
        assertThat(owner.locator("h1")).hasText("Merci pour votre réponse");
        assertThat(owner.locator("main")).containsText(agent.establishment().name() + " a bien reçu votre réponse");

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/logements/" + letter.housingId());
        assertThat(page.locator("#badge-statut")).hasText("Premier contact");
        assertThat(page.locator("#evenements")).containsText("Réponse du propriétaire en ligne : logement toujours vacant ; "
                + "intention : y faire des travaux ; difficultés : une succession est en cours ; souhaite être recontacté.");
        assertThat(page.locator("#evenements")).containsText("Statut : « En attente de retour » → « Premier contact »");
        assertThat(page.locator("#evenements")).not().containsText("06 12 34 56 78");

        page.navigate("/campagnes/" + letter.campaignId() + "/reponses");
        assertThat(page.locator("#onglets-campagne a[aria-current=page]")).hasText("Réponses");
        assertThat(page.locator("#reponses")).containsText("21 RUE DE LA REPONSE");
        assertThat(page.locator("#reponses")).containsText("Intention : Y faire des travaux");
        assertThat(page.locator("#reponses")).containsText("06 12 34 56 78");
        assertThat(page.locator("#reponses")).containsText("josiane@exemple.fr");
        assertThat(page.locator("#reponses")).containsText("« Travaux de toiture prévus cet été. »");

        int mails = Roles.asSystem(digest::sendPending);
        assertThat(mails).isPositive();
        List<String> received = bodiesTo(agent.email());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst()).contains("1 nouvelle réponse de propriétaire")
                .contains("Campagne « Printemps 2026 » : http://localhost:8080/campagnes/" + letter.campaignId() + "/reponses")
                .contains("21 RUE DE LA REPONSE 39300 VILLE, Lons-le-Saunier : toujours vacant, intention : Y faire des travaux")
                .doesNotContain("06 12 34 56 78").doesNotContain("josiane@exemple.fr").doesNotContain("SECRETNOM");
        // sent once only
        Roles.asSystem(digest::sendPending);
        assertThat(bodiesTo(agent.email())).hasSize(1);
    }

    @Test
    void aProposedExitIsOnlyAppliedWhenAnAgentConfirmsIt() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.LONS, 1, "22 RUE DE LA SORTIE", "Été 2026");
        Page owner = phone();
        owner.navigate("/proprietaire/" + letter.code());
        owner.waitForURL("**/proprietaire/reponse");
        tick(owner, "Non, il n’est plus vacant");
        tick(owner, "Il est occupé par moi ou un proche");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse")).click();
        owner.waitForURL("**/proprietaire/merci");
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(2);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/campagnes/" + letter.campaignId() + "/reponses");
        assertThat(page.locator("#reponses")).containsText("Plus vacant : Il est occupé par moi ou un proche");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                "Confirmer la sortie de la vacance du logement 22 RUE DE LA SORTIE 39300 VILLE, Lons-le-Saunier")).click();
        assertThat(page.locator("#succes")).containsText("est confirmée");
        assertThat(page.locator("#reponses")).containsText("Confirmée le");
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(4);

        page.navigate("/logements/" + letter.housingId());
        assertThat(page.locator("#badge-statut")).hasText("Suivi terminé");
        assertThat(page.locator("#evenements")).containsText("Sous-statut : « Intérêt potentiel / En réflexion » → « Sortie de la vacance »");
    }
}
