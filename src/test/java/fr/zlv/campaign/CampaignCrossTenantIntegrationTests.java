package fr.zlv.campaign;

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

/** Every campaign endpoint (pages and API) asked by a user of territory A for the campaign of territory B (Quimper). */
@IntegrationTest
class CampaignCrossTenantIntegrationTests {

    private static final String CAMPAIGN_OF_B = "Campagne secrète de Quimper";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoCampaignOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(context));
        var fixture = harness.twoTenants();
        var data = new CampaignTestData(context);
        long housingOfB = data.housing(CrossTenantHarness.TERRITORY_B, CampaignTestData.cols(
                "address_dgfip", new String[] {"5 RUE CAMPAGNEQUIMPER"}, "status", (short) 1));
        long campaignOfB = jdbc.sql("""
                insert into campaign (establishment_id, title, sending_date, housing_count) values (?, ?, current_date - 60, 1) returning id""")
                .params(fixture.b().establishmentId(), CAMPAIGN_OF_B).query(Long.class).single();
        jdbc.sql("insert into campaign_housing (campaign_id, housing_id, moved_to_waiting) values (?, ?, now() - interval '60 days')")
                .params(campaignOfB, housingOfB).update();
        long groupOfB = jdbc.sql("insert into housing_group (establishment_id, name, housing_count) values (?, 'Groupe de Quimper', 1) returning id")
                .param(fixture.b().establishmentId()).query(Long.class).single();
        jdbc.sql("insert into housing_group_housing (group_id, housing_id) values (?, ?)").params(groupOfB, housingOfB).update();
        long documentOfB = jdbc.sql("""
                insert into campaign_document (campaign_id, file_name, content_type, size_bytes, storage_key)
                values (?, 'plan-secret-quimper.pdf', 'application/pdf', 10, ?) returning id""")
                .params(campaignOfB, "campaign/" + campaignOfB + "/test-" + System.nanoTime()).query(Long.class).single();
        List<String> markers = List.of(CAMPAIGN_OF_B, "CAMPAGNEQUIMPER", "plan-secret-quimper");
        String api = "/api/v1/campaigns/" + campaignOfB;
        String page = "/campagnes/" + campaignOfB;
        List<EndpointCase> cases = List.of(
                get("campagne de B (API)", f -> api),
                get("destinataires de la campagne de B (API)", f -> api + "/housings"),
                get("entonnoir de la campagne de B (API)", f -> api + "/funnel"),
                get("export Excel de la campagne de B", f -> api + "/export.xlsx"),
                get("export CSV de la campagne de B", f -> api + "/export.csv"),
                get("documents de la campagne de B (API)", f -> api + "/documents"),
                get("document de la campagne de B (API)", f -> api + "/documents/" + documentOfB),
                list("liste des campagnes (API)", f -> "/api/v1/campaigns?archived=true").withMarkers(f -> markers),
                token("modifier la campagne de B (API)", "PATCH", api),
                token("supprimer la campagne de B (API)", "DELETE", api),
                token("retirer des destinataires de B (API)", "POST", api + "/housings/remove"),
                token("courriers revenus de B (API)", "POST", api + "/returns"),
                token("relance de la campagne de B (API)", "POST", api + "/follow-up"),
                token("joindre un document à la campagne de B (API)", "POST", api + "/documents"),
                token("supprimer un document de la campagne de B (API)", "DELETE", api + "/documents/" + documentOfB),
                new EndpointCase("filtre campaignIds avec la campagne de B (API)", "GET",
                        f -> "/api/v1/housings?campaignIds=" + campaignOfB, f -> Map.of(), Set.of(400, 403, 404),
                        Set.of(Channel.SESSION, Channel.TOKEN), f -> markers),
                list("liste des campagnes (page)", f -> "/campagnes?archives=true").withMarkers(f -> markers),
                get("page de la campagne de B", f -> page),
                get("documents de la campagne de B (page)", f -> page + "/documents"),
                get("document de la campagne de B (page)", f -> page + "/documents/" + documentOfB),
                get("confirmation de suppression de la campagne de B", f -> page + "/suppression"),
                get("nouvelle campagne depuis le groupe de B", f -> "/campagnes/nouvelle?groupe=" + groupOfB),
                post("créer une campagne du groupe de B (page)", f -> "/campagnes",
                        f -> Map.of("title", "Pirate", "groupId", String.valueOf(groupOfB))),
                new EndpointCase("créer une campagne avec un logement de B (page)", "POST", f -> "/campagnes",
                        f -> Map.of("title", "Pirate", "ids", String.valueOf(housingOfB)), Set.of(400, 403, 404),
                        Set.of(Channel.SESSION), f -> markers),
                post("date d'envoi de la campagne de B (page)", f -> page + "/date-envoi", f -> Map.of("sendingDate", "2030-01-01")),
                post("destinataires de la campagne de B (page)", f -> page + "/destinataires",
                        f -> Map.of("action", "retrait", "ids", String.valueOf(housingOfB))),
                post("modifier la campagne de B (page)", f -> page + "/modification", f -> Map.of("title", "Piratée")),
                post("archiver la campagne de B (page)", f -> page + "/archivage", f -> Map.of("archived", "true")),
                post("relancer la campagne de B (page)", f -> page + "/relance", f -> Map.of("days", "0")),
                post("joindre un document à la campagne de B (page)", f -> page + "/documents", f -> Map.of()),
                post("supprimer un document de la campagne de B (page)", f -> page + "/documents/" + documentOfB + "/suppression",
                        f -> Map.of()),
                post("supprimer la campagne de B (page)", f -> page + "/suppression", f -> Map.of()));
        DynamicTest untouched = DynamicTest.dynamicTest("la campagne de B est intacte", () -> {
            var row = jdbc.sql("""
                    select title, archived_at is null, sending_date = current_date - 60,
                           (select count(*) from campaign_housing where campaign_id = c.id),
                           (select count(*) from campaign_document where campaign_id = c.id),
                           (select count(*) from campaign where parent_id = c.id)
                      from campaign c where id = ?""")
                    .param(campaignOfB).query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6))).single();
            assertThat(row).containsExactly(CAMPAIGN_OF_B, true, true, 1, 1, 0);
            assertThat(jdbc.sql("select status from housing where id = ?").param(housingOfB).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from campaign where group_id = ?").param(groupOfB).query(Integer.class).single()).isZero();
        });
        DynamicTest fromGroupOfB = DynamicTest.dynamicTest("créer une campagne du groupe de B (API, JSON)", () -> {
            var response = CampaignTestData.call(port, fixture.a().token(), "POST", "/api/v1/campaigns",
                    "{\"title\": \"Pirate\", \"groupId\": " + groupOfB + "}");
            assertThat(response.statusCode()).isEqualTo(404);
            var withIds = CampaignTestData.call(port, fixture.a().token(), "POST", "/api/v1/campaigns",
                    "{\"title\": \"Pirate\", \"housingIds\": [" + housingOfB + "]}");
            assertThat(withIds.statusCode()).isEqualTo(400);
        });
        return Stream.concat(harness.run(fixture, cases), Stream.of(fromGroupOfB, untouched));
    }

    private static EndpointCase token(String name, String method, String path) {
        return new EndpointCase(name, method, f -> path, f -> Map.of(), Set.of(403, 404), Set.of(Channel.TOKEN), f -> List.of());
    }
}
