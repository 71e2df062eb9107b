package fr.zlv.scoring.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.scoring.ScoreBreakdown;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** "Pourquoi ce score" over the API. */
@RestController
@Tag(name = "Score de priorité", description = "Le détail du score de priorité d'un logement")
class ScoreApiController {

    private final PriorityScoring scoring;
    private final AccessManagement access;

    ScoreApiController(PriorityScoring scoring, AccessManagement access) {
        this.scoring = scoring;
        this.access = access;
    }

    @GetMapping("/api/v1/housings/{id}/score")
    @Operation(summary = "Score de priorité d'un logement et son détail : critère, valeur, points (la somme des points fait le score)")
    ScoreBreakdown score(@PathVariable long id) {
        return scoring.breakdown(access.currentScope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Logement introuvable."));
    }
}
