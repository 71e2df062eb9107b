package fr.zlv.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.TestTenants;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The priority score: stored, explained line by line, and re-ranked when an establishment changes its weights. */
@IntegrationTest
class PriorityScoringIntegrationTests {

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
    PriorityScoring scoring;
    @Autowired
    ObjectMapper json;

    @Test
    void theOwnerAgeFactorCountsAgesAsAgeDoes() {
        // every birth date of the two years around each threshold (75 and 60 years ago), leap days included
        List<String> differences = jdbc.sql("""
                select po.birth_date::text
                  from generate_series(current_date - interval '77 years', current_date - interval '58 years',
                                       interval '1 day') d
                 cross join lateral (select d::date as birth_date) po
                 where (%s) <> (case when extract(year from age(current_date, po.birth_date)) >= 75 then 4
                                     when extract(year from age(current_date, po.birth_date)) >= 60 then 2
                                     else 0 end)""".formatted(ScoreFactor.OWNER_AGE.quartersSql))
                .query(String.class).list();
        assertThat(differences).isEmpty();
    }

    @Test
    void aFactorsIntegerPointsAreTheRoundedDecimalPoints() {
        // every weight a form accepts and every value of a factor: halves go up (10 × 0.25 = 2.5 → 3)
        List<String> differences = jdbc.sql("""
                select w || ' × ' || q || '/4'
                  from generate_series(0, 100) w cross join generate_series(0, 4) q
                 where (%s) <> round(w * (q / 4.0))""".formatted(ScoreSql.points("w", "q")))
                .query(String.class).list();
        assertThat(differences).isEmpty();
    }

