package fr.zlv.housing.followup;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentKind;
import fr.zlv.territory.EstablishmentManagement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dwellings, owners and agents of the follow-up tests, inserted straight into the tables in communes
 * no other test uses (Besançon, Dijon, Vesoul, Dole), and a small HTTP client speaking the API with
 * an agent's bearer token.
 */
public final class FollowUpTestData {

    public static final String BESANCON = "25056";
    public static final String DIJON = "21231";
    public static final String VESOUL = "70550";
    public static final String DOLE = "39198";

    /** A user with its API token. */
    public record Agent(long userId, String email, String password, Establishment establishment, String token) {
    }

    /** An HTTP answer: status and body. */
    public record Answer(int status, String body) {
    }

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final EstablishmentManagement establishments;
    private final ApiTokenManagement tokens;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public FollowUpTestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments,
                            ApiTokenManagement tokens, int port) {
        this.jdbc = jdbc;
        this.users = users;
        this.establishments = establishments;
        this.tokens = tokens;
        this.port = port;
    }

    public Agent agent(Set<String> communes) {
        return agent(communes, Role.USUAL);
    }

    public Agent agent(Set<String> communes, Role role) {
        String email = "suivi-" + UUID.randomUUID() + "@suivi.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            Establishment establishment = communes.isEmpty() ? null : establishments.createCustom(
                    "Suivi " + UUID.randomUUID().toString().substring(0, 8), EstablishmentKind.ADIL, null, communes);
            var user = users.upsertUser(email, "Agathe", "Suivi", role,
                    establishment == null ? List.of() : List.of(establishment.id()), password);
            var token = tokens.createFor(email, null, "tests suivi");
            return new Agent(user.id(), email, password, establishment, token.secret());
        });
    }

    /** A vacant dwelling "Non suivi" unless told otherwise; returns its id. */
    public long housing(String communeCode, int status, String address) {
        String localId = "FLW" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        return jdbc.sql("""
                insert into housing (local_id, geo_code, commune_code, departement, status, kind, living_area,
                                     address_dgfip, data_file_years, longitude, latitude, vacancy_start_year)
                values (?, ?, ?, ?, ?, 'MAISON', 84, ?, ?, 6.02, 47.24, 2019) returning id""")
                .params(localId, communeCode, communeCode, communeCode.substring(0, 2), (short) status,
                        new String[]{address, communeCode + " VILLE"}, new String[]{"lovac-2025"})
                .query(Long.class).single();
    }

    public long owner(long housingId, String fullName, int rank) {
        long id = jdbc.sql("""
                insert into owner (owner_key, full_name, birth_date, address_dgfip, kind_code)
                values (?, ?, date '1950-03-14', ?, 'particulier') returning id""")
                .params("flw-" + UUID.randomUUID(), fullName, new String[]{"3 RUE DES PROPRIETAIRES", "75001 PARIS"})
                .query(Long.class).single();
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, property_right, relative_location) values (?, ?, ?, 'usufruitier', 'other-region')")
                .params(housingId, id, (short) rank).update();
        return id;
    }

    public int version(long housingId) {
        return jdbc.sql("select version from housing where id = ?").param(housingId).query(Integer.class).single();
    }

    public int status(long housingId) {
        return jdbc.sql("select status from housing where id = ?").param(housingId).query(Integer.class).single();
    }

    public List<String> eventMessages(long housingId, String kind) {
        return jdbc.sql("select message from event where housing_id = ? and kind = ? order by id")
                .params(housingId, kind).query(String.class).list();
    }

    public Answer call(Agent agent, String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + agent.token()).header("Accept", "application/json");
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder);
    }

    /** A multipart upload of one file in the field "file". */
    public Answer upload(Agent agent, String path, String fileName, byte[] content) {
        String boundary = "zlv" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + agent.token()).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        return send(builder);
    }

    public byte[] download(Agent agent, String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + agent.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("download " + path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
