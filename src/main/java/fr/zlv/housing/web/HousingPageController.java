package fr.zlv.housing.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingConflictException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.housing.followup.DocumentService;
import fr.zlv.housing.followup.DocumentTooLargeException;
import fr.zlv.housing.followup.DocumentTypeRefusedException;
import fr.zlv.housing.followup.FollowUpCatalogue;
import fr.zlv.housing.followup.FollowUpService;
import fr.zlv.housing.followup.HousingReadService;
import fr.zlv.housing.followup.HousingView;
import fr.zlv.housing.followup.NoteService;
import fr.zlv.housing.followup.OwnerChange;
import fr.zlv.housing.followup.OwnerService;
import fr.zlv.shared.TerritoryScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The housing page ({@code /logements/{id}}): characteristics, owners (their reading is audited),
 * follow-up, notes, documents and history. Forms post and redirect back (post-redirect-get); a
 * refused or conflicting follow-up change is shown again with the agent's choices.
 */
@Controller
class HousingPageController {

    private final AccessManagement access;
    private final HousingReadService reads;
    private final FollowUpService followUp;
    private final NoteService notes;
    private final OwnerService owners;
    private final DocumentService documents;
    /** The base map of the location map, as on the map page (empty: a blank style that needs no tiles). */
    private final String mapStyleUrl;

    HousingPageController(AccessManagement access, HousingReadService reads, FollowUpService followUp, NoteService notes,
                          OwnerService owners, DocumentService documents,
                          @org.springframework.beans.factory.annotation.Value("${zlv.map-style-url:}") String mapStyleUrl) {
        this.mapStyleUrl = mapStyleUrl == null ? "" : mapStyleUrl.strip();
        this.access = access;
        this.reads = reads;
        this.followUp = followUp;
        this.notes = notes;
        this.owners = owners;
        this.documents = documents;
    }

    @GetMapping("/logements/{id:\\d+}")
    String page(@PathVariable("id") long id, Model model) {
        return render(id, model, null, null);
    }

    @PostMapping("/logements/{id:\\d+}/suivi")
    String saveFollowUp(@PathVariable("id") long id, @ModelAttribute FollowUpForm form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        TerritoryScope scope = access.currentScope();
        try {
            if (form.version() == null) {
                throw new FollowUpRefusedException("Le formulaire est incomplet : rechargez la fiche.");
            }
            followUp.update(scope, id, form.version(), form.change());
        } catch (HousingConflictException e) {
            response.setStatus(409);
            return render(id, model, form.withVersion(e.currentVersion()), e.getMessage());
        } catch (FollowUpRefusedException e) {
            response.setStatus(400);
            return render(id, model, form, e.getMessage());
        }
        redirect.addFlashAttribute("success", "Le suivi du logement est enregistré.");
        return "redirect:/logements/" + id + "#suivi";
    }

    @PostMapping("/logements/{id:\\d+}/notes")
    String addNote(@PathVariable("id") long id, @RequestParam(name = "content", required = false) String content,
                   RedirectAttributes redirect) {
        return act(id, "notes", redirect, "La note est ajoutée.", () -> notes.create(access.currentScope(), id, content));
    }

    @PostMapping("/logements/{id:\\d+}/notes/{noteId:\\d+}")
    String editNote(@PathVariable("id") long id, @PathVariable("noteId") long noteId,
                    @RequestParam(name = "content", required = false) String content, RedirectAttributes redirect) {
        return act(id, "notes", redirect, "La note est modifiée.", () -> notes.update(access.currentScope(), id, noteId, content));
    }

    @PostMapping("/logements/{id:\\d+}/notes/{noteId:\\d+}/suppression")
    String deleteNote(@PathVariable("id") long id, @PathVariable("noteId") long noteId, RedirectAttributes redirect) {
        return actVoid(id, "notes", redirect, "La note est supprimée.", () -> notes.delete(access.currentScope(), id, noteId));
    }

