package fr.zlv.ownerportal.web;

import fr.zlv.ownerportal.AnswerView;
import fr.zlv.ownerportal.AnswersPage;
import fr.zlv.ownerportal.CampaignAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Owners' answers of a campaign of the caller's establishment, over the API. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/answers")
@Tag(name = "Réponses des propriétaires", description = "Réponses en ligne des propriétaires aux courriers d'une campagne "
        + "(la plus récente par code d'accès) et confirmation des sorties de la vacance qu'elles proposent")
class CampaignAnswersApiController {

    private final CampaignAnswers answers;
    private final ObjectMapper json;

    CampaignAnswersApiController(CampaignAnswers answers, ObjectMapper json) {
        this.answers = answers;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Réponses de la campagne, la plus récente par code, 50 par page (page à partir de 1). "
            + "Contient les coordonnées laissées par les propriétaires : chaque lecture est journalisée. Un propriétaire qui a "
            + "retiré son consentement n'a plus de coordonnées : consentWithdrawal vaut « Consentement retiré le JJ/MM/AAAA ».")
    AnswersPage list(@PathVariable long id, @RequestParam(defaultValue = "1") int page) {
        return answers.list(id, page);
    }

    @PostMapping("/{answerId}/confirm-exit")
    @Operation(summary = "Confirme la sortie de la vacance proposée par le propriétaire : statut « Suivi terminé », "
            + "sous-statut « Sortie de la vacance ». Corps : {\"version\": housingVersion} ; 409 si le logement a changé depuis.")
    AnswerView confirmExit(@PathVariable long id, @PathVariable long answerId, @RequestBody(required = false) String body) {
        // read as text and parsed leniently: another establishment's campaign is a 404 whatever the body
        Integer version = null;
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node != null && node.path("version").isIntegralNumber()) {
                version = node.path("version").asInt();
            }
        } catch (JacksonException e) {
            version = null;
        }
        return answers.confirmExit(id, answerId, version);
    }
}
