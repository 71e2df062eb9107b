package fr.zlv.housing.web;

import static fr.zlv.support.CrossTenantHarness.EndpointCase.get;
import static fr.zlv.support.CrossTenantHarness.EndpointCase.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.TestTenants;
import fr.zlv.access.UserManagement;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.Channel;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every follow-up endpoint (housing page and its forms, API) asked by a user of territory A for a
 * dwelling, owner, note or document of territory B (Quimper): 404, none of B's data, nothing changed.
 */
@IntegrationTest
class FollowUpCrossTenantIntegrationTests {

    private static final String NOTE_OF_B = "NOTE-CONFIDENTIELLE-DE-QUIMPER";
    private static final String OWNER_OF_B = "SUIVIQUIMPER/BERNARD";

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

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoFollowUpOfTerritoryB() {
        String localId = "FLWB" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        long h = jdbc.sql("""
                insert into housing (local_id, geo_code, commune_code, departement, address_dgfip)
                values (?, '29232', '29232', '29', ?) returning id""")
                .params(localId, new String[]{"9 RUE SUIVIQUIMPER", "29000 QUIMPER"}).query(Long.class).single();
        long o = jdbc.sql("insert into owner (owner_key, full_name, email) values (?, ?, 'bernard@quimper.test') returning id")
                .params("flwb-" + UUID.randomUUID(), OWNER_OF_B).query(Long.class).single();
        jdbc.sql("insert into ownership (housing_id, owner_id, rank) values (?, ?, 1)").params(h, o).update();
        long n = jdbc.sql("insert into housing_note (housing_id, content) values (?, ?) returning id")
                .params(h, NOTE_OF_B).query(Long.class).single();
        long d = jdbc.sql("""
                insert into housing_document (housing_id, file_name, content_type, size_bytes, storage_key)
                values (?, 'bail-quimper.pdf', 'application/pdf', 10, ?) returning id""")
                .params(h, "housing/" + h + "/" + UUID.randomUUID()).query(Long.class).single();
        List<String> markers = List.of(localId, "SUIVIQUIMPER", NOTE_OF_B, "bail-quimper", "bernard@quimper.test");

        String page = "/logements/" + h;
        String api = "/api/v1/housings/" + h;
        Map<String, String> followUp = Map.of("status", "2", "version", "0", "occupancy", "L");
        List<EndpointCase> cases = new ArrayList<>(List.of(
                get("fiche logement de B (page)", f -> page),
                post("suivi de B (page)", f -> page + "/suivi", f -> followUp),
                post("note sur B (page)", f -> page + "/notes", f -> Map.of("content", "intrusion")),
                post("modification d'une note de B (page)", f -> page + "/notes/" + n, f -> Map.of("content", "intrusion")),
                post("suppression d'une note de B (page)", f -> page + "/notes/" + n + "/suppression", f -> Map.of()),
                post("propriétaire de B (page)", f -> page + "/proprietaires/" + o, f -> Map.of("email", "x@y.fr")),
                post("rang du propriétaire de B (page)", f -> page + "/proprietaires/" + o + "/rang", f -> Map.of("rank", "-3")),
                post("document sur B (page)", f -> page + "/documents", f -> Map.of()),
                get("document de B (page)", f -> page + "/documents/" + d),
                post("suppression d'un document de B (page)", f -> page + "/documents/" + d + "/suppression", f -> Map.of()),
                get("historique de B (API)", f -> api + "/events"),
                get("propriétaires de B (API)", f -> api + "/owners"),
                get("notes de B (API)", f -> api + "/notes"),
                get("documents de B (API)", f -> api + "/documents"),
                get("document de B (API)", f -> api + "/documents/" + d),
                post("note sur B (API, session)", f -> api + "/notes", f -> Map.of("content", "intrusion")),
                post("document sur B (API, session)", f -> api + "/documents", f -> Map.of())));
        cases.addAll(List.of(
                token("PUT", "suivi de B (API)", api),
                token("PATCH", "suivi partiel de B (API)", api),
                token("POST", "note sur B (API)", api + "/notes"),
                token("PUT", "modification d'une note de B (API)", api + "/notes/" + n),
                token("DELETE", "suppression d'une note de B (API)", api + "/notes/" + n),
                token("PATCH", "rang du propriétaire de B (API)", api + "/owners/" + o),
                token("PATCH", "propriétaire de B (API)", "/api/v1/owners/" + o),
                token("POST", "document sur B (API)", api + "/documents"),
                token("DELETE", "suppression d'un document de B (API)", api + "/documents/" + d)));
        cases.replaceAll(c -> c.withMarkers(f -> markers));

        var harness = new CrossTenantHarness(port, new TestTenants(users, establishments, tokens));
        Stream<DynamicTest> checks = harness.run(harness.twoTenants(), cases);
        return Stream.concat(checks, Stream.of(DynamicTest.dynamicTest("rien n'a changé chez B", () -> {
            assertThat(jdbc.sql("select status || '/' || version || '/' || occupancy from housing where id = ?").param(h)
                    .query(String.class).single()).isEqualTo("0/0/V");
            assertThat(jdbc.sql("select content from housing_note where housing_id = ?").param(h).query(String.class).list())
                    .containsExactly(NOTE_OF_B);
            assertThat(jdbc.sql("select count(*) from housing_document where housing_id = ?").param(h).query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select rank || '/' || coalesce(o.email, '') from ownership w join owner o on o.id = w.owner_id where w.housing_id = ?")
                    .param(h).query(String.class).single()).isEqualTo("1/bernard@quimper.test");
            assertThat(jdbc.sql("select count(*) from event where housing_id = ? or owner_id = ?").params(h, o)
                    .query(Integer.class).single()).isZero();
        })));
    }

    /** A call with A's bearer token only (the harness's session channel posts forms). */
    private static EndpointCase token(String method, String name, String path) {
        return new EndpointCase(name, method, f -> path, f -> Map.of("status", "1", "version", "0", "content", "x", "rank", "-3"),
                Set.of(404), Set.of(Channel.TOKEN), f -> List.of());
    }
}
