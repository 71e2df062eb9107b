package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignChange;
import fr.zlv.campaign.CampaignDocumentView;
import fr.zlv.campaign.CampaignDocuments;
import fr.zlv.campaign.CampaignExports;
import fr.zlv.campaign.CampaignFunnel;
import fr.zlv.campaign.CampaignHousingView;
import fr.zlv.campaign.CampaignInputException;
import fr.zlv.campaign.CampaignManagement;
import fr.zlv.campaign.CampaignView;
import fr.zlv.groups.HousingSets;
import fr.zlv.groups.SelectionInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Campaigns over the API. Bodies are read as text and parsed only after the campaign was found in the
 * caller's establishment, so another establishment's campaign is a 404 whatever the body.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campagnes", description = "Campagnes de l'établissement de l'appelant : destinataires, date d'envoi, retours, relances, exports, documents")
class CampaignApiController {

    private final CampaignManagement campaigns;
    private final CampaignExports exports;
    private final CampaignDocuments documents;
    private final ObjectMapper json;

    CampaignApiController(CampaignManagement campaigns, CampaignExports exports, CampaignDocuments documents, ObjectMapper json) {
        this.campaigns = campaigns;
        this.exports = exports;
        this.documents = documents;
        this.json = json;
    }

    record ChangeAnswer(CampaignView campaign, int changed, int statusesChanged) {
        static ChangeAnswer of(CampaignChange change) {
            return new ChangeAnswer(change.campaign(), change.changed(), change.moved());
        }
    }

    record HousingPage(int page, int perPage, int total, List<CampaignHousingView> items) {
    }

    @GetMapping
    @Operation(summary = "Campagnes de l'établissement (archived=true pour inclure les campagnes archivées)")
    List<CampaignView> list(@RequestParam(defaultValue = "false") boolean archived) {
        return campaigns.list(archived);
    }

    @PostMapping
    @Operation(summary = "Crée une campagne : {title, description, sendingDate?, groupId} ou {title, housingIds} "
            + "ou {title, allMatching: true, filter, exceptIds}")
    ResponseEntity<ChangeAnswer> create(@RequestBody(required = false) String body) {
        JsonNode input = body(body);
        String title = text(input, "title");
        String description = text(input, "description");
        var sendingDate = CampaignInput.date("sendingDate", text(input, "sendingDate"));
        CampaignChange change;
        if (input.hasNonNull("groupId")) {
            change = campaigns.createFromGroup(input.get("groupId").asLong(), title, description, sendingDate);
        } else {
            SelectionInput selection = SelectionInput.of(input.path("allMatching").asBoolean(false), text(input, "filter"),
                    longs(input, "housingIds"), longs(input, "exceptIds"));
            change = campaigns.createFromSelection(title, description, selection.filter(), selection.selection(), sendingDate);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeAnswer.of(change));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une campagne : statut, date d'envoi, nombre de destinataires, de retours et taux de retour")
    CampaignView get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Modifie le titre, la description, la date d'envoi (sendingDate AAAA-MM-JJ, null pour la retirer) "
            + "ou archive (archived: true) une campagne")
    CampaignView update(@PathVariable long id, @RequestBody(required = false) String body) {
        campaigns.get(id);
        JsonNode input = body(body);
        CampaignView campaign = campaigns.update(id, text(input, "title"), text(input, "description"));
        if (input.has("sendingDate")) {
            campaign = campaigns.setSendingDate(id, CampaignInput.date("sendingDate", text(input, "sendingDate"))).campaign();
        }
        if (input.hasNonNull("archived")) {
            campaign = campaigns.archive(id, input.get("archived").asBoolean());
        }
        return campaign;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprime une campagne (les logements qu'elle seule avait mis en attente de retour reviennent à « Non suivi »)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        documents.deleteFiles(campaigns.delete(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/housings")
    @Operation(summary = "Destinataires de la campagne, par page (page à partir de 1, perPage ≤ 500)")
    HousingPage housings(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(defaultValue = "50") int perPage) {
        HousingSets.checkPage(page, perPage, CampaignInputException::new);
        int total = campaigns.countHousings(id);
        return new HousingPage(page, perPage, total, campaigns.housings(id, page, perPage));
    }

    @PostMapping("/{id}/housings/remove")
    @Operation(summary = "Retire des logements de la campagne : {housingIds}")
    ChangeAnswer remove(@PathVariable long id, @RequestBody(required = false) String body) {
        campaigns.get(id);
        return ChangeAnswer.of(campaigns.removeHousings(id, longs(body(body), "housingIds")));
    }

    @PostMapping("/{id}/returns")
    @Operation(summary = "Courriers revenus (« N’habite pas à l’adresse indiquée ») pour des destinataires : {housingIds}")
    ChangeAnswer returns(@PathVariable long id, @RequestBody(required = false) String body) {
        campaigns.get(id);
        return ChangeAnswer.of(campaigns.markReturnedMail(id, longs(body(body), "housingIds")));
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Crée une relance : {days, title?, description?} — les destinataires toujours en attente de retour "
            + "et sans réponse days jours après l'envoi, avec une copie du courrier")
    ResponseEntity<ChangeAnswer> followUp(@PathVariable long id, @RequestBody(required = false) String body) {
        campaigns.get(id);
        JsonNode input = body(body);
        if (!input.hasNonNull("days") || !input.get("days").canConvertToInt()) {
            throw new CampaignInputException("days", "Le délai de relance (champ « days ») est obligatoire : un nombre de jours.");
        }
        CampaignChange change = campaigns.createFollowUp(id, input.get("days").asInt(), text(input, "title"), text(input, "description"));
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeAnswer.of(change));
    }

    @GetMapping("/{id}/funnel")
    @Operation(summary = "Entonnoir de la campagne : envoyés, réponses en ligne, premier contact, suivi en cours, sorties de vacance, "
            + "courriers revenus à part")
    CampaignFunnel funnel(@PathVariable long id) {
        return campaigns.funnel(id);
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "Export des destinataires au format Excel (feuilles « Logements » et « Propriétaires »)")
    void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        CampaignView campaign = exports.check(id);
        response.setContentType(CampaignFiles.XLSX);
        response.setHeader("Content-Disposition", CampaignFiles.export(campaign, "xlsx"));
        exports.writeXlsx(id, response.getOutputStream());
    }

