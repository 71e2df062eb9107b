package fr.zlv.access;

import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Users and establishments for access tests: unique emails, because the test JVM shares one database. */
final class AccessTestData {

    static final String PASSWORD = "un-mot-de-passe-solide";
    /** CC Faucigny - Glières (Haute-Savoie, 7 communes). */
    static final String EPCI_A = "200000172";
    /** Quimper and Brest (Finistère), by INSEE code. */
    static final String COMMUNE_B = "29232";
    static final String COMMUNE_C = "29019";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessTestData() {
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.zlv.fr";
    }

    static Establishment establishment(EstablishmentManagement establishments, String reference) {
        return Roles.asSystem(() -> establishments.createFromReference(reference));
    }

    static UserView user(UserManagement users, String email, Role role, List<Long> establishmentIds) {
        return Roles.asSystem(() -> users.upsertUser(email, "Claude", "Testeur", role, establishmentIds, PASSWORD));
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
