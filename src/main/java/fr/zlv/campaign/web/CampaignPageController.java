package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignChange;
import fr.zlv.campaign.CampaignDocuments;
import fr.zlv.campaign.CampaignInputException;
import fr.zlv.campaign.CampaignManagement;
import fr.zlv.campaign.CampaignView;
import fr.zlv.groups.GroupManagement;
import fr.zlv.groups.SelectionInput;
import fr.zlv.shared.web.Pager;
import fr.zlv.targeting.InvalidFilterException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: {@code /campagnes} (list), the creation form (from a group, or posted by the
 * housing list's selection form to {@code POST /campagnes} with {@code title} or {@code name},
 * {@code filter}, {@code allMatching}, {@code ids}, {@code exceptIds}), {@code /campagnes/{id}} (the
 * *Destinataires* tab: recipients, sending date, funnel, returns, follow-up, archive, delete, history) and
 * {@code /campagnes/{id}/documents}. The *Courrier* and *Réponses* tabs belong to the letter and the
 * owner portal.
 */
@Controller
class CampaignPageController {

    static final int PER_PAGE = 50;

    private final CampaignManagement campaigns;
    private final CampaignDocuments documents;
    private final GroupManagement groups;

    CampaignPageController(CampaignManagement campaigns, CampaignDocuments documents, GroupManagement groups) {
        this.campaigns = campaigns;
        this.documents = documents;
        this.groups = groups;
    }

    @GetMapping("/campagnes")
    String list(@RequestParam(name = "archives", defaultValue = "false") boolean withArchived, Model model) {
        model.addAttribute("campaigns", campaigns.list(withArchived));
        model.addAttribute("withArchived", withArchived);
        return "campaigns/list";
    }

    /** The creation form; from a group page with {@code groupe}. */
    @GetMapping("/campagnes/nouvelle")
    String newCampaign(@RequestParam(name = "groupe", required = false) Long groupId, Model model) {
        if (groupId != null) {
            var group = groups.get(groupId);
            model.addAttribute("group", group);
            model.addAttribute("formTitle", group.name());
        }
        return "campaigns/new";
    }

