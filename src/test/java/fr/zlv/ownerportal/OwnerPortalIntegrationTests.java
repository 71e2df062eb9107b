package fr.zlv.ownerportal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer page over plain HTTP: codes, limits, answering again, the campaign's answers API. */
@IntegrationTest
class OwnerPortalIntegrationTests extends OwnerPortalTestCase {

    @Override
    String agentCommune() {
        return OwnerPortalTestData.PONTARLIER;
    }

    private static Map<String, String> vacantAnswer(String intention) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vacant", "oui");
        form.put("intention", intention);
        return form;
    }

    /** The page a refused code gets, without what differs between two requests anyway (session token, typed code). */
    private static String comparable(String body, String typed) {
        return body.replace(typed, "CODE")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"X\"")
                .replaceAll("name=\"csrf-token\" content=\"[^\"]+\"", "name=\"csrf-token\" content=\"X\"");
    }

    @Test
    void aWrongCodeAndAnExpiredCodeGetTheVerySameAnswer() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "1 RUE DU CODE EXPIRE", "Expirée");
        data.expire(letter.code());
        String wrong = "ZZZZ-ZZZZ-ZZZZ";

        var expired = new Browser(port).post("/proprietaire", Map.of("code", letter.code()));
        var unknown = new Browser(port).post("/proprietaire", Map.of("code", wrong));
        var expiredFromQr = new Browser(port).get("/proprietaire/" + letter.code());

        assertThat(expired.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(expired.status());
        assertThat(expiredFromQr.status()).isEqualTo(expired.status());
        assertThat(expired.body()).contains("Ce code n'est pas valide ou n'est plus valable");
        assertThat(comparable(unknown.body(), wrong)).isEqualTo(comparable(expired.body(), letter.code()));
        assertThat(comparable(expiredFromQr.body(), letter.code())).isEqualTo(comparable(expired.body(), letter.code()));
        assertThat(expired.body()).doesNotContain("1 RUE DU CODE EXPIRE").doesNotContain(OwnerPortalTestData.OWNER_NAME);
        assertThat(data.answers(letter.housingId())).isZero();
    }

    @Test
    void tenWrongCodesFromOneAddressBlockEveryCodeForAWhile() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "2 RUE DE LA FORCE BRUTE", "Force brute");
        Browser guesser = new Browser(port);
        for (int i = 0; i < RateLimits.WRONG_CODES_PER_ADDRESS; i++) {
            assertThat(guesser.post("/proprietaire", Map.of("code", "AAAA-BBBB-CC" + (10 + i))).status()).isEqualTo(400);
        }
        var blocked = guesser.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body()).contains("Trop de tentatives").doesNotContain("2 RUE DE LA FORCE BRUTE");
        // from the QR code too, and from another browser of the same address
        assertThat(new Browser(port).get("/proprietaire/" + letter.code()).status()).isEqualTo(429);

        data.forgetAttempts();
        var granted = new Browser(port).post("/proprietaire", Map.of("code", letter.code()));
        assertThat(granted.status()).isEqualTo(302);
        assertThat(granted.location()).endsWith("/proprietaire/reponse");
    }

    @Test
    void aCodeTypedLooselyOpensTheFormWithTheAddressOnlyAndTheCodeLeavesTheAddressBar() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "3 RUE DU CLAVIER", "Clavier");
        String loose = " " + letter.code().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l') + " ";
        Browser owner = new Browser(port);
        var typed = owner.post("/proprietaire", Map.of("code", loose));
        assertThat(typed.status()).isEqualTo(302);
        assertThat(typed.location()).endsWith("/proprietaire/reponse").doesNotContain(letter.code());

        var form = owner.get("/proprietaire/reponse");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("3 RUE DU CLAVIER 25462 VILLE, Pontarlier").contains(agent.establishment().name())
                .contains("id=\"duree-conservation\">3</span> ans après le dernier contact").contains("mission d’intérêt public").contains("/donnees-personnelles")
                .doesNotContain(OwnerPortalTestData.OWNER_NAME).doesNotContain("SECRETNOM").doesNotContain("JOSIANE")
                .doesNotContain("PROPRIETAIRES");
        // without a checked code, the form sends back to the code page
        assertThat(new Browser(port).get("/proprietaire/reponse").location()).endsWith("/proprietaire");
    }

    @Test
    void theFormWithoutCsrfTokenIsRefused() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "4 RUE DU JETON", "Jeton");
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.postWithoutCsrf("/proprietaire/reponse").status()).isEqualTo(403);
        assertThat(data.answers(letter.housingId())).isZero();
    }

    @Test
    void badAnswersAreExplainedAndChangeNothing() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "5 RUE DES ERREURS", "Erreurs");
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vacant", "non");
        form.put("telephone", "06 12 34 56 78");
        form.put("courriel", "pas-une-adresse");
        form.put("commentaire", "x".repeat(1001));
        var refused = owner.post("/proprietaire/reponse", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("4 réponses sont à corriger")
                .contains("Indiquez l'usage actuel du logement")
                .contains("L'adresse électronique n'est pas valide")
                .contains("Cochez la case pour accepter d'être recontacté")
                .contains("Le commentaire compte 1001 caractères")
                .contains("aria-describedby=\"courriel-aide courriel-erreur\"")
                .contains("value=\"06 12 34 56 78\"");
        assertThat(data.answers(letter.housingId())).isZero();
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(1);
    }

    @Test
    void answeringAgainKeepsBothAnswersAndTheLatestWins() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "6 RUE DES DEUX AVIS", "Deux avis");
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        Map<String, String> first = vacantAnswer("vendre");
        first.put("blocages", "blocage-involontaire/succession-en-cours");
        var saved = owner.post("/proprietaire/reponse", first);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/proprietaire/merci");
        assertThat(owner.get("/proprietaire/merci").body()).contains("a bien reçu votre réponse");
        // the session forgot the code: answering again means typing it again
        assertThat(owner.get("/proprietaire/reponse").location()).endsWith("/proprietaire");

        owner.post("/proprietaire", Map.of("code", letter.code()));
        Map<String, String> second = vacantAnswer("travaux");
        second.put("telephone", "0612345678");
        second.put("consentement", "true");
        assertThat(owner.post("/proprietaire/reponse", second).status()).isEqualTo(302);

        assertThat(data.answers(letter.housingId())).isEqualTo(2);
        var api = data.followUp().call(agent, "GET", "/api/v1/campaigns/" + letter.campaignId() + "/answers", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"total\":1").contains("\"intention\":\"travaux\"").contains("\"answerCount\":2")
                .contains("\"phone\":\"0612345678\"").doesNotContain("\"intention\":\"vendre\"");
        // the dwelling: first contact, the blocker and both evolutions the answers announced
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(2);
        assertThat(data.subStatus(letter.housingId())).isEqualTo("Intérêt potentiel / En réflexion");
        assertThat(jdbc.sql("select return_count from campaign where id = ?").param(letter.campaignId()).query(Integer.class).single())
                .as("the campaign counts the answer as a return").isEqualTo(1);
        List<String> precisions = jdbc.sql("select unnest(precisions) from housing where id = ?").param(letter.housingId())
                .query(String.class).list();
        assertThat(precisions).contains("blocage-involontaire/succession-en-cours", "mutation/a-venir", "travaux/a-venir");
        assertThat(data.followUp().eventMessages(letter.housingId(), "owner-answer")).hasSize(2)
                .allSatisfy(m -> assertThat(m).startsWith("Réponse du propriétaire en ligne").doesNotContain("0612345678"));
        assertThat(jdbc.sql("select count(*) from personal_data_access where action = 'view-owner-answers' and subject_id = ?")
                .param(String.valueOf(letter.campaignId())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anOtherStatusThanWaitingIsLeftAsItIs() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 3, "7 RUE DU SUIVI EN COURS", "En cours");
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.post("/proprietaire/reponse", vacantAnswer("ne-sait-pas")).status()).isEqualTo(302);
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(3);
        assertThat(data.followUp().eventMessages(letter.housingId(), "owner-answer")).hasSize(1);
        assertThat(data.followUp().eventMessages(letter.housingId(), "housing-status")).isEmpty();
    }

    @Test
    void aProposedExitWaitsForAnAgentWhoConfirmsItWithTheDwellingsVersion() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "8 RUE DE LA SORTIE", "Sortie");
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.post("/proprietaire/reponse", Map.of("vacant", "non", "usage", "loue")).status()).isEqualTo(302);
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(2);

        String answers = "/api/v1/campaigns/" + letter.campaignId() + "/answers";
        var list = data.followUp().call(agent, "GET", answers, null);
        assertThat(list.body()).contains("\"proposedExit\":true").contains("\"exitConfirmedAt\":null");
        long answerId = jdbc.sql("select id from owner_answer where housing_id = ?").param(letter.housingId()).query(Long.class).single();
        int version = data.followUp().version(letter.housingId());

        var missing = data.followUp().call(agent, "POST", answers + "/" + answerId + "/confirm-exit", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("version");
        var stale = data.followUp().call(agent, "POST", answers + "/" + answerId + "/confirm-exit", "{\"version\": " + (version - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(2);

        var confirmed = data.followUp().call(agent, "POST", answers + "/" + answerId + "/confirm-exit", "{\"version\": " + version + "}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).doesNotContain("\"exitConfirmedAt\":null");
        assertThat(data.followUp().status(letter.housingId())).isEqualTo(4);
        assertThat(data.subStatus(letter.housingId())).isEqualTo("Sortie de la vacance");
        assertThat(jdbc.sql("select occupancy from housing where id = ?").param(letter.housingId()).query(String.class).single())
                .isEqualTo("L");
        var again = data.followUp().call(agent, "POST", answers + "/" + answerId + "/confirm-exit",
                "{\"version\": " + data.followUp().version(letter.housingId()) + "}");
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void theAnswersApiIsInTheOpenApiDescription() {
        var description = new Browser(port).get("/api/v1/openapi.json");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("/api/v1/campaigns/{id}/answers")
                .contains("/api/v1/campaigns/{id}/answers/{answerId}/confirm-exit").contains("Réponses des propriétaires");
    }

    @Test
    void aCodeAnswersAtMostTwentyTimesADay() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "9 RUE BAVARDE", "Bavarde");
        Browser owner = new Browser(port);
        for (int i = 0; i < RateLimits.ANSWERS_PER_CODE; i++) {
            owner.post("/proprietaire", Map.of("code", letter.code()));
            assertThat(owner.post("/proprietaire/reponse", vacantAnswer("louer")).status()).isEqualTo(302);
        }
        owner.post("/proprietaire", Map.of("code", letter.code()));
        var tooMany = owner.post("/proprietaire/reponse", vacantAnswer("louer"));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.body()).contains("Ce code a déjà servi à envoyer de nombreuses réponses");
        assertThat(data.answers(letter.housingId())).isEqualTo(RateLimits.ANSWERS_PER_CODE);
    }
}
