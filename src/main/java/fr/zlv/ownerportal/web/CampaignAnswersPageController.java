package fr.zlv.ownerportal.web;

import fr.zlv.campaign.CampaignManagement;
import fr.zlv.housing.HousingConflictException;
import fr.zlv.ownerportal.CampaignAnswers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answers tab of a campaign, {@code /campagnes/{id}/reponses}: the latest answer per code, and the
 * button that confirms an exit from vacancy an owner proposed.
 */
@Controller
class CampaignAnswersPageController {

    private final CampaignAnswers answers;
    private final CampaignManagement campaigns;

    CampaignAnswersPageController(CampaignAnswers answers, CampaignManagement campaigns) {
        this.answers = answers;
        this.campaigns = campaigns;
    }

    @GetMapping("/campagnes/{id}/reponses")
    String list(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("answers", answers.list(id, page));
        return "campaigns/answers";
    }

    @PostMapping("/campagnes/{id}/reponses/{answerId}/sortie")
    String confirmExit(@PathVariable long id, @PathVariable long answerId, @RequestParam int version,
                       @RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
        try {
            var answer = answers.confirmExit(id, answerId, version);
            redirect.addFlashAttribute("success", "La sortie de la vacance du logement " + answer.address() + " est confirmée.");
        } catch (HousingConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campagnes/" + id + "/reponses?page=" + page;
    }
}
