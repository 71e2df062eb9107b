package fr.zlv.housing.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.housing.followup.DocumentService;
import fr.zlv.housing.followup.DocumentView;
import fr.zlv.housing.followup.EventView;
import fr.zlv.housing.followup.FollowUpCatalogue;
import fr.zlv.housing.followup.FollowUpService;
import fr.zlv.housing.followup.FollowUpView;
import fr.zlv.housing.followup.HousingReadService;
import fr.zlv.housing.followup.NoteService;
import fr.zlv.housing.followup.NoteView;
import fr.zlv.housing.followup.OwnerService;
import fr.zlv.housing.followup.OwnerView;
import fr.zlv.shared.TerritoryScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-up of dwellings over the API: changes under optimistic locking, bulk edit, notes, history,
 * owners and documents. Every path answers 404 for a dwelling outside the caller's scope, before its
 * body is even read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Suivi des logements", description = "Statut, occupation, précisions, notes, documents, propriétaires et historique")
class HousingFollowUpApiController {

    private final AccessManagement access;
    private final HousingReadService reads;
    private final FollowUpService followUp;
    private final NoteService notes;
    private final OwnerService owners;
    private final DocumentService documents;

    HousingFollowUpApiController(AccessManagement access, HousingReadService reads, FollowUpService followUp,
                                 NoteService notes, OwnerService owners, DocumentService documents) {
        this.access = access;
        this.reads = reads;
        this.followUp = followUp;
        this.notes = notes;
        this.owners = owners;
        this.documents = documents;
    }

    @GetMapping("/housings/follow-up-codes")
    @Operation(summary = "Codes stables des statuts, sous-statuts, précisions et occupations, avec leurs libellés")
    ApiBodies.Codes codes() {
        return new ApiBodies.Codes(FollowUpCatalogue.STATUSES, FollowUpCatalogue.PRECISION_CATEGORIES, FollowUpCatalogue.OCCUPANCIES);
    }

