package fr.zlv.support;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hand-made rows for a module's tests: agents of a new establishment with an API token, dwellings, owners
 * and ownerships inserted straight into the tables, and JSON calls with a bearer token. Each module's test
 * data extends it with its own {@code word} (in the agents' e-mails, names and tokens, e.g. "groupes") and
 * {@code keyPrefix} (in owners' keys and generated local ids, e.g. "grp"), so that rows say which tests made them.
 */
public class TestData {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A user of an establishment (null for a national user), with its password and API token. */
    public record Agent(long userId, String email, String password, Establishment establishment, String token) {
    }

    protected final JdbcClient jdbc;
    private final UserManagement users;
    private final EstablishmentManagement establishments;
    private final ApiTokenManagement tokens;
    private final String word;
    private final String keyPrefix;

    protected TestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments,
                       ApiTokenManagement tokens, String word, String keyPrefix) {
        this.jdbc = jdbc;
        this.users = users;
        this.establishments = establishments;
        this.tokens = tokens;
        this.word = word;
        this.keyPrefix = keyPrefix;
    }

    /** The same, with the services taken from the test's application context. */
    protected TestData(ApplicationContext context, String word, String keyPrefix) {
        this(context.getBean(JdbcClient.class), context.getBean(UserManagement.class),
                context.getBean(EstablishmentManagement.class), context.getBean(ApiTokenManagement.class), word, keyPrefix);
    }

    /** For the test's own queries. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    /** A USUAL agent of a new establishment (an ADIL) of exactly these communes. */
    public Agent agentOf(String name, Set<String> communes) {
        String email = word + "-" + UUID.randomUUID() + "@" + word + ".zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            Establishment establishment = establishments.createCustom(name + " " + UUID.randomUUID().toString().substring(0, 8),
                    EstablishmentKind.ADIL, null, communes);
            var user = users.upsertUser(email, "Agent", capitalised(word), Role.USUAL, List.of(establishment.id()), password);
            var token = tokens.createFor(email, null, "tests " + word);
            return new Agent(user.id(), email, password, establishment, token.secret());
        });
    }

    /** A user of no establishment with a national role (ADMIN, VISITOR). */
    public Agent nationalAgent(Role role) {
        String email = "national-" + UUID.randomUUID() + "@" + word + ".zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            var user = users.upsertUser(email, "National", capitalised(word), role, List.of(), password);
            var token = tokens.createFor(email, null, "tests " + word);
            return new Agent(user.id(), email, password, null, token.secret());
        });
    }

    /** A dwelling of the commune with a new local id; other housing columns optional. */
    public long housing(String communeCode, Map<String, Object> columns) {
        String localId = keyPrefix.substring(0, 1).toUpperCase()
                + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
        return housing(localId, communeCode, columns);
    }

    /** A dwelling: {@code localId} and {@code communeCode} are required, other housing columns optional. */
    public long housing(String localId, String communeCode, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("local_id", localId);
        values.put("commune_code", communeCode);
        values.put("geo_code", communeCode);
        values.put("departement", communeCode.substring(0, 2));
        values.putAll(columns);
        return insert("housing", values);
    }

    public String localId(long housingId) {
        return jdbc.sql("select local_id from housing where id = ?").param(housingId).query(String.class).single();
    }

    public long owner(String fullName, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner_key", keyPrefix + "-" + UUID.randomUUID());
        values.put("full_name", fullName);
        values.putAll(columns);
        return insert("owner", values);
    }

    /** The owner holds the dwelling in full ownership at this rank (1: the primary owner). */
    public void ownership(long housingId, long ownerId, int rank) {
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, property_right) values (?, ?, ?, 'proprietaire-entier')")
                .params(housingId, ownerId, rank).update();
    }

    /** A row of the table with these columns; its id. */
    protected long insert(String table, Map<String, Object> values) {
        String bindMarkers = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        return jdbc.sql("insert into " + table + " (" + String.join(", ", values.keySet()) + ") values ("
                        + bindMarkers + ") returning id")
                .params(new ArrayList<>(values.values())).query(Long.class).single();
    }

    /** cols("kind", "MAISON", "rooms", 4) → the columns in that order. */
    public static Map<String, Object> cols(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A JSON call with a bearer token. */
    public static HttpResponse<byte[]> call(int port, String token, String method, String path, String json) {
        return call(port, token, method, path, json, "application/json, */*");
    }

    /** A call with a bearer token that accepts these types. */
    public static HttpResponse<byte[]> call(int port, String token, String method, String path, String json, String accept) {
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", accept);
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

    /** The JSON body of an answer that must have this status (the body is the failure's message). */
    public static JsonNode answer(HttpResponse<byte[]> response, int expectedStatus) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("expected status " + expectedStatus + " but was " + response.statusCode() + ": " + text);
        }
        return JSON.readTree(text);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
