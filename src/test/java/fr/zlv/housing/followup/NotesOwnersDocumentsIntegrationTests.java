package fr.zlv.housing.followup;

import static fr.zlv.housing.followup.FollowUpTestData.VESOUL;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notes CRUD, owners (audit log, edits, ranks) and documents (content check, 25 MiB) through the API. */
@IntegrationTest
class NotesOwnersDocumentsIntegrationTests {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

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
        agent = data.agent(Set.of(VESOUL));
    }

    @Test
    void notesAreAddedEditedAndDeletedWithTheirHistory() {
        long id = data.housing(VESOUL, 0, "1 RUE DES NOTES");
        var created = data.call(agent, "POST", "/api/v1/housings/" + id + "/notes", "{\"content\": \"Propriétaire joint par téléphone\"}");
        assertThat(created.status()).isEqualTo(201);
        long noteId = id(created.body());
        assertThat(data.call(agent, "GET", "/api/v1/housings/" + id + "/notes", null).body())
                .contains("Propriétaire joint par téléphone").contains("Agathe Suivi");
        var edited = data.call(agent, "PUT", "/api/v1/housings/" + id + "/notes/" + noteId, "{\"content\": \"Rappeler en mars\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body()).contains("Rappeler en mars");
        assertThat(data.call(agent, "POST", "/api/v1/housings/" + id + "/notes", "{\"content\": \"   \"}").body())
                .contains("La note est vide");
        assertThat(data.call(agent, "DELETE", "/api/v1/housings/" + id + "/notes/" + noteId, null).status()).isEqualTo(204);
        assertThat(data.call(agent, "GET", "/api/v1/housings/" + id + "/notes", null).body()).isEqualTo("{\"items\":[]}");
        assertThat(data.call(agent, "DELETE", "/api/v1/housings/" + id + "/notes/" + noteId, null).status()).isEqualTo(404);
        assertThat(data.eventMessages(id, "note-created")).containsExactly("Note ajoutée : « Propriétaire joint par téléphone »");
        assertThat(data.eventMessages(id, "note-updated"))
                .containsExactly("Note modifiée : « Propriétaire joint par téléphone » → « Rappeler en mars »");
        assertThat(data.eventMessages(id, "note-deleted")).containsExactly("Note supprimée : « Rappeler en mars »");
    }

    @Test
    void readingTheOwnersIsWrittenToTheAuditLog() {
        long id = data.housing(VESOUL, 0, "2 RUE DES PROPRIETAIRES");
        data.owner(id, "AUDIT/ALICE", 1);
        var answer = data.call(agent, "GET", "/api/v1/housings/" + id + "/owners", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("AUDIT/ALICE").contains("Propriétaire principal").contains("usufruitier")
                .contains("\"age\":").contains("3 RUE DES PROPRIETAIRES");
        var rows = jdbc.sql("""
                select user_id, establishment_id, action from personal_data_access
                 where subject_kind = 'housing' and subject_id = ?""").param(String.valueOf(id))
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3)).list();
        assertThat(rows).containsExactly(agent.userId() + "/" + agent.establishment().id() + "/view-owners");
    }

    @Test
    void ownerEditsAndRankChangesWriteEvents() {
        long id = data.housing(VESOUL, 0, "3 RUE DES RANGS");
        long primary = data.owner(id, "RANG/PREMIER", 1);
        long second = data.owner(id, "RANG/SECOND", 2);
        var patched = data.call(agent, "PATCH", "/api/v1/owners/" + primary,
                "{\"email\": \"premier@example.org\", \"phone\": \"03 84 00 00 00\", \"doNotContact\": true}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).contains("\"changes\":3");
        assertThat(data.call(agent, "PATCH", "/api/v1/owners/" + primary, "{\"email\": \"pas-un-courriel\"}").body())
                .contains("L'adresse électronique « pas-un-courriel » n'est pas valide (champ « email »)");
        var events = data.call(agent, "GET", "/api/v1/housings/" + id + "/events", null).body();
        assertThat(events).contains("Adresse électronique de RANG/PREMIER : « — » → « premier@example.org »")
                .contains("Ne pas contacter (RANG/PREMIER) : « Non » → « Oui »");

        // the secondary owner becomes primary: the former primary takes rank 2; then the first one is deceased
        var ranked = data.call(agent, "PATCH", "/api/v1/housings/" + id + "/owners/" + second, "{\"rank\": 1}");
        assertThat(ranked.status()).isEqualTo(200);
        assertThat(rank(id, second)).isEqualTo(1);
        assertThat(rank(id, primary)).isEqualTo(2);
        data.call(agent, "PATCH", "/api/v1/housings/" + id + "/owners/" + primary, "{\"rank\": -3}");
        assertThat(rank(id, primary)).isEqualTo(-3);
        assertThat(data.eventMessages(id, "ownership-rank")).containsExactly(
                "Rang de RANG/SECOND : « Propriétaire secondaire (rang 2) » → « Propriétaire principal »",
                "Rang de RANG/PREMIER : « Propriétaire principal » → « Propriétaire secondaire (rang 2) »",
                "Rang de RANG/PREMIER : « Propriétaire secondaire (rang 2) » → « Propriétaire décédé »");
        assertThat(data.call(agent, "PATCH", "/api/v1/housings/" + id + "/owners/" + primary, "{\"rank\": 9}").status())
                .isEqualTo(400);
    }

    @Test
    void documentsAreCheckedFromTheirContentAndLimitedTo25MiB() {
        long id = data.housing(VESOUL, 0, "4 RUE DES DOCUMENTS");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var uploaded = data.upload(agent, "/api/v1/housings/" + id + "/documents", "état des lieux.pdf", pdf);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.body()).contains("état des lieux.pdf").contains("application/pdf");
        long documentId = id(uploaded.body());
        assertThat(data.download(agent, "/api/v1/housings/" + id + "/documents/" + documentId)).isEqualTo(pdf);

        // a program renamed .pdf, and a text file named .png: refused from their content
        byte[] exe = "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1);
        var fake = data.upload(agent, "/api/v1/housings/" + id + "/documents", "facture.pdf", exe);
        assertThat(fake.status()).isEqualTo(415);
        assertThat(fake.body()).contains("Le contenu du fichier « facture.pdf » ne correspond pas à son extension « .pdf »");
        assertThat(data.upload(agent, "/api/v1/housings/" + id + "/documents", "photo.png", pdf).status()).isEqualTo(415);
        assertThat(data.upload(agent, "/api/v1/housings/" + id + "/documents", "script.sh", pdf).status()).isEqualTo(415);

        // exactly 25 MiB passes, one byte more is refused
        byte[] big = new byte[(int) (25L * 1024 * 1024) + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        var tooBig = data.upload(agent, "/api/v1/housings/" + id + "/documents", "gros.pdf", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body()).contains("dépasse la taille maximale de 25 Mo");
        var justRight = data.upload(agent, "/api/v1/housings/" + id + "/documents", "limite.pdf", Arrays.copyOf(big, big.length - 1));
        assertThat(justRight.status()).isEqualTo(201);

        var list = data.call(agent, "GET", "/api/v1/housings/" + id + "/documents", null).body();
        assertThat(list).contains("état des lieux.pdf").contains("limite.pdf").doesNotContain("gros.pdf").doesNotContain("facture.pdf");
        assertThat(data.call(agent, "DELETE", "/api/v1/housings/" + id + "/documents/" + documentId, null).status()).isEqualTo(204);
        assertThat(data.eventMessages(id, "document-added")).containsExactly("Document ajouté : « état des lieux.pdf »",
                "Document ajouté : « limite.pdf »");
        assertThat(data.eventMessages(id, "document-deleted")).containsExactly("Document supprimé : « état des lieux.pdf »");
    }

    private int rank(long housingId, long ownerId) {
        return jdbc.sql("select rank from ownership where housing_id = ? and owner_id = ?").params(housingId, ownerId)
                .query(Integer.class).single();
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("an id in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
