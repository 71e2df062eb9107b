package fr.zlv.targeting;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-built dwellings, owners and ownerships inserted straight into the tables, so that the expected
 * answer of every filter is known. Each dataset lives in its own communes (nobody else's tests use
 * them) and comes with an establishment of exactly those communes, a USUAL user and its API token.
 */
final class TargetingTestData {

    /** A user of the dataset's establishment. */
    record Agent(long userId, String email, String password, Establishment establishment, String token) {
    }

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final EstablishmentManagement establishments;
    private final ApiTokenManagement tokens;
    /** Local id → housing id. */
    final Map<String, Long> housings = new LinkedHashMap<>();

    TargetingTestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments, ApiTokenManagement tokens) {
        this.jdbc = jdbc;
        this.users = users;
        this.establishments = establishments;
        this.tokens = tokens;
    }

    Agent agentOf(String name, Set<String> communes) {
        String email = "ciblage-" + UUID.randomUUID() + "@ciblage.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            Establishment establishment = establishments.createCustom(name + " " + UUID.randomUUID().toString().substring(0, 8),
                    EstablishmentKind.ADIL, null, communes);
            var user = users.upsertUser(email, "Agent", "Ciblage", Role.USUAL, List.of(establishment.id()), password);
            var token = tokens.createFor(email, null, "tests ciblage");
            return new Agent(user.id(), email, password, establishment, token.secret());
        });
    }

    Agent nationalAgent(Role role) {
        String email = "national-" + UUID.randomUUID() + "@ciblage.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            var user = users.upsertUser(email, "National", "Ciblage", role, List.of(), password);
            var token = tokens.createFor(email, null, "tests ciblage");
            return new Agent(user.id(), email, password, null, token.secret());
        });
    }

    /** A dwelling: {@code localId} and {@code commune_code} are required, other housing columns optional. */
    long housing(String localId, String communeCode, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("local_id", localId);
        values.put("commune_code", communeCode);
        values.put("geo_code", communeCode);
        values.put("departement", communeCode.substring(0, 2));
        values.putAll(columns);
        long id = insert("housing", values);
        housings.put(localId, id);
        return id;
    }

    long owner(String fullName, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner_key", "tgt-" + UUID.randomUUID());
        values.put("full_name", fullName);
        values.putAll(columns);
        return insert("owner", values);
    }

    void ownership(long housingId, long ownerId, int rank, String relativeLocation) {
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, relative_location, property_right) values (?, ?, ?, ?, ?)")
                .params(housingId, ownerId, rank, relativeLocation, "proprietaire-entier").update();
    }

    void building(String id, Integer housingCount, Integer vacantCount, String energyLabel) {
        jdbc.sql("insert into building (id, housing_count, vacant_housing_count, energy_label) values (?, ?, ?, ?)")
                .params(id, housingCount, vacantCount, energyLabel).update();
    }

    long perimeter(long establishmentId, String name, List<Long> housingIds) {
        long id = jdbc.sql("insert into geo_perimeter (establishment_id, name) values (?, ?) returning id")
                .params(establishmentId, name).query(Long.class).single();
        for (Long housingId : housingIds) {
            jdbc.sql("insert into housing_geo_perimeter (housing_id, perimeter_id) values (?, ?)").params(housingId, id).update();
        }
        return id;
    }

    private long insert(String table, Map<String, Object> values) {
        List<String> placeholders = new ArrayList<>();
        values.keySet().forEach(k -> placeholders.add("?"));
        return jdbc.sql("insert into " + table + " (" + String.join(", ", values.keySet()) + ") values ("
                        + String.join(", ", placeholders) + ") returning id")
                .params(new ArrayList<>(values.values())).query(Long.class).single();
    }

    static Map<String, Object> cols(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String[] lines(String... lines) {
        return lines;
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