    @Test
    void theBreakdownSumsToTheScoreAndNewWeightsChangeTheRanking() throws Exception {
        String email = "score-" + UUID.randomUUID() + "@score.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        var setup = Roles.asSystem(() -> {
            Establishment e = establishments.createCustom("Score " + UUID.randomUUID().toString().substring(0, 8),
                    EstablishmentKind.ADIL, null, Set.of("91064", "23001"));
            users.upsertUser(email, "Agent", "Score", Role.USUAL, List.of(e.id()), password);
            return Map.entry(e, tokens.createFor(email, null, "tests score").secret());
        });
        String token = setup.getValue();
        // Bièvres (91064): zone Abis, TLV; long vacancy, passoire, elderly distant multi-owner
        long tense = housing("91064", Map.of("vacancy_start_year", 2010, "last_lovac_year", 2025, "energy_label", "G", "taxed", true));
        long owner = jdbc.sql("insert into owner (owner_key, full_name, birth_date, multi_owner) values (?, 'AGEE/ANNE', ?, true) returning id")
                .params("score-" + UUID.randomUUID(), LocalDate.of(1940, 1, 1)).query(Long.class).single();
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, relative_location) values (?, ?, 1, 'other-region')")
                .params(tense, owner).update();
        // Ahun (23001): zone C, Petites villes de demain; recent vacancy, nothing else known
        long rural = housing("23001", Map.of("vacancy_start_year", 2022, "last_lovac_year", 2025));

        Roles.asSystem(() -> scoring.recompute(List.of("91064", "23001")));
        assertThat(storedScore(tense)).isEqualTo(80);
        assertThat(storedScore(rural)).isEqualTo(23);

        JsonNode breakdown = get(token, "/api/v1/housings/" + tense + "/score");
        assertThat(breakdown.get("score").asInt()).isEqualTo(80);
        int sum = 0;
        for (JsonNode line : breakdown.get("factors")) {
            sum += line.get("points").asInt();
        }
        assertThat(sum).isEqualTo(80);
        JsonNode vacancy = breakdown.get("factors").get(0);
        assertThat(vacancy.get("label").asText()).isEqualTo("Durée de vacance");
        assertThat(vacancy.get("value").asText()).isEqualTo("Vacant depuis 2010 (15 ans)");
        assertThat(vacancy.get("points").asInt()).isEqualTo(25);
        JsonNode ruralBreakdown = get(token, "/api/v1/housings/" + rural + "/score");
        assertThat(ruralBreakdown.get("factors").findValuesAsString("value")).contains("PVD", "Zone C");

        // the establishment favours programmes and vacancy: the rural dwelling now ranks first
        var browser = new CrossTenantHarness.Browser(port);
        browser.signIn(email, password);
        assertThat(browser.get("/score").body()).contains("Durée de vacance").contains("Tension du marché (zonage ABC)");
        Map<String, String> form = new LinkedHashMap<>();
        for (ScoreFactor factor : ScoreFactor.values()) {
            form.put("points-" + factor.code(), "0");
        }
        form.put("points-vacancy-duration", "40");
        form.put("points-programmes", "70");
        var refused = browser.post("/score", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("La somme des points doit être égale à 100 (elle est de 110).");
        form.put("points-programmes", "60");
        assertThat(browser.post("/score", form).status()).isEqualTo(302);

        JsonNode tenseAfter = get(token, "/api/v1/housings/" + tense + "/score");
        JsonNode ruralAfter = get(token, "/api/v1/housings/" + rural + "/score");
        assertThat(tenseAfter.get("customWeights").asBoolean()).isTrue();
        assertThat(tenseAfter.get("score").asInt()).isEqualTo(40);
        assertThat(ruralAfter.get("score").asInt()).isEqualTo(80);
        assertThat(jdbc.sql("select housing_id from housing_priority_score where establishment_id = ? order by score desc")
                .param(setup.getKey().id()).query(Long.class).list()).containsExactly(rural, tense);
        // the national default is untouched
        assertThat(storedScore(tense)).isEqualTo(80);

        assertThat(browser.post("/score/reinitialisation", Map.of()).status()).isEqualTo(302);
        assertThat(get(token, "/api/v1/housings/" + tense + "/score").get("score").asInt()).isEqualTo(80);
    }

    @TestFactory
    Stream<DynamicTest> aUserOfTerritoryASeesNoScoreOfTerritoryB() {
        long housingOfB = housing(CrossTenantHarness.TERRITORY_B, Map.of("vacancy_start_year", 2015));
        var harness = new CrossTenantHarness(port, new TestTenants(users, establishments, tokens));
        return harness.run(harness.twoTenants(), List.of(
                CrossTenantHarness.EndpointCase.get("score d'un logement de B (API)", f -> "/api/v1/housings/" + housingOfB + "/score"),
                CrossTenantHarness.EndpointCase.list("poids du score (page)", f -> "/score")));
    }

    @Test
    void anImportThatOnlyCreatedDwellingsRescoresOnlyTheBuildingsOfKnownSize() {
        // the import scored its new dwellings in their insert; a new vacant dwelling changes the vacancy rate of
        // its building, which counts only when the building's size is known
        String building = "score-" + UUID.randomUUID();
        jdbc.sql("insert into building (id, housing_count, vacant_housing_count) values (?, 4, 4)").param(building).update();
        long inKnownBuilding = housing("23001", Map.of("vacancy_start_year", 2022, "last_lovac_year", 2025,
                "building_id", building, "priority_score", 0));
        long scoredAtInsert = housing("23001", Map.of("vacancy_start_year", 2022, "last_lovac_year", 2025, "priority_score", 0));

        Roles.asSystem(() -> scoring.recomputeAfterImport(List.of("23001"), true));
        assertThat(storedScore(inKnownBuilding)).isGreaterThan(23);
        assertThat(storedScore(scoredAtInsert)).isZero();

        Roles.asSystem(() -> scoring.recomputeAfterImport(List.of("23001"), false));
        assertThat(storedScore(scoredAtInsert)).isEqualTo(23);
    }

    private long housing(String commune, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("local_id", "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 11));
        values.put("commune_code", commune);
        values.put("geo_code", commune);
        values.put("departement", commune.substring(0, 2));
        values.putAll(columns);
        return jdbc.sql("insert into housing (" + String.join(", ", values.keySet()) + ") values ("
                        + String.join(", ", values.keySet().stream().map(k -> "?").toList()) + ") returning id")
                .params(List.copyOf(values.values())).query(Long.class).single();
    }

    private int storedScore(long housingId) {
        return jdbc.sql("select priority_score from housing where id = ?").param(housingId).query(Integer.class).single();
    }

    private JsonNode get(String token, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
