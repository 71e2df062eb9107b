package fr.zlv.ownerportal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An owner, on a phone-sized browser, withdraws the consent given with an answer: the button, the
 * confirmation (cancelled once), the message; then the agent reads the withdrawal on the campaign's answers.
 */
@IntegrationTest
class OwnerConsentBrowserTests extends OwnerPortalTestCase {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Override
    String agentCommune() {
        return OwnerPortalTestData.LONS;
    }

    private static void tick(Page page, String label) {
        page.locator("label").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Page phone() {
        Page page = browser.newPage(port);
        page.setViewportSize(375, 740);
        return page;
    }

    private String phoneOf(long housingId) {
        return jdbc.sql("select coalesce(phone, '(effacé)') from owner_answer where housing_id = ?").param(housingId)
                .query(String.class).single();
    }

    @Test
    void anOwnerWithdrawsTheConsentAfterConfirmingAndTheAgentSeesTheWithdrawal() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.LONS, 1, "41 RUE DU CONSENTEMENT", "Automne 2026");
        var neighbour = data.neighbour(letter, OwnerPortalTestData.LONS, 1, "42 RUE DU CONSENTEMENT");
        Page owner = phone();
        owner.navigate("/proprietaire/" + letter.code());
        owner.waitForURL("**/proprietaire/reponse");
        // before any answer there is nothing to withdraw, but the privacy text says how
        assertThat(owner.locator("#consentement-section")).hasCount(0);
        assertThat(owner.locator("#vos-donnees-section")).containsText("« Retirer mon consentement »");
        tick(owner, "Oui, il est toujours vacant");
        tick(owner, "Le vendre");
        owner.locator("#telephone").fill("06 41 41 41 41");
        owner.locator("#courriel").fill("consent@exemple.fr");
        tick(owner, "me recontacte avec ces");
        button(owner, "Envoyer ma réponse").click();
        owner.waitForURL("**/proprietaire/merci");
        assertThat(owner.locator("main")).containsText("Retirer mon consentement");
        Page other = phone();
        other.navigate("/proprietaire/" + neighbour.code());
        tick(other, "Oui, il est toujours vacant");
        tick(other, "Le louer");
        other.locator("#telephone").fill("06 42 42 42 42");
        tick(other, "me recontacte avec ces");
        button(other, "Envoyer ma réponse").click();
        other.waitForURL("**/proprietaire/merci");

        // the owner comes back with the letter's code
        owner.navigate("/proprietaire");
        assertThat(owner.locator("#aide-retrait")).containsText("retirer votre consentement");
        owner.getByLabel("Code personnel").fill(letter.code());
        button(owner, "Continuer").click();
        owner.waitForURL("**/proprietaire/reponse");
        assertThat(owner.locator("#consentement-donne")).containsText(agent.establishment().name());
        assertThat(owner.locator("main")).not().containsText("06 41 41 41 41");

        // cancelled once: nothing erased
        // Playwright clicks only what is not covered (the footer once lay over the form on a phone)
        link(owner, "Retirer mon consentement").click();
        owner.waitForURL("**/proprietaire/consentement/retrait");
        assertThat(owner.locator("h1")).hasText("Retirer mon consentement");
        assertThat(owner.locator("#avertissement")).containsText("Vos coordonnées seront effacées définitivement");
        assertThat(owner.locator("#consequences")).containsText("votre réponse sur le logement");
        link(owner, "Non, revenir à ma réponse").click();
        owner.waitForURL("**/proprietaire/reponse");
        assertThat(phoneOf(letter.housingId())).isEqualTo("06 41 41 41 41");

        link(owner, "Retirer mon consentement").click();
        owner.waitForURL("**/proprietaire/consentement/retrait");
        owner.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("owner-consent-confirm.png"))
                .setFullPage(true));
        button(owner, "Oui, retirer mon consentement et effacer mes coordonnées").click();
        owner.waitForURL("**/proprietaire/consentement/retire");
        String today = ConsentState.day(OffsetDateTime.now());
        assertThat(owner.locator("h1")).hasText("Consentement retiré");
        assertThat(owner.locator("#retrait-confirme")).hasAttribute("role", "status");
        assertThat(owner.locator("#retrait-confirme")).containsText("retiré depuis le " + today);
        owner.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("owner-consent-done.png"))
                .setFullPage(true));
        assertThat(phoneOf(letter.housingId())).isEqualTo("(effacé)");
        assertThat(phoneOf(neighbour.housingId())).isEqualTo("06 42 42 42 42");

        // with the code again: it says so, and there is nothing left to withdraw
        owner.navigate("/proprietaire/" + letter.code());
        owner.waitForURL("**/proprietaire/reponse");
        assertThat(owner.locator("#consentement-retire")).hasText("Vous avez retiré votre consentement le " + today
                + " : vos coordonnées ont été effacées.");
        assertThat(link(owner, "Retirer mon consentement")).hasCount(0);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/campagnes/" + letter.campaignId() + "/reponses");
        assertThat(page.locator("#reponses")).containsText("Consentement retiré le " + today);
        assertThat(page.locator("#reponses")).not().containsText("06 41 41 41 41");
        assertThat(page.locator("#reponses")).not().containsText("consent@exemple.fr");
        assertThat(page.locator("#reponses")).containsText("06 42 42 42 42");
        assertThat(page.locator("#reponses")).containsText("Intention : Le vendre");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshotDir().resolve("agent-consent-withdrawn.png"))
                .setFullPage(true));
    }
}
