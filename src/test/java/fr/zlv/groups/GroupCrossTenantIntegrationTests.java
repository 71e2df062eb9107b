package fr.zlv.groups;

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

/** Every group endpoint asked by a user of territory A for the group of territory B (Quimper). */
@IntegrationTest
class GroupCrossTenantIntegrationTests {

    private static final String GROUP_OF_B = "Groupe secret de Quimper";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoGroupOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(context));
        var fixture = harness.twoTenants();
        var data = new GroupTestData(context);
        long housingOfB = data.housing(CrossTenantHarness.TERRITORY_B, GroupTestData.cols(
                "address_dgfip", new String[] {"3 RUE GROUPEQUIMPER"}));
        long groupOfB = jdbc.sql("insert into housing_group (establishment_id, name, housing_count) values (?, ?, 1) returning id")
                .params(fixture.b().establishmentId(), GROUP_OF_B).query(Long.class).single();
        jdbc.sql("insert into housing_group_housing (group_id, housing_id) values (?, ?)").params(groupOfB, housingOfB).update();
        List<String> markers = List.of(GROUP_OF_B, "GROUPEQUIMPER");
        String api = "/api/v1/groups/" + groupOfB;
        String page = "/groupes/" + groupOfB;
        List<EndpointCase> cases = List.of(
                get("groupe de B (API)", f -> api),
                get("logements du groupe de B (API)", f -> api + "/housings"),
                get("export Excel du groupe de B", f -> api + "/export.xlsx"),
                get("export CSV du groupe de B", f -> api + "/export.csv"),
                list("liste des groupes (API)", f -> "/api/v1/groups?archived=true").withMarkers(f -> markers),
                token("renommer le groupe de B (API)", "PATCH", api),
                token("supprimer le groupe de B (API)", "DELETE", api),
                token("ajouter au groupe de B (API)", "POST", api + "/housings"),
                token("retirer du groupe de B (API)", "DELETE", api + "/housings?ids=" + housingOfB),
                list("liste des groupes (page)", f -> "/groupes?archives=true").withMarkers(f -> markers),
                get("page du groupe de B", f -> page),
                get("confirmation de suppression du groupe de B", f -> page + "/suppression"),
                post("renommer le groupe de B (page)", f -> page + "/modification", f -> Map.of("name", "Piraté")),
                post("archiver le groupe de B (page)", f -> page + "/archivage", f -> Map.of("archived", "true")),
                post("ajouter au groupe de B (page)", f -> page + "/logements/ajout", f -> Map.of("ids", "1")),
                post("retirer du groupe de B (page)", f -> page + "/logements/retrait", f -> Map.of("ids", String.valueOf(housingOfB))),
                post("supprimer le groupe de B (page)", f -> page + "/suppression", f -> Map.of()));
        DynamicTest untouched = DynamicTest.dynamicTest("le groupe de B est intact", () -> {
            var row = jdbc.sql("select name, archived_at is null, housing_count from housing_group where id = ?")
                    .param(groupOfB).query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getInt(3))).single();
            assertThat(row).containsExactly(GROUP_OF_B, true, 1);
        });
        return Stream.concat(harness.run(fixture, cases), Stream.of(untouched));
    }

    private static EndpointCase token(String name, String method, String path) {
        return new EndpointCase(name, method, f -> path, f -> Map.of(), Set.of(403, 404), Set.of(Channel.TOKEN), f -> List.of());
    }
}