    @PostMapping("/campagnes")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, @RequestParam(required = false) Long groupId,
                  @RequestParam(required = false) String filter, @RequestParam(defaultValue = "false") boolean allMatching,
                  @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String exceptIds,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String campaignTitle = title != null ? title : name;
        try {
            CampaignChange change;
            if (groupId != null) {
                change = campaigns.createFromGroup(groupId, campaignTitle, description, null);
            } else {
                SelectionInput selection = CampaignInput.selection(allMatching, filter, ids, exceptIds);
                change = campaigns.createFromSelection(campaignTitle, description, selection.filter(), selection.selection(), null);
            }
            redirect.addFlashAttribute("notice", "La campagne « " + change.campaign().title() + " » a été créée avec "
                    + change.changed() + " logement" + (change.changed() > 1 ? "s" : "") + ".");
            return "redirect:/campagnes/" + change.campaign().id();
        } catch (CampaignInputException | InvalidFilterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("formTitle", campaignTitle);
            model.addAttribute("formDescription", description);
            if (groupId != null) {
                model.addAttribute("group", groups.get(groupId));
            }
            model.addAttribute("selection", new SelectionFields(filter, allMatching, ids == null ? null : String.join(",", ids), exceptIds));
            return "campaigns/new";
        }
    }

    /** The list's selection, kept on the form when the title was missing. */
    public record SelectionFields(String filter, boolean allMatching, String ids, String exceptIds) {
    }

    @GetMapping("/campagnes/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        CampaignView campaign = campaigns.get(id);
        Pager pager = Pager.of(page, campaigns.countHousings(id), PER_PAGE);
        model.addAttribute("campaign", campaign);
        model.addAttribute("housings", campaigns.housings(id, pager.page(), PER_PAGE));
        model.addAttribute("pager", pager);
        model.addAttribute("funnel", campaigns.funnel(id));
        model.addAttribute("events", campaigns.events(id));
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")));
        return "campaigns/show";
    }

    @PostMapping("/campagnes/{id}/date-envoi")
    String sendingDate(@PathVariable long id, @RequestParam(required = false) String sendingDate, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        campaigns.get(id);
        try {
            CampaignChange change = campaigns.setSendingDate(id, CampaignInput.date("sendingDate", sendingDate));
            String notice = change.campaign().sendingDate() == null ? "La date d’envoi a été retirée."
                    : "La date d’envoi a été enregistrée.";
            if (change.moved() > 0) {
                notice += " " + change.moved() + " logement" + (change.moved() > 1 ? "s ont" : " a") + " changé de statut.";
            }
            redirect.addFlashAttribute("notice", notice);
        } catch (CampaignInputException e) {
            return error(id, e, model, response);
        }
        return "redirect:/campagnes/" + id;
    }

    /** The recipients' checkboxes: {@code action=retrait} removes them, {@code action=retour} marks returned mail. */
    @PostMapping("/campagnes/{id}/destinataires")
    String recipients(@PathVariable long id, @RequestParam(required = false) String action,
                      @RequestParam(required = false) List<String> ids, @RequestParam(defaultValue = "1") int page,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        campaigns.get(id);
        try {
            List<Long> housingIds = CampaignInput.ids("ids", ids);
            if (housingIds.isEmpty()) {
                throw new CampaignInputException("ids", "Sélectionnez au moins un destinataire.");
            }
            if ("retour".equals(action)) {
                CampaignChange change = campaigns.markReturnedMail(id, housingIds);
                redirect.addFlashAttribute("notice", change.changed() + " courrier" + (change.changed() > 1 ? "s" : "")
                        + " revenu" + (change.changed() > 1 ? "s" : "") + " enregistré" + (change.changed() > 1 ? "s" : "")
                        + " (« N’habite pas à l’adresse indiquée »).");
            } else if ("retrait".equals(action)) {
                CampaignChange change = campaigns.removeHousings(id, housingIds);
                redirect.addFlashAttribute("notice", change.changed() + " logement" + (change.changed() > 1 ? "s retirés" : " retiré")
                        + " de la campagne.");
            } else {
                throw new CampaignInputException("action", "Choisissez une action : retirer les logements ou enregistrer un courrier revenu.");
            }
        } catch (CampaignInputException e) {
            return error(id, e, model, response);
        }
        return "redirect:/campagnes/" + id + (page > 1 ? "?page=" + page : "");
    }

    @PostMapping("/campagnes/{id}/modification")
    String update(@PathVariable long id, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String description, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            campaigns.update(id, title == null ? "" : title, description == null ? "" : description);
        } catch (CampaignInputException e) {
            return error(id, e, model, response);
        }
        redirect.addFlashAttribute("notice", "La campagne a été modifiée.");
        return "redirect:/campagnes/" + id;
    }

    @PostMapping("/campagnes/{id}/archivage")
    String archive(@PathVariable long id, @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        campaigns.archive(id, archived);
        redirect.addFlashAttribute("notice", archived ? "La campagne a été archivée." : "La campagne a été désarchivée.");
        return "redirect:/campagnes/" + id;
    }

    @PostMapping("/campagnes/{id}/relance")
    String followUp(@PathVariable long id, @RequestParam(required = false) String days,
                    @RequestParam(required = false) String title, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        campaigns.get(id);
        try {
            int delay;
            try {
                delay = Integer.parseInt(days == null ? "" : days.strip());
            } catch (NumberFormatException e) {
                throw new CampaignInputException("days", "Le délai de relance doit être un nombre de jours.");
            }
            CampaignChange change = campaigns.createFollowUp(id, delay, title, null);
            redirect.addFlashAttribute("notice", "La relance « " + change.campaign().title() + " » a été créée avec "
                    + change.changed() + " logement" + (change.changed() > 1 ? "s" : "") + " et une copie du courrier.");
            return "redirect:/campagnes/" + change.campaign().id();
        } catch (CampaignInputException e) {
            return error(id, e, model, response);
        }
    }

    @GetMapping("/campagnes/{id}/suppression")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        return "campaigns/delete";
    }

    @PostMapping("/campagnes/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        CampaignView campaign = campaigns.get(id);
        documents.deleteFiles(campaigns.delete(id));
        redirect.addFlashAttribute("notice", "La campagne « " + campaign.title() + " » a été supprimée.");
        return "redirect:/campagnes";
    }

    @GetMapping("/campagnes/{id}/documents")
    String documents(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("documents", documents.list(id));
        return "campaigns/documents";
    }

    @PostMapping("/campagnes/{id}/documents")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        campaigns.get(id);
        try {
            if (file == null || file.isEmpty()) {
                throw new CampaignInputException("file", "Choisissez un fichier à joindre.");
            }
            try (InputStream in = file.getInputStream()) {
                var document = documents.upload(id, file.getOriginalFilename(), in);
                redirect.addFlashAttribute("notice", "Le document « " + document.fileName() + " » a été ajouté.");
            }
        } catch (RuntimeException e) {
            HttpStatus status = clientError(e);
            if (status == null) {
                throw e;
            }
            response.setStatus(status.value());
            model.addAttribute("error", e.getMessage());
            return documents(id, model);
        }
        return "redirect:/campagnes/" + id + "/documents";
    }

    @GetMapping("/campagnes/{id}/documents/{documentId}")
    void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response) throws IOException {
        CampaignFiles.send(documents.open(id, documentId), response);
    }

    @PostMapping("/campagnes/{id}/documents/{documentId}/suppression")
    String deleteDocument(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
        documents.delete(id, documentId);
        redirect.addFlashAttribute("notice", "Le document a été supprimé.");
        return "redirect:/campagnes/" + id + "/documents";
    }

    private String error(long id, RuntimeException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", e.getMessage());
        return show(id, 1, model);
    }

    /** Our refusals (bad type, too large, empty) carry a 4xx status and a French message. */
    private static HttpStatus clientError(RuntimeException e) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (annotated == null || !annotated.code().is4xxClientError() || e.getMessage() == null) {
            return null;
        }
        return HttpStatus.valueOf(annotated.code().value());
    }
}
