package fr.zlv.perimeters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.TestTenants;
import fr.zlv.access.UserManagement;
import fr.zlv.perimeters.ShapefileWriter.Feature;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.Channel;
import fr.zlv.support.CrossTenantHarness.EndpointCase;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Perimeter upload (GeoJSON, zipped Shapefile in WGS84 and Lambert-93), point-in-polygon, errors, privacy. */
@IntegrationTest
class PerimeterIntegrationTests {

    /** Shell clockwise (Shapefile order) around Aiguilles (05003), and a small hole counter-clockwise. */
    private static final double[][] SHELL = {{6.8, 44.7}, {6.8, 44.8}, {6.9, 44.8}, {6.9, 44.7}, {6.8, 44.7}};
    private static final double[][] HOLE = {{6.81, 44.71}, {6.83, 44.71}, {6.83, 44.73}, {6.81, 44.73}, {6.81, 44.71}};

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
    ObjectMapper json;

    record Agent(String email, String password, long establishmentId, String token) {
    }

    @Test
    void uploadedPerimetersLinkTheDwellingsInsideThemWhateverTheFormat() throws Exception {
        Agent agent = agent("05003");
        long inside = housing("05003", 6.85, 44.75);
        long outside = housing("05003", 6.95, 44.75);
        long inHole = housing("05003", 6.82, 44.72);
        housing("05003", null, null);

        String geojson = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"nom": "Centre ancien"},
                 "geometry": {"type": "Polygon", "coordinates": [[[6.8, 44.7], [6.9, 44.7], [6.9, 44.8], [6.8, 44.8], [6.8, 44.7]]]}}]}""";
        JsonNode fromGeoJson = upload(agent, "centre.geojson", geojson.getBytes(StandardCharsets.UTF_8), null, 201);
        assertThat(fromGeoJson.get("name").asText()).isEqualTo("Centre ancien");
        assertThat(fromGeoJson.get("kind").asText()).isEqualTo("geojson");
        assertThat(linked(fromGeoJson.get("id").asLong())).containsExactlyInAnyOrder(inside, inHole);

        // the list's perimeter filter reads the stored links
        var list = json.readTree(call(agent, "GET", "/api/v1/housings?geoPerimetersIncluded=" + fromGeoJson.get("id").asLong()).body());
        assertThat(list.get("items").findValuesAsString("localId")).hasSize(2);

        byte[] wgs84 = ShapefileWriter.zip(List.of(new Feature("Secteur OPAH", List.of(SHELL, HOLE))), ShapefileWriter.PRJ_WGS84, true);
        JsonNode fromWgs84 = upload(agent, "opah.zip", wgs84, null, 201);
        assertThat(fromWgs84.get("name").asText()).isEqualTo("Secteur OPAH");
        assertThat(fromWgs84.get("kind").asText()).isEqualTo("shapefile");
        assertThat(linked(fromWgs84.get("id").asLong())).containsExactly(inside);

        byte[] lambert = ShapefileWriter.zip(List.of(new Feature("Secteur Lambert", List.of(lambert93(SHELL), lambert93(HOLE)))),
                ShapefileWriter.PRJ_LAMBERT_93, true);
        JsonNode fromLambert = upload(agent, "lambert.zip", lambert, "Secteur en Lambert-93", 201);
        assertThat(fromLambert.get("name").asText()).isEqualTo("Secteur en Lambert-93");
        assertThat(linked(fromLambert.get("id").asLong())).containsExactly(inside);
        assertThat(linked(fromLambert.get("id").asLong())).doesNotContain(outside);

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        var page = browser.get("/perimetres");
        assertThat(page.body()).contains("Centre ancien", "Secteur OPAH", "Secteur en Lambert-93");
        long id = fromGeoJson.get("id").asLong();
        assertThat(browser.get("/perimetres/" + id + "/suppression").body()).contains("Confirmer la suppression");
        assertThat(browser.post("/perimetres/" + id + "/suppression", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/perimetres").body()).contains("Le périmètre « Centre ancien » a été supprimé.")
                .doesNotContain("data-id=\"" + id + "\"");
        assertThat(call(agent, "DELETE", "/api/v1/geo-perimeters/" + fromWgs84.get("id").asLong()).statusCode()).isEqualTo(204);
        assertThat(linked(fromWgs84.get("id").asLong())).isEmpty();
    }

    @Test
    void malformedFilesAreRefusedWithAFrenchMessageAndNothingIsStored() throws Exception {
        Agent agent = agent("05003");
        assertThat(upload(agent, "x.geojson", "{\"type\": \"Feature\", ".getBytes(StandardCharsets.UTF_8), null, 400)
                .get("error").asText()).contains("GeoJSON lisible");
        assertThat(upload(agent, "lambert.geojson", """
                {"type": "Polygon", "coordinates": [[[980000, 6400000], [990000, 6400000], [990000, 6410000], [980000, 6400000]]]}"""
                .getBytes(StandardCharsets.UTF_8), null, 400).get("error").asText()).contains("WGS84");
        byte[] noPrj = ShapefileWriter.zip(List.of(new Feature("Sans projection", List.<double[][]>of(SHELL))), ShapefileWriter.PRJ_WGS84, false);
        assertThat(upload(agent, "sans-prj.zip", noPrj, null, 400).get("error").asText()).contains("il manque : .prj");
        byte[] wrongPrj = ShapefileWriter.zip(List.of(new Feature("Lambert déclaré", List.<double[][]>of(SHELL))), ShapefileWriter.PRJ_LAMBERT_93, true);
        assertThat(upload(agent, "faux.zip", wrongPrj, null, 400).get("error").asText()).contains("projection");
        assertThat(upload(agent, "pas-un-zip.zip", "PK pas un zip".getBytes(StandardCharsets.UTF_8), null, 400).get("error").asText())
                .contains("archive");
        assertThat(jdbc.sql("select count(*) from geo_perimeter where establishment_id = ?").param(agent.establishmentId())
                .query(Long.class).single()).isZero();

        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(agent.email(), agent.password());
        assertThat(browser.get("/perimetres").body()).contains("Déposer un périmètre");
    }

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryAReachesNoPerimeterOfTerritoryB() {
        var harness = new CrossTenantHarness(port, new TestTenants(users, establishments, tokens));
        var fixture = harness.twoTenants();
        String name = "Périmètre secret de Quimper";
        long perimeterOfB = jdbc.sql("insert into geo_perimeter (establishment_id, name, kind, geometry) values (?, ?, 'geojson', ?) returning id")
                .params(fixture.b().establishmentId(), name, "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-4.2,47.9],[-4.0,47.9],[-4.0,48.1],[-4.2,47.9]]]]}")
                .query(Long.class).single();
        List<EndpointCase> cases = List.of(
                CrossTenantHarness.EndpointCase.list("périmètres (API)", f -> "/api/v1/geo-perimeters").withMarkers(f -> List.of(name)),
                CrossTenantHarness.EndpointCase.get("géométrie du périmètre de B (API)", f -> "/api/v1/geo-perimeters/" + perimeterOfB + "/geometry"),
                new EndpointCase("supprimer le périmètre de B (API)", "DELETE", f -> "/api/v1/geo-perimeters/" + perimeterOfB, f -> Map.of(),
                        Set.of(403, 404), Set.of(Channel.TOKEN), f -> List.of()),
                new EndpointCase("filtre sur le périmètre de B (API)", "GET", f -> "/api/v1/housings?geoPerimetersIncluded=" + perimeterOfB,
                        f -> Map.of(), Set.of(400, 403, 404), Set.of(Channel.TOKEN), f -> List.of()),
                CrossTenantHarness.EndpointCase.list("périmètres (page)", f -> "/perimetres").withMarkers(f -> List.of(name)),
                CrossTenantHarness.EndpointCase.get("confirmation de suppression du périmètre de B", f -> "/perimetres/" + perimeterOfB + "/suppression"),
                CrossTenantHarness.EndpointCase.post("supprimer le périmètre de B (page)", f -> "/perimetres/" + perimeterOfB + "/suppression",
                        f -> Map.of()));
        DynamicTest intact = DynamicTest.dynamicTest("le périmètre de B est intact", () ->
                assertThat(jdbc.sql("select count(*) from geo_perimeter where id = ?").param(perimeterOfB).query(Long.class).single()).isOne());
        return Stream.concat(harness.run(fixture, cases), Stream.of(intact));
    }

    private Agent agent(String commune) {
        String email = "perimetre-" + UUID.randomUUID() + "@perimetres.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            Establishment e = establishments.createCustom("Périmètres " + UUID.randomUUID().toString().substring(0, 8),
                    EstablishmentKind.ADIL, null, Set.of(commune));
            users.upsertUser(email, "Agent", "Périmètres", Role.USUAL, List.of(e.id()), password);
            return new Agent(email, password, e.id(), tokens.createFor(email, null, "tests périmètres").secret());
        });
    }

    private long housing(String commune, Double longitude, Double latitude) {
        return jdbc.sql("""
                insert into housing (local_id, commune_code, geo_code, departement, longitude, latitude) values (?, ?, ?, ?, ?, ?) returning id""")
                .params("P" + UUID.randomUUID().toString().replace("-", "").substring(0, 11), commune, commune, commune.substring(0, 2),
                        longitude, latitude).query(Long.class).single();
    }

    private List<Long> linked(long perimeterId) {
        return jdbc.sql("select housing_id from housing_geo_perimeter where perimeter_id = ? order by housing_id")
                .param(perimeterId).query(Long.class).list();
    }

    private static double[][] lambert93(double[][] ring) {
        CRSFactory crs = new CRSFactory();
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:4326"),
                crs.createFromName("EPSG:2154"));
        double[][] out = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            ProjCoordinate p = transform.transform(new ProjCoordinate(ring[i][0], ring[i][1]), new ProjCoordinate());
            out[i] = new double[] {p.x, p.y};
        }
        return out;
    }

    private JsonNode upload(Agent agent, String fileName, byte[] content, String name, int status) throws Exception {
        String boundary = "----zlv" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (name != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/geo-perimeters"))
                .header("Authorization", "Bearer " + agent.token()).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(Agent agent, String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + agent.token()).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
