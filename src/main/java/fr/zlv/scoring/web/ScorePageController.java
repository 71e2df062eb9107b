package fr.zlv.scoring.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.scoring.PriorityScoring;
import fr.zlv.scoring.ScoreFactor;
import fr.zlv.scoring.ScoreWeights;
import fr.zlv.scoring.ScoringInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The weights of the priority score for the establishment ({@code /score}). */
@Controller
class ScorePageController {

    private final PriorityScoring scoring;
    private final AccessManagement access;

    ScorePageController(PriorityScoring scoring, AccessManagement access) {
        this.scoring = scoring;
        this.access = access;
    }

    /** One row of the weights form. */
    public record FactorRow(String code, String label, String explanation, String points, int defaultPoints) {
    }

    @GetMapping("/score")
    String page(Model model) {
        ScoreWeights weights = scoring.weights(access.currentScope());
        List<FactorRow> rows = new ArrayList<>();
        for (ScoreFactor factor : ScoreFactor.values()) {
            rows.add(new FactorRow(factor.code(), factor.label(), factor.explanation(), String.valueOf(weights.of(factor)),
                    factor.defaultWeight()));
        }
        return render(model, rows, weights.custom());
    }

    @PostMapping("/score")
    String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Integer> points = new LinkedHashMap<>();
        List<FactorRow> rows = new ArrayList<>();
        String error = null;
        for (ScoreFactor factor : ScoreFactor.values()) {
            String raw = form.getOrDefault("points-" + factor.code(), "").strip();
            rows.add(new FactorRow(factor.code(), factor.label(), factor.explanation(), raw, factor.defaultWeight()));
            try {
                points.put(factor.code(), Integer.parseInt(raw));
            } catch (NumberFormatException e) {
                error = error != null ? error : "Les points du critère « " + factor.label() + " » doivent être un nombre entier de 0 à 100.";
            }
        }
        try {
            if (error != null) {
                throw new ScoringInputException(error);
            }
            scoring.updateWeights(access.currentScope(), points, access.me().map(UserView::id).orElse(null));
        } catch (ScoringInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return render(model, rows, scoring.weights(access.currentScope()).custom());
        }
        redirect.addFlashAttribute("notice", "Les poids ont été enregistrés et les scores de vos logements recalculés.");
        return "redirect:/score";
    }

    @PostMapping("/score/reinitialisation")
    String reset(RedirectAttributes redirect) {
        scoring.resetWeights(access.currentScope());
        redirect.addFlashAttribute("notice", "Les poids nationaux par défaut s'appliquent de nouveau.");
        return "redirect:/score";
    }

    private String render(Model model, List<FactorRow> rows, boolean custom) {
        model.addAttribute("factors", rows);
        model.addAttribute("customWeights", custom);
        model.addAttribute("establishmentName", access.actingEstablishment().map(e -> e.name()).orElse(null));
        return "scoring/weights";
    }
}
