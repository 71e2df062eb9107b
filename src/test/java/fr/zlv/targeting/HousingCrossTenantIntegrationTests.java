package fr.zlv.targeting;

import static fr.zlv.support.CrossTenantHarness.EndpointCase.get;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.list;
import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.lines;

import fr.zlv.access.TestTenants;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every targeting endpoint asked by a user of territory A for a dwelling of territory B (Quimper). */
@IntegrationTest
class HousingCrossTenantIntegrationTests {

    private static final String LOCAL_ID_OF_B = "TGTXB0000001";
    private static final String OWNER_OF_B = "TRANSFRONTALIER/ALAIN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryASeesNoDwellingOfTerritoryB() {
        var data = new TargetingTestData(context);
        long housingOfB = data.housing(LOCAL_ID_OF_B, CrossTenantHarness.TERRITORY_B, cols("kind", "MAISON",
                "data_file_years", lines("lovac-2025"), "longitude", -4.1, "latitude", 47.99,
                "address_dgfip", lines("1 RUE TRANSFRONTALIER", "29000 QUIMPER")));
        long owner = data.owner(OWNER_OF_B, cols("kind_code", "particulier"));
        data.ownership(housingOfB, owner, 1, "same-commune");
        List<String> markers = List.of(LOCAL_ID_OF_B, "TRANSFRONTALIER", String.valueOf(housingOfB) + ",\"" + LOCAL_ID_OF_B);
        var harness = new CrossTenantHarness(port, new TestTenants(context));
        List<EndpointCase> cases = List.of(
                get("logement de B (API)", f -> "/api/v1/housings/" + housingOfB),
                list("liste des logements (API)", f -> "/api/v1/housings?perPage=500").withMarkers(f -> markers),
                list("recherche du propriétaire de B (API)", f -> "/api/v1/housings?query=transfront").withMarkers(f -> markers),
                list("recherche de l'identifiant de B (API)", f -> "/api/v1/housings?query=" + LOCAL_ID_OF_B).withMarkers(f -> markers),
                list("commune de B en filtre (API)", f -> "/api/v1/housings?localities=29232").withMarkers(f -> markers),
                list("totaux (API)", f -> "/api/v1/housings/count?query=transfront&groupBy=status")
                        .withMarkers(f -> List.of("\"housings\":1")),
                list("carte (API)", f -> "/api/v1/housings/map").withMarkers(f -> markers),
                list("liste des logements (page)", f -> "/logements?query=transfront").withMarkers(f -> markers),
                list("carte (page)", f -> "/logements/carte?query=transfront").withMarkers(f -> markers),
                EndpointCase.post("modification groupée de B (page)", f -> "/logements/modification-groupee",
                        f -> java.util.Map.of("ids", String.valueOf(housingOfB))),
                EndpointCase.post("enregistrement groupé sur B (page)", f -> "/logements/modification-groupee/enregistrement",
                        f -> java.util.Map.of("ids", String.valueOf(housingOfB), "status", "2")),
                get("détail du score de B (page)", f -> "/logements/" + housingOfB + "/score").via(CrossTenantHarness.Channel.SESSION));
        return harness.run(harness.twoTenants(), cases);
    }
}