    @PostMapping("/logements/{id:\\d+}/proprietaires/{ownerId:\\d+}")
    String editOwner(@PathVariable("id") long id, @PathVariable("ownerId") long ownerId,
                     @RequestParam(name = "email", required = false) String email,
                     @RequestParam(name = "phone", required = false) String phone,
                     @RequestParam(name = "additionalAddress", required = false) String additionalAddress,
                     @RequestParam(name = "doNotContact", defaultValue = "false") boolean doNotContact,
                     RedirectAttributes redirect) {
        return act(id, "proprietaires", redirect, "Les coordonnées du propriétaire sont enregistrées.", () ->
                owners.update(access.currentScope(), id, ownerId, new OwnerChange(email == null ? "" : email,
                        phone == null ? "" : phone, additionalAddress == null ? "" : additionalAddress, doNotContact)));
    }

    @PostMapping("/logements/{id:\\d+}/proprietaires/{ownerId:\\d+}/rang")
    String changeRank(@PathVariable("id") long id, @PathVariable("ownerId") long ownerId,
                      @RequestParam(name = "rank") int rank, RedirectAttributes redirect) {
        return actVoid(id, "proprietaires", redirect, "Le rang du propriétaire est enregistré.",
                () -> owners.changeRank(access.currentScope(), id, ownerId, rank));
    }

    @PostMapping("/logements/{id:\\d+}/documents")
    String upload(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes redirect) {
        TerritoryScope scope = access.currentScope();
        reads.find(scope, id).orElseThrow(() -> new HousingNotFoundException("Logement introuvable."));
        return act(id, "documents", redirect, "Le document est ajouté.", () -> {
            Part part = HousingFollowUpApiController.filePart(request);
            try (InputStream in = part.getInputStream()) {
                documents.upload(scope, id, part.getSubmittedFileName(), in);
            } finally {
                part.delete();
            }
            return null;
        });
    }

    @GetMapping("/logements/{id:\\d+}/documents/{documentId:\\d+}")
    void download(@PathVariable("id") long id, @PathVariable("documentId") long documentId, HttpServletResponse response)
            throws IOException {
        HousingFollowUpApiController.send(documents.open(access.currentScope(), id, documentId), response);
    }

    @PostMapping("/logements/{id:\\d+}/documents/{documentId:\\d+}/suppression")
    String deleteDocument(@PathVariable("id") long id, @PathVariable("documentId") long documentId, RedirectAttributes redirect) {
        return actVoid(id, "documents", redirect, "Le document est supprimé.",
                () -> documents.delete(access.currentScope(), id, documentId));
    }

    private interface Action {
        Object run() throws IOException;
    }

    /** Runs a change and goes back to its section with a success or a French error message. */
    private String act(long id, String anchor, RedirectAttributes redirect, String success, Action action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (FollowUpRefusedException | DocumentTypeRefusedException | DocumentTooLargeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "redirect:/logements/" + id + "#" + anchor;
    }

    private String actVoid(long id, String anchor, RedirectAttributes redirect, String success, Runnable action) {
        return act(id, anchor, redirect, success, () -> {
            action.run();
            return null;
        });
    }

    private String render(long id, Model model, FollowUpForm form, String followUpError) {
        TerritoryScope scope = access.currentScope();
        HousingView housing = reads.find(scope, id).orElseThrow(() -> new HousingNotFoundException("Logement introuvable."));
        model.addAttribute("housing", housing);
        model.addAttribute("form", form == null ? FollowUpForm.of(housing) : form);
        model.addAttribute("followUpError", followUpError);
        model.addAttribute("owners", reads.owners(scope, id));
        model.addAttribute("notes", notes.list(scope, id));
        model.addAttribute("documents", documents.list(scope, id));
        model.addAttribute("events", reads.events(scope, id));
        model.addAttribute("statuses", FollowUpCatalogue.STATUSES);
        model.addAttribute("precisionCategories", FollowUpCatalogue.PRECISION_CATEGORIES);
        model.addAttribute("occupancies", FollowUpCatalogue.OCCUPANCIES);
        model.addAttribute("ranks", FollowUpCatalogue.RANKS);
        model.addAttribute("canWrite", access.currentUser().map(u -> !"VISITOR".equals(u.role())).orElse(false));
        model.addAttribute("maxDocumentMb", DocumentService.MAX_BYTES / (1024 * 1024));
        model.addAttribute("mapStyleUrl", mapStyleUrl);
        return "housing/page";
    }
}
