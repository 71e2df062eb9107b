package fr.zlv.campaign.letter;

import static fr.zlv.support.CrossTenantHarness.EndpointCase.get;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.list;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.TestTenants;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.Channel;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every letter endpoint asked by a user of territory A for the campaign (and defaults) of territory B (Quimper). */
@IntegrationTest
class LetterCrossTenantIntegrationTests {

    private static final String CAMPAIGN_OF_B = "Campagne secrète de Quimper";
    private static final String SENDER_OF_B = "Expéditeur secret de Quimper";
    private static final String OWNER_OF_B = "KERGUELEN SECRET";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoLetterOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(context));
        var fixture = harness.twoTenants();
        var data = new LetterTestData(context);
        long establishmentOfB = fixture.b().establishmentId();
        long campaignOfB = data.campaign(establishmentOfB, CAMPAIGN_OF_B);
        data.dwelling(campaignOfB, CrossTenantHarness.TERRITORY_B, "4 RUE LETTREQUIMPER", OWNER_OF_B, false);
        jdbc.sql("insert into letter_settings (campaign_id, establishment_id, sender_name, body_html) values (?, ?, ?, '<p>B</p>')")
                .params(campaignOfB, establishmentOfB, SENDER_OF_B).update();
        jdbc.sql("""
                insert into letter_settings (campaign_id, establishment_id, sender_name) values (null, ?, ?)
                on conflict (establishment_id) where campaign_id is null do update set sender_name = excluded.sender_name""")
                .params(establishmentOfB, SENDER_OF_B).update();
        List<String> markers = List.of(CAMPAIGN_OF_B, SENDER_OF_B, OWNER_OF_B, "LETTREQUIMPER");
        String api = "/api/v1/campaigns/" + campaignOfB;
        String page = "/campagnes/" + campaignOfB + "/courrier";
        List<EndpointCase> cases = List.of(
                get("courrier de B (API)", f -> api + "/letter").withMarkers(f -> markers),
                get("variables du courrier de B (API)", f -> api + "/letter/variables"),
                get("logements exclus de B (API)", f -> api + "/letters/excluded").withMarkers(f -> markers),
                get("courriers PDF de B (API)", f -> api + "/letters.pdf").withMarkers(f -> markers),
                token("modifier le courrier de B (API)", "PUT", api + "/letter"),
                get("page du courrier de B", f -> page).withMarkers(f -> markers),
                get("courriers PDF de B (page)", f -> page.replace("/courrier", "/courrier.pdf")).withMarkers(f -> markers),
                get("aperçu PDF du courrier de B", f -> page + "/apercu.pdf").withMarkers(f -> markers),
                get("logo du courrier de B", f -> page + "/images/logo1"),
                post("enregistrer le courrier de B (page)", f -> page, f -> Map.of("senderName", "Piraté", "bodyHtml", "<p>x</p>")),
                post("aperçu du courrier de B", f -> page + "/apercu", f -> Map.of("bodyHtml", "<p>{{proprietaire.nom}}</p>"))
                        .withMarkers(f -> markers),
                list("valeurs par défaut (page, celles de A)", f -> "/parametres/courrier").withMarkers(f -> markers));
        DynamicTest untouched = DynamicTest.dynamicTest("le courrier de B est intact et aucun code n'a été créé", () -> {
            assertThat(jdbc.sql("select sender_name from letter_settings where campaign_id = ?").param(campaignOfB)
                    .query(String.class).single()).isEqualTo(SENDER_OF_B);
            assertThat(jdbc.sql("select count(*) from owner_access_code where campaign_id = ?").param(campaignOfB)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from personal_data_access where subject_kind = 'campaign' and subject_id = ?")
                    .param(String.valueOf(campaignOfB)).query(Long.class).single()).isZero();
        });
        return Stream.concat(harness.run(fixture, cases), Stream.of(untouched));
    }

    private static EndpointCase token(String name, String method, String path) {
        return new EndpointCase(name, method, f -> path, f -> Map.of("senderName", "Piraté"), Set.of(403, 404),
                Set.of(Channel.TOKEN), f -> List.of());
    }
}
