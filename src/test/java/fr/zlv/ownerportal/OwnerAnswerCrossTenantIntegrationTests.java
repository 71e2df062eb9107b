package fr.zlv.ownerportal;

import static fr.zlv.support.CrossTenantHarness.EndpointCase.get;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.TestTenants;
import fr.zlv.access.UserManagement;
import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.housing.followup.FollowUpTestData;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.CrossTenantHarness.Channel;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The answers of a campaign of territory B (Quimper), asked for by a user of territory A. */
@IntegrationTest
class OwnerAnswerCrossTenantIntegrationTests {

    private static final String QUIMPER = "29232";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    EstablishmentManagement establishments;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    OwnerAccessCodes codes;

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoAnswerOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(users, establishments, tokens));
        var fixture = harness.twoTenants();
        var data = new OwnerPortalTestData(jdbc, codes, new FollowUpTestData(jdbc, users, establishments, tokens, port));
        data.forgetAttempts();
        var letter = data.letter(fixture.b().establishmentId(), QUIMPER, 1, "31 RUE REPONSEQUIMPER", "Campagne secrète de Quimper");
        // the owner of B answers, leaving contact details, and says the dwelling is let
        Browser owner = new Browser(port);
        owner.post("/proprietaire", Map.of("code", letter.code()));
        assertThat(owner.post("/proprietaire/reponse", Map.of("vacant", "non", "usage", "loue", "telephone", "0298000000",
                "consentement", "true")).status()).isEqualTo(302);
        long answerId = jdbc.sql("select id from owner_answer where housing_id = ?").param(letter.housingId()).query(Long.class).single();
        int version = data.followUp().version(letter.housingId());

        List<String> markers = List.of("REPONSEQUIMPER", "0298000000", "Campagne secrète de Quimper");
        String api = "/api/v1/campaigns/" + letter.campaignId() + "/answers";
        String page = "/campagnes/" + letter.campaignId() + "/reponses";
        List<EndpointCase> cases = List.of(
                get("réponses de la campagne de B (API)", f -> api).withMarkers(f -> markers),
                get("réponses de la campagne de B (page)", f -> page).withMarkers(f -> markers),
                new EndpointCase("confirmer la sortie d'une réponse de B (API)", "POST", f -> api + "/" + answerId + "/confirm-exit",
                        f -> Map.of("version", String.valueOf(version)), Set.of(403, 404), Set.of(Channel.TOKEN), f -> markers),
                post("confirmer la sortie d'une réponse de B (page)", f -> page + "/" + answerId + "/sortie",
                        f -> Map.of("version", String.valueOf(version))));
        DynamicTest untouched = DynamicTest.dynamicTest("la réponse de B n'est pas confirmée et le logement reste en premier contact", () -> {
            assertThat(jdbc.sql("select exit_confirmed_at is null from owner_answer where id = ?").param(answerId)
                    .query(Boolean.class).single()).isTrue();
            assertThat(data.followUp().status(letter.housingId())).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from personal_data_access where action = 'view-owner-answers' and subject_id = ?")
                    .param(String.valueOf(letter.campaignId())).query(Integer.class).single()).isZero();
        });
        return Stream.concat(harness.run(fixture, cases), Stream.of(untouched));
    }
}
