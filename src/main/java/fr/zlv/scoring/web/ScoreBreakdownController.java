package fr.zlv.scoring.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.scoring.ScoreBreakdown;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Pourquoi ce score ?" as an HTML fragment: the housing page (module housing, which may not use
 * scoring) loads it into its score section with htmx. Outside the scope: 404, like the page.
 */
@Controller
class ScoreBreakdownController {

    private final PriorityScoring scoring;
    private final AccessManagement access;

    ScoreBreakdownController(PriorityScoring scoring, AccessManagement access) {
        this.scoring = scoring;
        this.access = access;
    }

    @GetMapping("/logements/{id:\\d+}/score")
    String breakdown(@PathVariable("id") long id, Model model) {
        ScoreBreakdown breakdown = scoring.breakdown(access.currentScope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Logement introuvable."));
        model.addAttribute("breakdown", breakdown);
        return "scoring/breakdown :: breakdown";
    }
}
