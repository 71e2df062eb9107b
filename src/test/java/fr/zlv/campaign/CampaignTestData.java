package fr.zlv.campaign;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hand-made dwellings and owners inserted into the tables, and agents with an API token. */
final class CampaignTestData {

    record Agent(long userId, String email, String password, Establishment establishment, String token) {
    }

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final EstablishmentManagement establishments;
    private final ApiTokenManagement tokens;

    CampaignTestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments, ApiTokenManagement tokens) {
        this.jdbc = jdbc;
        this.users = users;
        this.establishments = establishments;
        this.tokens = tokens;
    }

    Agent agentOf(String name, Set<String> communes) {
        String email = "campagnes-" + UUID.randomUUID() + "@campagnes.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            Establishment establishment = establishments.createCustom(name + " " + UUID.randomUUID().toString().substring(0, 8),
                    EstablishmentKind.ADIL, null, communes);
            var user = users.upsertUser(email, "Agent", "Campagnes", Role.USUAL, List.of(establishment.id()), password);
            var token = tokens.createFor(email, null, "tests campagnes");
            return new Agent(user.id(), email, password, establishment, token.secret());
        });
    }

    long housing(String communeCode, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("local_id", "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase());
        values.put("commune_code", communeCode);
        values.put("geo_code", communeCode);
        values.put("departement", communeCode.substring(0, 2));
        values.putAll(columns);
        return insert("housing", values);
    }

    String localId(long housingId) {
        return jdbc.sql("select local_id from housing where id = ?").param(housingId).query(String.class).single();
    }

    long owner(String fullName, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner_key", "cmp-" + UUID.randomUUID());
        values.put("full_name", fullName);
        values.putAll(columns);
        return insert("owner", values);
    }

    void ownership(long housingId, long ownerId, int rank) {
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, property_right) values (?, ?, ?, 'proprietaire-entier')")
                .params(housingId, ownerId, rank).update();
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

    /** A JSON call with a bearer token. */
    static HttpResponse<byte[]> call(int port, String token, String method, String path, String json) {
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json, */*");
            if (json == null) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