    @GetMapping("/{id}/export.csv")
    @Operation(summary = "Export CSV des destinataires pour un publipostage (séparateur ;, UTF-8 avec BOM)")
    void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
        CampaignView campaign = exports.check(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", CampaignFiles.export(campaign, "csv"));
        exports.writeCsv(id, response.getOutputStream());
    }

    @GetMapping("/{id}/documents")
    @Operation(summary = "Documents joints à la campagne")
    List<CampaignDocumentView> documents(@PathVariable long id) {
        return documents.list(id);
    }

    @PostMapping("/{id}/documents") // no consumes: a wrong body for another establishment's campaign is still a 404
    @Operation(summary = "Joint un document (champ file ; 25 Mo au plus ; PDF, images, documents bureautiques)")
    ResponseEntity<CampaignDocumentView> upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        campaigns.get(id);
        if (file == null || file.isEmpty()) {
            throw new CampaignInputException("file", "Choisissez un fichier à joindre (champ « file »).");
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(documents.upload(id, file.getOriginalFilename(), in));
        }
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "Télécharge un document de la campagne")
    void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response) throws IOException {
        CampaignFiles.send(documents.open(id, documentId), response);
    }

    @DeleteMapping("/{id}/documents/{documentId}")
    @Operation(summary = "Supprime un document de la campagne")
    ResponseEntity<Void> deleteDocument(@PathVariable long id, @PathVariable long documentId) {
        documents.delete(id, documentId);
        return ResponseEntity.noContent().build();
    }

    private JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw new CampaignInputException("body", "Le corps de la requête doit être un objet JSON.");
            }
            return node;
        } catch (JacksonException e) {
            throw new CampaignInputException("body", "Le corps de la requête est illisible : un objet JSON est attendu.");
        }
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<Long> longs(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new CampaignInputException(field, "Le champ « " + field + " » doit être une liste d'identifiants de logements.");
        }
        return CampaignInput.ids(field, value.valueStream().map(JsonNode::asString).toList());
    }

}
