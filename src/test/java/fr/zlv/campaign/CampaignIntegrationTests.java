package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Campaigns end to end through the API (and a page): creation from a group and from a selection, the
 * sending date and its daily job, the automatic reverts, returned mail, return rate and funnel, the
 * follow-up campaign, the campaignIds filter, privacy.
 */
@IntegrationTest
class CampaignIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    CampaignManagement campaigns;

    @Test
    void aCampaignFromAGroupSentTodayPutsItsNotFollowedDwellingsOnHold() {
        var data = data();
        var agent = data.agentOf("Campagnes Creuse", Set.of("23004"));
        var other = data.agentOf("Campagnes Alleyrat", Set.of("23003"));
        long h1 = data.housing("23004", cols());
        long h2 = data.housing("23004", cols());
        long inProgress = data.housing("23004", cols("status", (short) 3, "sub_status", "En accompagnement"));
        long outside = data.housing("23003", cols());
        long group = body(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Bourg\", \"housingIds\": [" + h1 + ", " + h2 + ", " + inProgress + ", " + outside + "]}"), 201)
                .get("group").get("id").asLong();

        JsonNode created = body(call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Courrier 2026\", \"description\": \"Premier envoi\", \"groupId\": " + group + "}"), 201);
        long id = created.get("campaign").get("id").asLong();
        assertThat(created.get("changed").asInt()).isEqualTo(3);
        assertThat(created.get("campaign").get("statusLabel").asString()).isEqualTo("Brouillon");
        assertThat(created.get("campaign").get("housingCount").asInt()).isEqualTo(3);
        assertThat(status(h1)).isZero();

        JsonNode sent = body(call(port, agent.token(), "PATCH", "/api/v1/campaigns/" + id, "{\"sendingDate\": \"" + TODAY + "\"}"), 200);
        assertThat(sent.get("statusLabel").asString()).isEqualTo("Envoyée");
        assertThat(status(h1)).isEqualTo(1);
        assertThat(status(h2)).isEqualTo(1);
        assertThat(status(inProgress)).as("other statuses are left alone").isEqualTo(3);
        assertThat(statusEvents(h1)).containsExactly("0→1");
        assertThat(statusEvents(inProgress)).isEmpty();
        assertThat(jdbc.sql("select count(*) from campaign_housing where campaign_id = ? and moved_to_waiting is not null")
                .param(id).query(Integer.class).single()).isEqualTo(2);

        JsonNode page = body(call(port, agent.token(), "GET", "/api/v1/campaigns/" + id + "/housings", null), 200);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").valueStream().map(i -> i.get("statusLabel").asString()).toList())
                .containsExactly("En attente de retour", "En attente de retour", "Suivi en cours");

        // private to the establishment
        assertThat(call(port, other.token(), "GET", "/api/v1/campaigns/" + id, null).statusCode()).isEqualTo(404);
        assertThat(text(call(port, other.token(), "GET", "/api/v1/campaigns", null))).doesNotContain("Courrier 2026");

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var list = browser.get("/campagnes");
        assertThat(list.body()).contains("Courrier 2026").contains("Envoyée");
        assertThat(browser.get("/campagnes/" + id).body()).contains("En attente de retour").contains("Premier envoi");
    }

    @Test
    void theDailyJobMovesCampaignsWhoseDateHasComeAndLeavesTheOthers() {
        var data = data();
        var agent = data.agentOf("Campagnes job", Set.of("23004"));
        long h1 = data.housing("23004", cols());
        long h2 = data.housing("23004", cols());
        long scheduled = createWithIds(agent, "Programmée", List.of(h1), TODAY.plusDays(3));
        long later = createWithIds(agent, "Plus tard", List.of(h2), TODAY.plusDays(10));
        assertThat(campaign(agent, scheduled).get("statusLabel").asString()).isEqualTo("Envoi programmé");
        assertThat(status(h1)).isZero();

        // three days later: the date has come (the stored date is moved back instead of the clock)
        jdbc.sql("update campaign set sending_date = ? where id = ?").params(TODAY, scheduled).update();
        int moved = Roles.asSystem(campaigns::applySendingDates);
        assertThat(moved).isGreaterThanOrEqualTo(1);
        assertThat(status(h1)).isEqualTo(1);
        assertThat(statusEvents(h1)).containsExactly("0→1");
        assertThat(status(h2)).as("a campaign still in the future waits").isZero();
        assertThat(jdbc.sql("select kind from campaign_event where campaign_id = ? order by id").param(scheduled)
                .query(String.class).list()).contains("created", "sending-date", "sent");
        // run again: nothing moves twice
        Roles.asSystem(campaigns::applySendingDates);
        assertThat(statusEvents(h1)).containsExactly("0→1");
        assertThat(later).isPositive();
        // the daily job is registered with the scheduler of the running product
        assertThat(jdbc.sql("select task_name from scheduled_tasks").query(String.class).list()).contains("campaign-sending-dates");
    }

    @Test
    void aSendingDateMovedIntoTheFutureRevertsUnlessSomeoneChangedTheStatus() {
        var data = data();
        var agent = data.agentOf("Campagnes report", Set.of("23004"));
        long untouched = data.housing("23004", cols());
        long changed = data.housing("23004", cols());
        long id = createWithIds(agent, "Reportée", List.of(untouched, changed), TODAY);
        assertThat(status(untouched)).isEqualTo(1);
        // an agent moves one dwelling on: the campaign must not undo it
        body(call(port, agent.token(), "POST", "/api/v1/housings/bulk",
                "{\"ids\": [" + changed + "], \"status\": 2, \"subStatus\": \"interet-potentiel-en-reflexion\"}"), 200);
        call(port, agent.token(), "POST", "/api/v1/housings/bulk", "{\"ids\": [" + changed + "], \"status\": 1}");
        assertThat(status(changed)).isEqualTo(1);

        JsonNode postponed = body(call(port, agent.token(), "PATCH", "/api/v1/campaigns/" + id,
                "{\"sendingDate\": \"" + TODAY.plusDays(7) + "\"}"), 200);
        assertThat(postponed.get("statusLabel").asString()).isEqualTo("Envoi programmé");
        assertThat(status(untouched)).isZero();
        assertThat(statusEvents(untouched)).containsExactly("0→1", "1→0");
        assertThat(status(changed)).as("someone changed it since the campaign moved it").isEqualTo(1);
    }

    @Test
    void aDwellingRemovedFromItsOnlyCampaignGoesBackButNotWhenAnotherCampaignOrAnAgentHoldsIt() {
        var data = data();
        var agent = data.agentOf("Campagnes retrait", Set.of("23004"));
        long alone = data.housing("23004", cols());
        long shared = data.housing("23004", cols());
        long worked = data.housing("23004", cols());
        long id = createWithIds(agent, "Retraits", List.of(alone, shared, worked), TODAY);
        createWithIds(agent, "Autre campagne", List.of(shared), null);
        body(call(port, agent.token(), "POST", "/api/v1/housings/bulk",
                "{\"ids\": [" + worked + "], \"status\": 3, \"subStatus\": \"en-accompagnement\"}"), 200);

        JsonNode removed = body(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/housings/remove",
                "{\"housingIds\": [" + alone + ", " + shared + ", " + worked + "]}"), 200);
        assertThat(removed.get("changed").asInt()).isEqualTo(3);
        assertThat(removed.get("campaign").get("housingCount").asInt()).isZero();
        assertThat(status(alone)).isZero();
        assertThat(status(shared)).as("still in another campaign").isEqualTo(1);
        assertThat(status(worked)).as("an agent moved it on").isEqualTo(3);

        // deleting a campaign reverts the same way
        long other = data.housing("23004", cols());
        long deleted = createWithIds(agent, "À supprimer", List.of(other), TODAY);
        assertThat(status(other)).isEqualTo(1);
        assertThat(call(port, agent.token(), "DELETE", "/api/v1/campaigns/" + deleted, null).statusCode()).isEqualTo(204);
        assertThat(status(other)).isZero();
        assertThat(call(port, agent.token(), "GET", "/api/v1/campaigns/" + deleted, null).statusCode()).isEqualTo(404);
    }

    @Test
    void returnedMailAndAnswersMakeTheReturnRateAndTheFunnel() {
        var data = data();
        var agent = data.agentOf("Campagnes retours", Set.of("23004"));
        long returned = data.housing("23004", cols());
        long contacted = data.housing("23004", cols());
        long exited = data.housing("23004", cols());
        long silent = data.housing("23004", cols());
        long id = createWithIds(agent, "Retours", List.of(returned, contacted, exited, silent), TODAY);

        JsonNode marked = body(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/returns",
                "{\"housingIds\": [" + returned + "]}"), 200);
        assertThat(marked.get("statusesChanged").asInt()).isEqualTo(1);
        assertThat(status(returned)).isEqualTo(2);
        assertThat(jdbc.sql("select sub_status from housing where id = ?").param(returned).query(String.class).single())
                .isEqualTo("N’habite pas à l’adresse indiquée");
        assertThat(marked.get("campaign").get("returnCount").asInt()).isEqualTo(1);
        assertThat(marked.get("campaign").get("returnRate").asDouble()).isEqualTo(25.0);

        body(call(port, agent.token(), "POST", "/api/v1/housings/bulk",
                "{\"ids\": [" + contacted + "], \"status\": 2, \"subStatus\": \"interet-potentiel-en-reflexion\"}"), 200);
        body(call(port, agent.token(), "POST", "/api/v1/housings/bulk",
                "{\"ids\": [" + exited + "], \"status\": 4, \"subStatus\": \"sortie-de-la-vacance\"}"), 200);
        Roles.asSystem(() -> {
            campaigns.recountReturns(id);
            return null;
        });
        JsonNode campaign = campaign(agent, id);
        assertThat(campaign.get("returnCount").asInt()).isEqualTo(3);
        assertThat(campaign.get("returnRate").asDouble()).isEqualTo(75.0);

        JsonNode funnel = body(call(port, agent.token(), "GET", "/api/v1/campaigns/" + id + "/funnel", null), 200);
        assertThat(funnel.get("sent").asInt()).isEqualTo(4);
        assertThat(funnel.get("answered").asInt()).isZero();
        assertThat(funnel.get("firstContact").asInt()).isEqualTo(2);
        assertThat(funnel.get("inProgress").asInt()).isEqualTo(1);
        assertThat(funnel.get("exits").asInt()).isEqualTo(1);
        assertThat(funnel.get("returnedMail").asInt()).isEqualTo(1);
        assertThat(status(silent)).isEqualTo(1);

        // the list shows the stored counters
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        assertThat(browser.get("/campagnes").body()).contains("75,0 %");
    }

    @Test
    void aFollowUpCampaignTakesTheRecipientsWithoutAnswerAndCopiesTheLetter() {
        var data = data();
        var agent = data.agentOf("Campagnes relance", Set.of("23004"));
        long waiting = data.housing("23004", cols());
        long answered = data.housing("23004", cols());
        long returned = data.housing("23004", cols());
        long contacted = data.housing("23004", cols());
        long id = createWithIds(agent, "Premier courrier", List.of(waiting, answered, returned, contacted), TODAY.minusDays(40));
        jdbc.sql("insert into letter_settings (campaign_id, establishment_id, subject, body_html) values (?, ?, ?, ?)")
                .params(id, agent.establishment().id(), "Votre logement vacant", "<p>Bonjour {{proprietaire}}</p>").update();
        long owner = data.owner("MARTIN/JEANNE", cols());
        data.ownership(answered, owner, 1);
        long code = jdbc.sql("""
                insert into owner_access_code (code, campaign_id, housing_id, owner_id, expires_at)
                values (?, ?, ?, ?, now() + interval '1 year') returning id""")
                .params("TESTCODE" + id, id, answered, owner).query(Long.class).single();
        jdbc.sql("""
                insert into owner_answer (access_code_id, campaign_id, housing_id, owner_id, still_vacant)
                values (?, ?, ?, ?, true)""").params(code, id, answered, owner).update();
        body(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/returns", "{\"housingIds\": [" + returned + "]}"), 200);
        body(call(port, agent.token(), "POST", "/api/v1/housings/bulk",
                "{\"ids\": [" + contacted + "], \"status\": 2, \"subStatus\": \"interet-potentiel-en-reflexion\"}"), 200);

        var tooEarly = call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/follow-up", "{\"days\": 60}");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(text(tooEarly)).contains("n’est pas écoulé");

        JsonNode followUp = body(call(port, agent.token(), "POST", "/api/v1/campaigns/" + id + "/follow-up", "{\"days\": 30}"), 201);
        long relance = followUp.get("campaign").get("id").asLong();
        assertThat(followUp.get("campaign").get("title").asString()).isEqualTo("Relance — Premier courrier");
        assertThat(followUp.get("campaign").get("parentId").asLong()).isEqualTo(id);
        JsonNode recipients = body(call(port, agent.token(), "GET", "/api/v1/campaigns/" + relance + "/housings", null), 200);
        assertThat(recipients.get("items").valueStream().map(i -> i.get("id").asLong()).toList()).containsExactly(waiting);
        assertThat(jdbc.sql("select subject || ' ' || body_html from letter_settings where campaign_id = ?").param(relance)
                .query(String.class).single()).isEqualTo("Votre logement vacant <p>Bonjour {{proprietaire}}</p>");
    }

    @Test
    void theCampaignIdsFilterFindsTheDwellingsOfACampaignOrOfNone() {
        var data = data();
        var agent = data.agentOf("Campagnes filtre", Set.of("23005"));
        var other = data.agentOf("Campagnes filtre autre", Set.of("23005"));
        long in = data.housing("23005", cols());
        long none = data.housing("23005", cols());
        long inOthers = data.housing("23005", cols());
        long id = createWithIds(agent, "Filtrée", List.of(in), null);
        long othersCampaign = createWithIds(other, "Campagne d'un autre", List.of(inOthers), null);

        assertThat(ids(agent, "localities=23005&campaignIds=" + id)).containsExactly(in);
        assertThat(ids(agent, "localities=23005&campaignIds=null")).as("another establishment's campaign does not count")
                .containsExactlyInAnyOrder(none, inOthers);
        assertThat(ids(agent, "localities=23005&campaignIds=null," + id)).containsExactlyInAnyOrder(in, none, inOthers);
        var foreign = call(port, agent.token(), "GET", "/api/v1/housings?localities=23005&campaignIds=" + othersCampaign, null);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(text(foreign)).contains("campaignIds");

        // the list page offers the establishment's campaigns in its filter panel
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        assertThat(browser.get("/logements?campaignIds=" + id).body()).contains("Filtrée").contains("Dans aucune campagne")
                .doesNotContain("Campagne d'un autre");
    }

    @Test
    void badInputIsRefusedWithAFrenchMessageAndNothingIsCreated() {
        var data = data();
        var agent = data.agentOf("Campagnes erreurs", Set.of("23004"));
        long h = data.housing("23004", cols());
        int before = jdbc.sql("select count(*) from campaign").query(Integer.class).single();
        var blank = call(port, agent.token(), "POST", "/api/v1/campaigns", "{\"title\": \" \", \"housingIds\": [" + h + "]}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(text(blank)).contains("Le titre de la campagne est obligatoire.");
        var empty = call(port, agent.token(), "POST", "/api/v1/campaigns", "{\"title\": \"Vide\", \"housingIds\": []}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(text(empty)).contains("au moins un logement");
        var badDate = call(port, agent.token(), "POST", "/api/v1/campaigns",
                "{\"title\": \"Date\", \"housingIds\": [" + h + "], \"sendingDate\": \"15/03/2026\"}");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(text(badDate)).contains("AAAA-MM-JJ");
        assertThat(jdbc.sql("select count(*) from campaign").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionListsTheCampaignEndpoints() {
        var data = data();
        var agent = data.agentOf("Campagnes OpenAPI", Set.of("23004"));
        String description = text(call(port, agent.token(), "GET", "/api/v1/openapi.json", null));
        assertThat(description).contains("/api/v1/campaigns", "/api/v1/campaigns/{id}", "/api/v1/campaigns/{id}/housings",
                "/api/v1/campaigns/{id}/housings/remove", "/api/v1/campaigns/{id}/returns", "/api/v1/campaigns/{id}/follow-up",
                "/api/v1/campaigns/{id}/funnel", "/api/v1/campaigns/{id}/export.xlsx", "/api/v1/campaigns/{id}/export.csv",
                "/api/v1/campaigns/{id}/documents", "/api/v1/campaigns/{id}/documents/{documentId}", "campaignIds");
    }

    private List<Long> ids(CampaignTestData.Agent agent, String query) {
        JsonNode list = body(call(port, agent.token(), "GET", "/api/v1/housings?" + query, null), 200);
        JsonNode items = list.has("items") ? list.get("items") : list;
        return items.valueStream().map(i -> i.get("id").asLong()).toList();
    }

    private long createWithIds(CampaignTestData.Agent agent, String title, List<Long> ids, LocalDate sendingDate) {
        String date = sendingDate == null ? "" : ", \"sendingDate\": \"" + sendingDate + "\"";
        return body(call(port, agent.token(), "POST", "/api/v1/campaigns", "{\"title\": \"" + title + "\", \"housingIds\": "
                + ids + date + "}"), 201).get("campaign").get("id").asLong();
    }

    private JsonNode campaign(CampaignTestData.Agent agent, long id) {
        return body(call(port, agent.token(), "GET", "/api/v1/campaigns/" + id, null), 200);
    }

    private int status(long housingId) {
        return jdbc.sql("select status from housing where id = ?").param(housingId).query(Integer.class).single();
    }

    /** The dwelling's status events, oldest first, as "old→new". */
    private List<String> statusEvents(long housingId) {
        return jdbc.sql("select old_value::text || '→' || new_value::text from event where housing_id = ? and kind = 'housing-status' order by id")
                .param(housingId).query(String.class).list();
    }

    private CampaignTestData data() {
        return new CampaignTestData(context);
    }

    private JsonNode body(java.net.http.HttpResponse<byte[]> response, int expected) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(expected);
        return json.readTree(response.body());
    }

    private static String text(java.net.http.HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

}
