package fr.zlv.ownerportal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The owner's withdrawal of consent over plain HTTP: what is erased and kept in the database, what the
 * campaign's agents then read (page, API, export), doing it again, and what a forged or expired code gets.
 */
@IntegrationTest
class OwnerConsentIntegrationTests extends OwnerPortalTestCase {

    private static final String WITHDRAW = "/proprietaire/consentement/retrait";

    @Override
    String agentCommune() {
        return OwnerPortalTestData.PONTARLIER;
    }

    /** An owner who types the code and answers, still vacant, with the given contact details and consent. */
    private void answer(String code, String intention, String phone, String email, String comment) {
        Browser owner = new Browser(port);
        assertThat(owner.post("/proprietaire", Map.of("code", code)).status()).isEqualTo(302);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vacant", "oui");
        form.put("intention", intention);
        form.put("blocages", "blocage-involontaire/succession-en-cours");
        if (phone != null) {
            form.put("telephone", phone);
        }
        if (email != null) {
            form.put("courriel", email);
        }
        form.put("consentement", "true");
        if (comment != null) {
            form.put("commentaire", comment);
        }
        assertThat(owner.post("/proprietaire/reponse", form).status()).isEqualTo(302);
    }

    /** The stored answers of a dwelling, oldest first, as text: to compare before and after. */
    private List<Map<String, Object>> rows(long housingId) {
        return jdbc.sql("""
                select id, still_vacant, current_use, intention, array_to_string(blockers, ',') as blockers, phone, email,
                       consent, comment, consent_withdrawn_at::text as withdrawn_at, created_at::text as created_at
                  from owner_answer where housing_id = ? order by id""")
                .param(housingId).query().listOfRows();
    }

    /** The page's text as read: line breaks of the template are spaces. */
    private static String text(Browser.Response response) {
        return response.body().replaceAll("\\s+", " ");
    }

    private static String today() {
        return ConsentState.day(OffsetDateTime.now());
    }

