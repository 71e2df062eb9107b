package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.perimeters.PerimeterManagement;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After an import, the new dwellings have their priority scores and their place in uploaded perimeters. */
@IntegrationTest
class ImportDerivedDataIntegrationTests {

    @Autowired
    LovacImportManagement imports;
    @Autowired
    PriorityScoring scoring;
    @Autowired
    PerimeterManagement perimeters;
    @Autowired
    EstablishmentManagement establishments;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @Test
    void anImportScoresItsDwellingsAndPlacesThemInPerimeters() throws Exception {
        // Saint-Apollinaire (05006); an establishment with its own weights and a perimeter around its east part
        Establishment establishment = Roles.asSystem(() -> establishments.createCustom(
                "Import dérivé " + UUID.randomUUID().toString().substring(0, 8), EstablishmentKind.ADIL, null, Set.of("05006")));
        TerritoryScope scope = TerritoryScope.communes(establishment.id(), Set.of("05006"));
        long userId = Roles.asSystem(() -> users.upsertUser("derive-" + UUID.randomUUID() + "@import.zlv.test", "Agent",
                "Import", Role.USUAL, List.of(establishment.id()), "mot-de-passe-" + UUID.randomUUID()).id());
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (var factor : fr.zlv.scoring.ScoreFactor.values()) {
            weights.put(factor.code(), 0);
        }
        weights.put("vacancy-duration", 100);
        Roles.asSystem(() -> scoring.updateWeights(scope, weights, userId));
        String geojson = """
                {"type": "Polygon", "coordinates": [[[6.47, 44.77], [6.50, 44.77], [6.50, 44.80], [6.47, 44.80], [6.47, 44.77]]]}""";
        long perimeterId = Roles.asSystem(() -> perimeters.upload(scope, "Est du village", "est.geojson",
                geojson.getBytes(StandardCharsets.UTF_8), userId)).id();

        new LovacCsv(2041)
                .row("05006", "0060000001", "ff_x_4326", "6.48", "ff_y_4326", "44.78", "debutvacance", "2010")
                .row("05006", "0060000002", "ff_x_4326", "6.40", "ff_y_4326", "44.78", "debutvacance", "2010")
                .write(dir, "lovac-2041-05006.csv");
        Roles.asSystem(() -> imports.importFile(dir.resolve("lovac-2041-05006.csv"), 2041, false, ImportProgressListener.NONE));

        long inside = id("050060000001");
        long outside = id("050060000002");
        assertThat(jdbc.sql("select count(*) from housing where id in (?, ?) and priority_score is not null")
                .params(inside, outside).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select score from housing_priority_score where establishment_id = ? and housing_id = ?")
                .params(establishment.id(), inside).query(Integer.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("select housing_id from housing_geo_perimeter where perimeter_id = ?").param(perimeterId)
                .query(Long.class).list()).containsExactly(inside);
    }

    private long id(String localId) {
        return jdbc.sql("select id from housing where local_id = ?").param(localId).query(Long.class).single();
    }
}