    @PutMapping("/housings/{id}")
    @Operation(summary = "Change le suivi d'un logement (version obligatoire : 409 si quelqu'un l'a modifié depuis)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.HousingUpdate.class))))
    FollowUpView put(@PathVariable("id") long id, HttpServletRequest request) {
        return update(id, request);
    }

    @PatchMapping("/housings/{id}")
    @Operation(summary = "Change une partie du suivi d'un logement (mêmes règles que PUT)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.HousingUpdate.class))))
    FollowUpView patch(@PathVariable("id") long id, HttpServletRequest request) {
        return update(id, request);
    }

    private FollowUpView update(long id, HttpServletRequest request) {
        TerritoryScope scope = inScope(id);
        ApiBodies.HousingUpdate body = JsonBodies.read(request, ApiBodies.HousingUpdate.class);
        return followUp.update(scope, id, body.requiredVersion(), body.change());
    }

    @PostMapping("/housings/bulk")
    @Operation(summary = "Modification groupée : un événement par logement et par champ, tout ou rien",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.BulkUpdate.class))))
    ApiBodies.BulkResult bulk(HttpServletRequest request) {
        ApiBodies.BulkUpdate body = JsonBodies.read(request, ApiBodies.BulkUpdate.class);
        if (body.ids() == null) {
            throw new FollowUpRefusedException("Le champ « ids » est obligatoire : la liste des logements à modifier.");
        }
        int changed = followUp.bulkUpdate(access.currentScope(), body.ids(), body.change());
        return new ApiBodies.BulkResult(body.ids().stream().distinct().toList().size(), changed);
    }

    @GetMapping("/housings/{id}/events")
    @Operation(summary = "Historique du logement et de ses propriétaires (qui, quand, quoi, ancien → nouveau), du plus récent au plus ancien")
    ApiBodies.Items<EventView> events(@PathVariable("id") long id) {
        return new ApiBodies.Items<>(reads.events(access.currentScope(), id));
    }

    @GetMapping("/housings/{id}/owners")
    @Operation(summary = "Propriétaires du logement avec leurs données personnelles (consultation tracée dans le journal d'accès)")
    ApiBodies.Items<OwnerView> owners(@PathVariable("id") long id) {
        return new ApiBodies.Items<>(reads.owners(access.currentScope(), id));
    }

    @PatchMapping("/housings/{id}/owners/{ownerId}")
    @Operation(summary = "Change le rang d'un propriétaire sur ce logement (principal, secondaire, ancien, incorrect, en attente, décédé)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.RankBody.class))))
    ApiBodies.Items<OwnerView> rank(@PathVariable("id") long id, @PathVariable("ownerId") long ownerId, HttpServletRequest request) {
        TerritoryScope scope = inScope(id);
        ApiBodies.RankBody body = JsonBodies.read(request, ApiBodies.RankBody.class);
        if (body.rank() == null) {
            throw new FollowUpRefusedException("Le champ « rank » est obligatoire.");
        }
        owners.changeRank(scope, id, ownerId, body.rank());
        return new ApiBodies.Items<>(reads.owners(scope, id));
    }

    @GetMapping("/housings/{id}/notes")
    @Operation(summary = "Notes du logement, de la plus récente à la plus ancienne")
    ApiBodies.Items<NoteView> notes(@PathVariable("id") long id) {
        return new ApiBodies.Items<>(notes.list(access.currentScope(), id));
    }

    @PostMapping("/housings/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajoute une note", requestBody = @RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ApiBodies.NoteBody.class))))
    NoteView addNote(@PathVariable("id") long id, HttpServletRequest request) {
        TerritoryScope scope = inScope(id);
        return notes.create(scope, id, JsonBodies.read(request, ApiBodies.NoteBody.class).content());
    }

    @PutMapping("/housings/{id}/notes/{noteId}")
    @Operation(summary = "Modifie une note", requestBody = @RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ApiBodies.NoteBody.class))))
    NoteView editNote(@PathVariable("id") long id, @PathVariable("noteId") long noteId, HttpServletRequest request) {
        TerritoryScope scope = inScope(id);
        return notes.update(scope, id, noteId, JsonBodies.read(request, ApiBodies.NoteBody.class).content());
    }

    @DeleteMapping("/housings/{id}/notes/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprime une note (son texte reste dans l'historique)")
    void deleteNote(@PathVariable("id") long id, @PathVariable("noteId") long noteId) {
        notes.delete(access.currentScope(), id, noteId);
    }

    @GetMapping("/housings/{id}/documents")
    @Operation(summary = "Documents joints au logement")
    ApiBodies.Items<DocumentView> documents(@PathVariable("id") long id) {
        return new ApiBodies.Items<>(documents.list(access.currentScope(), id));
    }

    @PostMapping(value = "/housings/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Joint un document (multipart, champ « file ») : 25 Mo au plus ; PDF, image ou bureautique, "
            + "reconnu d'après son contenu (415 sinon, 413 au-delà de 25 Mo)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(type = "object", requiredProperties = "file",
                            description = "file : le fichier (binaire)"))))
    DocumentView upload(@PathVariable("id") long id, HttpServletRequest request) throws IOException {
        TerritoryScope scope = inScope(id);
        Part part = filePart(request);
        try (InputStream in = part.getInputStream()) {
            return documents.upload(scope, id, part.getSubmittedFileName(), in);
        } finally {
            part.delete();
        }
    }

    @GetMapping("/housings/{id}/documents/{documentId}")
    @Operation(summary = "Télécharge un document")
    void download(@PathVariable("id") long id, @PathVariable("documentId") long documentId, HttpServletResponse response)
            throws IOException {
        send(documents.open(access.currentScope(), id, documentId), response);
    }

    @DeleteMapping("/housings/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprime un document")
    void deleteDocument(@PathVariable("id") long id, @PathVariable("documentId") long documentId) {
        documents.delete(access.currentScope(), id, documentId);
    }

    @PatchMapping("/owners/{ownerId}")
    @Operation(summary = "Change les coordonnées d'un propriétaire (courriel, téléphone, complément d'adresse, ne pas contacter) ; "
            + "404 si aucun de ses logements n'est dans le territoire de l'appelant",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.OwnerBody.class))))
    java.util.Map<String, Integer> patchOwner(@PathVariable("ownerId") long ownerId, HttpServletRequest request) {
        TerritoryScope scope = access.currentScope();
        // checked before reading the body: an owner of another territory is a 404 whatever is sent
        owners.requireInScope(scope, ownerId);
        ApiBodies.OwnerBody body = JsonBodies.read(request, ApiBodies.OwnerBody.class);
        int changes = owners.update(scope, null, ownerId,
                new fr.zlv.housing.followup.OwnerChange(body.email(), body.phone(), body.additionalAddress(), body.doNotContact()));
        return java.util.Map.of("changes", changes);
    }

    /** Sends a stored document as an attachment, never displayed inline (a file is never run by the browser). */
    static void send(DocumentService.Content content, HttpServletResponse response) throws IOException {
        try (InputStream in = content.stream()) {
            response.setContentType(content.document().contentType());
            response.setContentLengthLong(content.document().size());
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader("Cache-Control", "private, no-store");
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    static Part filePart(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            throw new FollowUpRefusedException("Un envoi « multipart/form-data » avec le champ « file » est attendu.");
        }
        try {
            Part part = request.getPart("file");
            if (part == null || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
                throw new FollowUpRefusedException("Choisissez un fichier à joindre (champ « file »).");
            }
            return part;
        } catch (ServletException e) {
            throw new FollowUpRefusedException("Un envoi « multipart/form-data » avec le champ « file » est attendu.");
        }
    }

    private TerritoryScope inScope(long id) {
        TerritoryScope scope = access.currentScope();
        reads.find(scope, id).orElseThrow(() -> new HousingNotFoundException("Logement introuvable."));
        return scope;
    }
}
