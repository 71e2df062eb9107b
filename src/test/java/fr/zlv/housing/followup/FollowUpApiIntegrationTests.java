package fr.zlv.housing.followup;

import static fr.zlv.housing.followup.FollowUpTestData.BESANCON;
import static fr.zlv.housing.followup.FollowUpTestData.DIJON;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The follow-up rules through the API: Non suivi, sub-statuses, optimistic locking, events, bulk edit, VISITOR. */
@IntegrationTest
class FollowUpApiIntegrationTests {

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

    FollowUpTestData data;
    FollowUpTestData.Agent agent;

    @BeforeEach
    void setUp() {
        data = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        agent = data.agent(Set.of(BESANCON));
    }

    @Test
    void aDwellingThatLeftNonSuiviCannotGoBack() {
        long id = data.housing(BESANCON, 1, "1 RUE DU RETOUR");
        var answer = data.call(agent, "PUT", "/api/v1/housings/" + id, "{\"status\": 0, \"version\": " + data.version(id) + "}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("ne peut pas revenir au statut « Non suivi »").contains("status");
        assertThat(data.status(id)).isEqualTo(1);
        assertThat(data.eventMessages(id, "housing-status")).isEmpty();

        // still "Non suivi" → "Non suivi" is no change, and 0 → 1 is allowed
        long fresh = data.housing(BESANCON, 0, "2 RUE DU RETOUR");
        assertThat(data.call(agent, "PATCH", "/api/v1/housings/" + fresh, "{\"status\": 1, \"version\": 0}").status()).isEqualTo(200);
        assertThat(data.status(fresh)).isEqualTo(1);
    }

    @Test
    void aSubStatusMustBelongToItsStatus() {
        long id = data.housing(BESANCON, 1, "3 RUE DES SOUS STATUTS");
        var wrong = data.call(agent, "PUT", "/api/v1/housings/" + id,
                "{\"status\": 2, \"subStatus\": \"en-accompagnement\", \"version\": 0}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Le sous-statut « en-accompagnement » n'appartient pas au statut « Premier contact »")
                .contains("en-pre-accompagnement");
        var unknown = data.call(agent, "PUT", "/api/v1/housings/" + id, "{\"status\": 3, \"subStatus\": \"n-importe-quoi\", \"version\": 0}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("n'existe pas");
        assertThat(data.status(id)).isEqualTo(1);

        var right = data.call(agent, "PUT", "/api/v1/housings/" + id,
                "{\"status\": 3, \"subStatus\": \"en-accompagnement\", \"version\": 0}");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).contains("\"subStatus\":\"en-accompagnement\"").contains("\"subStatusLabel\":\"En accompagnement\"");
        assertThat(jdbc.sql("select sub_status from housing where id = ?").param(id).query(String.class).single())
                .isEqualTo("En accompagnement");
        // moving to another status drops a sub-status that does not belong to it, and says so
        var moved = data.call(agent, "PUT", "/api/v1/housings/" + id, "{\"status\": 5, \"version\": 1}");
        assertThat(moved.body()).contains("\"subStatus\":null");
        assertThat(data.eventMessages(id, "housing-sub-status")).containsExactly(
                "Sous-statut : « — » → « En accompagnement »", "Sous-statut : « En accompagnement » → « — »");
    }

    @Test
    void theSecondOfTwoEditsOfTheSameVersionIsRefusedAndTheFirstKept() {
        long id = data.housing(BESANCON, 0, "4 RUE DES CONCURRENTS");
        var colleague = data.agent(Set.of(BESANCON));
        int version = data.version(id);
        var first = data.call(agent, "PUT", "/api/v1/housings/" + id, "{\"status\": 2, \"occupancy\": \"L\", \"version\": " + version + "}");
        var second = data.call(colleague, "PUT", "/api/v1/housings/" + id, "{\"status\": 5, \"version\": " + version + "}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("Ce logement a été modifié par quelqu'un d'autre");
        assertThat(data.status(id)).isEqualTo(2);
        assertThat(jdbc.sql("select occupancy from housing where id = ?").param(id).query(String.class).single()).isEqualTo("L");
        assertThat(data.version(id)).isEqualTo(version + 1);

        var missing = data.call(agent, "PUT", "/api/v1/housings/" + id, "{\"status\": 3}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("« version » est obligatoire");
    }

    @Test
    void eachChangedFieldWritesAnEventWithOldAndNewValues() {
        long id = data.housing(BESANCON, 0, "5 RUE DES EVENEMENTS");
        var answer = data.call(agent, "PUT", "/api/v1/housings/" + id, """
                {"status": 2, "subStatus": "intérêt-potentiel-en-reflexion-bad", "version": 0}""");
        assertThat(answer.status()).isEqualTo(400);
        answer = data.call(agent, "PUT", "/api/v1/housings/" + id, """
                {"status": 2, "subStatus": "interet-potentiel-en-reflexion", "occupancy": "L", "occupancyIntended": "P",
                 "precisions": ["dispositifs-incitatifs/dispositif-fiscal", "travaux/en-cours"], "version": 0}""");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"version\":1").contains("\"userModified\":true");
        assertThat(data.eventMessages(id, "housing-status")).containsExactly("Statut : « Non suivi » → « Premier contact »");
        assertThat(data.eventMessages(id, "housing-occupancy")).containsExactly("Occupation : « Vacant » → « En location »");
        assertThat(data.eventMessages(id, "housing-occupancy-intended"))
                .containsExactly("Occupation prévisionnelle : « — » → « Occupé par le propriétaire »");
        assertThat(data.eventMessages(id, "housing-precisions")).containsExactly(
                "Précisions : ajout de « Dispositifs incitatifs : Dispositif fiscal », « Évolution : travaux : En cours »");
        var oldNew = jdbc.sql("select old_value::text || ' → ' || new_value::text from event where housing_id = ? and kind = 'housing-status'")
                .param(id).query(String.class).single();
        assertThat(oldNew).isEqualTo("0 → 2");
        var authors = jdbc.sql("select distinct created_by from event where housing_id = ?").param(id).query(Long.class).list();
        assertThat(authors).containsExactly(agent.userId());

        var events = data.call(agent, "GET", "/api/v1/housings/" + id + "/events", null);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("Statut : « Non suivi » → « Premier contact »").contains("Agathe Suivi")
                .contains("\"oldValue\":0").contains("\"newValue\":2");

        // two values of one "évolution" are refused, unknown fields and codes are named
        assertThat(data.call(agent, "PATCH", "/api/v1/housings/" + id,
                "{\"precisions\": [\"travaux/en-cours\", \"travaux/termines\"], \"version\": 1}").body())
                .contains("Une seule valeur est possible pour « Évolution : travaux »");
        assertThat(data.call(agent, "PATCH", "/api/v1/housings/" + id, "{\"statut\": 3, \"version\": 1}").body())
                .contains("Le champ « statut » n'existe pas");
        assertThat(data.call(agent, "PATCH", "/api/v1/housings/" + id, "{\"occupancy\": \"Z\", \"version\": 1}").body())
                .contains("L'occupation « Z » n'existe pas (champ « occupancy »)");
        assertThat(data.version(id)).isEqualTo(1);
    }

    @Test
    void aBulkEditWritesOneEventPerDwellingAndFieldInOneTransaction() {
        long a = data.housing(BESANCON, 0, "6 RUE GROUPEE");
        long b = data.housing(BESANCON, 0, "7 RUE GROUPEE");
        long c = data.housing(BESANCON, 1, "8 RUE GROUPEE");
        var answer = data.call(agent, "POST", "/api/v1/housings/bulk", """
                {"ids": [%d, %d, %d], "status": 2, "occupancy": "RS", "note": "Courrier commun envoyé"}""".formatted(a, b, c));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"selected\":3");
        for (long id : List.of(a, b, c)) {
            assertThat(data.status(id)).isEqualTo(2);
            assertThat(data.eventMessages(id, "housing-status")).hasSize(1);
            assertThat(data.eventMessages(id, "housing-occupancy")).containsExactly("Occupation : « Vacant » → « Résidence secondaire non louée »");
            assertThat(data.eventMessages(id, "note-created")).containsExactly("Note ajoutée : « Courrier commun envoyé »");
            assertThat(data.version(id)).isEqualTo(1);
        }
        assertThat(data.eventMessages(c, "housing-status")).containsExactly("Statut : « En attente de retour » → « Premier contact »");

        // back to Non suivi: refused for the whole selection, nothing changed
        long d = data.housing(BESANCON, 0, "9 RUE GROUPEE");
        var back = data.call(agent, "POST", "/api/v1/housings/bulk", "{\"ids\": [%d, %d], \"status\": 0}".formatted(a, d));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("ne peut pas revenir au statut « Non suivi »").contains("1 logement(s)");

        // a dwelling outside the scope: 404 and nothing changed for the others either
        long elsewhere = data.housing(DIJON, 0, "10 RUE AILLEURS");
        var outside = data.call(agent, "POST", "/api/v1/housings/bulk", "{\"ids\": [%d, %d], \"status\": 3}".formatted(d, elsewhere));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(data.status(d)).isZero();
        assertThat(data.status(elsewhere)).isZero();

        // a sub-status of another status, for one dwelling of the selection: nothing changed
        var wrong = data.call(agent, "POST", "/api/v1/housings/bulk",
                "{\"ids\": [%d, %d], \"subStatus\": \"en-accompagnement\"}".formatted(a, b));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(data.version(a)).isEqualTo(1);
    }

    @Test
    void aVisitorReadsButCannotChange() {
        long id = data.housing(BESANCON, 0, "11 RUE DU VISITEUR");
        var visitor = data.agent(Set.of(), Role.VISITOR);
        assertThat(data.call(visitor, "GET", "/api/v1/housings/" + id + "/events", null).status()).isEqualTo(200);
        assertThat(data.call(visitor, "PUT", "/api/v1/housings/" + id, "{\"status\": 1, \"version\": 0}").status()).isEqualTo(403);
        assertThat(data.call(visitor, "POST", "/api/v1/housings/" + id + "/notes", "{\"content\": \"non\"}").status()).isEqualTo(403);
        assertThat(data.call(visitor, "POST", "/api/v1/housings/bulk", "{\"ids\": [%d], \"status\": 1}".formatted(id)).status())
                .isEqualTo(403);
        assertThat(data.status(id)).isZero();
    }

    @Test
    void userModifiedIsSetWhenStatusOrOccupancyChangesOnly() {
        long id = data.housing(BESANCON, 0, "12 RUE IMPORT");
        data.call(agent, "PATCH", "/api/v1/housings/" + id, "{\"precisions\": [\"blocage-volontaire/strategie-de-gestion\"], \"version\": 0}");
        assertThat(jdbc.sql("select user_modified from housing where id = ?").param(id).query(Boolean.class).single()).isFalse();
        data.call(agent, "PATCH", "/api/v1/housings/" + id, "{\"occupancy\": \"P\", \"version\": 1}");
        assertThat(jdbc.sql("select user_modified from housing where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theFollowUpEndpointsAreInTheOpenApiDescription() {
        var answer = data.call(agent, "GET", "/api/v1/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"/api/v1/housings/{id}\"").contains("\"put\"").contains("\"patch\"")
                .contains("/api/v1/housings/bulk").contains("/api/v1/housings/{id}/notes/{noteId}")
                .contains("/api/v1/housings/{id}/events").contains("/api/v1/housings/{id}/owners")
                .contains("/api/v1/owners/{ownerId}").contains("/api/v1/housings/{id}/documents/{documentId}")
                .contains("HousingUpdate").contains("\"required\":[\"version\"]").contains("\"items\"");
        var codes = data.call(agent, "GET", "/api/v1/housings/follow-up-codes", null);
        assertThat(codes.body()).contains("\"code\":\"never-contacted\"").contains("dispositifs-incitatifs/dispositif-fiscal")
                .contains("n-habite-pas-a-l-adresse-indiquee");
    }
}
