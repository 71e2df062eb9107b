package fr.zlv.access;

import static fr.zlv.support.CrossTenantHarness.EndpointCase.get;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.list;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.post;

import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every territorial endpoint, asked by a user of territory A for territory B: 403 or 404, nothing of
 * B in the answer. Add one line per new endpoint (paths only: this test depends on no other module).
 */
@IntegrationTest
class CrossTenantIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    ApiTokenManagement tokens;

    static List<EndpointCase> cases() {
        return List.of(
                // access
                list("mon compte (API)", f -> "/api/v1/me"),
                list("mes établissements (API)", f -> "/api/v1/establishments"),
                list("mon compte (page)", f -> "/compte"),
                list("accueil", f -> "/"),
                post("passer sur l'établissement de B", f -> "/compte/etablissement",
                        f -> Map.of("establishmentId", String.valueOf(f.b().establishmentId()))),
                post("révoquer le jeton de B", f -> "/compte/jetons/" + f.b().tokenId() + "/revocation", f -> Map.of()),
                get("fiche de l'utilisateur B (administration)", f -> "/admin/utilisateurs/" + f.b().userId()),
                get("courriels (administration)", f -> "/admin/courriels"));
    }

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryASeesNothingOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(users, establishments, tokens));
        return harness.run(harness.twoTenants(), cases());
    }
}