    @Test
    void withdrawingErasesTheContactDetailsOfEveryAnswerOfTheCodeAndTheAgentsReadTheMarker() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "11 RUE DU RETRAIT", "Retraits");
        var other = data.neighbour(letter, OwnerPortalTestData.PONTARLIER, 1, "12 RUE DU VOISIN");
        answer(letter.code(), "vendre", "06 11 22 33 44", "retrait@exemple.fr", "Toiture à refaire.");
        answer(letter.code(), "travaux", "06 55 66 77 88", null, null);
        answer(other.code(), "louer", "07 99 88 77 66", "voisin@exemple.fr", null);
        var otherBefore = rows(other.housingId());

        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        var form = owner.get("/proprietaire/reponse");
        assertThat(form.body()).contains("Retirer mon consentement").contains("href=\"" + WITHDRAW + "\"")
                .doesNotContain("06 11 22 33 44").doesNotContain("retrait@exemple.fr");
        var confirm = owner.get(WITHDRAW);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(text(confirm)).contains("Vos coordonnées seront effacées définitivement")
                .contains("Oui, retirer mon consentement et effacer mes coordonnées").contains("11 RUE DU RETRAIT");
        // asking for the confirmation erased nothing yet
        assertThat(rows(letter.housingId())).allSatisfy(r -> assertThat(r.get("phone")).isNotNull());

        var withdrawn = owner.post(WITHDRAW, Map.of());
        assertThat(withdrawn.status()).isEqualTo(302);
        assertThat(withdrawn.location()).endsWith("/proprietaire/consentement/retire");
        assertThat(text(owner.get("/proprietaire/consentement/retire"))).contains("Consentement retiré")
                .contains("Votre consentement à être recontacté est retiré depuis le " + today())
                .contains("Votre téléphone et votre adresse électronique ont été effacés");
        // the session forgot the code, as after an answer
        assertThat(owner.get("/proprietaire/reponse").location()).endsWith("/proprietaire");

        var stored = rows(letter.housingId());
        assertThat(stored).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("phone")).isNull();
            assertThat(r.get("email")).isNull();
            assertThat(r.get("consent")).isEqualTo(false);
            assertThat(r.get("withdrawn_at")).isNotNull();
            assertThat(r.get("still_vacant")).isEqualTo(true);
            assertThat(r.get("blockers")).isEqualTo("blocage-involontaire/succession-en-cours");
        });
        assertThat(stored.get(0).get("intention")).isEqualTo("vendre");
        assertThat(stored.get(0).get("comment")).isEqualTo("Toiture à refaire.");
        assertThat(stored.get(1).get("intention")).isEqualTo("travaux");
        assertThat(rows(other.housingId())).as("the other owner's answer of the campaign").isEqualTo(otherBefore);

        String api = "/api/v1/campaigns/" + letter.campaignId() + "/answers";
        var list = data.followUp().call(agent, "GET", api, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"total\":2")
                .contains("\"consentWithdrawal\":\"Consentement retiré le " + today() + "\"")
                .contains("\"phone\":\"07 99 88 77 66\"").contains("\"email\":\"voisin@exemple.fr\"")
                .doesNotContain("06 11 22 33 44").doesNotContain("06 55 66 77 88").doesNotContain("retrait@exemple.fr");

        Browser agentBrowser = new Browser(port);
        agentBrowser.signIn(agent.email(), agent.password());
        var page = agentBrowser.get("/campagnes/" + letter.campaignId() + "/reponses");
        assertThat(page.status()).isEqualTo(200);
        assertThat(text(page)).contains("Consentement retiré le " + today()).contains("07 99 88 77 66")
                .doesNotContain("06 55 66 77 88").doesNotContain("retrait@exemple.fr");

        String export = new String(data.followUp().download(agent, "/api/v1/campaigns/" + letter.campaignId() + "/export.csv"),
                StandardCharsets.UTF_8);
        assertThat(export).contains("11 RUE DU RETRAIT").doesNotContain("06 11 22 33 44").doesNotContain("06 55 66 77 88")
                .doesNotContain("retrait@exemple.fr");
        assertThat(data.followUp().eventMessages(letter.housingId(), "owner-answer")).hasSize(2)
                .allSatisfy(m -> assertThat(m).doesNotContain("06 11 22 33 44").doesNotContain("retrait@exemple.fr"));
        assertThat(data.followUp().eventMessages(letter.housingId(), "owner-consent-withdrawn")).containsExactly(
                "Le propriétaire a retiré en ligne son consentement à être recontacté : les coordonnées qu'il avait "
                        + "données ont été effacées.");
        assertThat(data.followUp().eventMessages(other.housingId(), "owner-consent-withdrawn")).isEmpty();

        // again: harmless, same date, same words; the answer page now says it is done
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(text(owner.get("/proprietaire/reponse"))).contains("Vous avez retiré votre consentement le")
                .doesNotContain("href=\"" + WITHDRAW + "\"");
        var again = owner.post(WITHDRAW, Map.of());
        assertThat(again.status()).isEqualTo(302);
        assertThat(text(owner.get("/proprietaire/consentement/retire"))).contains("retiré depuis le " + today());
        assertThat(rows(letter.housingId())).isEqualTo(stored);
        assertThat(rows(other.housingId())).isEqualTo(otherBefore);
        assertThat(data.followUp().eventMessages(letter.housingId(), "owner-consent-withdrawn")).hasSize(1);
    }

    @Test
    void aNewConsentAfterAWithdrawalShowsTheNewDetailsAndAnAnswerWithoutDetailsKeepsTheMarker() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "13 RUE DU RETOUR", "Retour");
        answer(letter.code(), "vendre", "06 10 10 10 10", null, null);
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.post(WITHDRAW, Map.of()).status()).isEqualTo(302);

        // a later answer without details: agents still read that consent was withdrawn
        Browser later = new Browser(port);
        later.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(later.post("/proprietaire/reponse", Map.of("vacant", "oui", "intention", "louer")).status()).isEqualTo(302);
        String api = "/api/v1/campaigns/" + letter.campaignId() + "/answers";
        assertThat(data.followUp().call(agent, "GET", api, null).body()).contains("\"intention\":\"louer\"")
                .contains("\"consentWithdrawal\":\"Consentement retiré le " + today() + "\"");

        // the owner changes their mind: the new details show, no marker
        answer(letter.code(), "louer", "06 20 20 20 20", null, null);
        assertThat(data.followUp().call(agent, "GET", api, null).body()).contains("\"phone\":\"06 20 20 20 20\"")
                .contains("\"consentWithdrawal\":null").doesNotContain("06 10 10 10 10");
    }

    @Test
    void aForgedOrExpiredCodeGetsTheCodeErrorAndChangesNothing() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "14 RUE DU FAUX CODE", "Faux code");
        answer(letter.code(), "vendre", "06 30 30 30 30", "faux@exemple.fr", null);
        var before = rows(letter.housingId());

        Browser forger = new Browser(port);
        var forged = forger.post("/proprietaire", Map.of("code", "ZZZZ-ZZZZ-ZZZZ"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("Ce code n'est pas valide ou n'est plus valable");
        // without a checked code, the withdrawal sends back to the code page
        assertThat(forger.get(WITHDRAW).location()).endsWith("/proprietaire");
        var blind = forger.post(WITHDRAW, Map.of());
        assertThat(blind.status()).isEqualTo(302);
        assertThat(blind.location()).endsWith("/proprietaire");
        assertThat(new Browser(port).get("/proprietaire/consentement/retire").location()).endsWith("/proprietaire");

        // a code that expires between the confirmation and the click
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.get(WITHDRAW).status()).isEqualTo(200);
        data.expire(letter.code());
        var expired = owner.post(WITHDRAW, Map.of());
        assertThat(expired.status()).isEqualTo(400);
        assertThat(text(expired)).contains("Code non reconnu").contains("Ce code n'est pas valide ou n'est plus valable")
                .doesNotContain("14 RUE DU FAUX CODE");
        // and from another site's form, with a valid session: refused by the CSRF check
        var other = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "15 RUE DU JETON", "Jeton");
        answer(other.code(), "louer", "06 40 40 40 40", null, null);
        var otherBefore = rows(other.housingId());
        Browser victim = new Browser(port);
        victim.post("/proprietaire", Map.of("code", other.code()));
        assertThat(victim.postWithoutCsrf(WITHDRAW).status()).isEqualTo(403);

        assertThat(rows(letter.housingId())).isEqualTo(before);
        assertThat(rows(other.housingId())).isEqualTo(otherBefore);
    }

    @Test
    void aCodeWithdrawsAtMostTwentyTimesADay() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "16 RUE INSISTANTE", "Insistante");
        answer(letter.code(), "vendre", "06 50 50 50 50", null, null);
        Browser owner = new Browser(port);
        for (int i = 0; i < RateLimits.WITHDRAWALS_PER_CODE; i++) {
            owner.post("/proprietaire", Map.of("code", letter.code()));
            assertThat(owner.post(WITHDRAW, Map.of()).status()).isEqualTo(302);
        }
        owner.post("/proprietaire", Map.of("code", letter.code()));
        var tooMany = owner.post(WITHDRAW, Map.of());
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(text(tooMany)).contains("Trop de tentatives").contains("retirer le consentement de nombreuses fois");
        assertThat(rows(letter.housingId())).allSatisfy(r -> assertThat(r.get("phone")).isNull());
    }
}
