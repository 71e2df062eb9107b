package fr.zlv.targeting.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingConflictException;
import fr.zlv.housing.HousingFollowUpManagement;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.targeting.FilterField;
import fr.zlv.targeting.FollowUpCatalogue;
import fr.zlv.targeting.HousingSearch;
import fr.zlv.targeting.InvalidFilterException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk edit of the list's selection (ticked rows, or every dwelling of the filter except some): a form
 * page that says how many dwellings it will change, then the change — all or nothing, one event per
 * dwelling and field, with the housing page's rules — and back to the list with the number changed.
 */
@Controller
class BulkEditController {

    private final HousingSearch search;
    private final AccessManagement access;
    private final HousingFollowUpManagement followUp;

    BulkEditController(HousingSearch search, AccessManagement access, HousingFollowUpManagement followUp) {
        this.search = search;
        this.access = access;
        this.followUp = followUp;
    }

    /** The form, reached from the list with its selection. */
    @PostMapping("/logements/modification-groupee")
    String form(@RequestParam(required = false) Boolean allMatching, @RequestParam(required = false) String filter,
                @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String exceptIds,
                Model model, RedirectAttributes redirect) {
        SelectionForm selection;
        List<Long> selected;
        try {
            selection = SelectionForm.of(allMatching, filter, ids, exceptIds);
            selected = resolve(selection);
        } catch (InvalidFilterException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/logements?dataFileYearsIncluded=";
        }
        if (selected.isEmpty()) {
            redirect.addFlashAttribute("error", "Aucun logement sélectionné : cochez des logements de la liste avant de modifier leur suivi.");
            return "redirect:" + selection.listUrl();
        }
        return render(model, selection, selected.size(), new BulkChoices(null, null, List.of(), null, null), null);
    }

    @PostMapping("/logements/modification-groupee/enregistrement")
    String save(@RequestParam(required = false) Boolean allMatching, @RequestParam(required = false) String filter,
                @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String exceptIds,
                @RequestParam(required = false) String status, @RequestParam(required = false) String subStatus,
                @RequestParam(required = false) List<String> precisions, @RequestParam(required = false) String occupancy,
                @RequestParam(required = false) String note, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        BulkChoices choices = new BulkChoices(blank(status), blank(subStatus), precisions == null ? List.of() : precisions,
                blank(occupancy), blank(note));
        SelectionForm selection = SelectionForm.of(allMatching, filter, ids, exceptIds);
        List<Long> selected = resolve(selection);
        TerritoryScope scope = access.currentScope();
        try {
            int changed = followUp.bulkUpdate(scope, selected, choices.change());
            redirect.addFlashAttribute("success", changed == 0
                    ? "Aucun logement n'a changé : les " + selected.size() + " logements sélectionnés avaient déjà ces valeurs."
                    : "Le suivi de " + changed + (changed > 1 ? " logements a été modifié." : " logement a été modifié."));
            return "redirect:" + selection.listUrl();
        } catch (HousingConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, selection, selected.size(), choices, e.getMessage());
        } catch (FollowUpRefusedException | HousingNotFoundException | InvalidFilterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, selection, selected.size(), choices, e.getMessage());
        }
    }

    /** The selected ids within the scope; a ticked id outside it is not found (404), as if it did not exist. */
    private List<Long> resolve(SelectionForm selection) {
        List<Long> ids = search.selectedIds(access.currentScope(), selection.housingFilter(), selection.selection());
        if (!selection.allMatching() && ids.size() < selection.ids().size()) {
            throw new HousingNotFoundException("Logement introuvable.");
        }
        return ids;
    }

    private String render(Model model, SelectionForm selection, int count, BulkChoices choices, String error) {
        model.addAttribute("selection", selection);
        model.addAttribute("count", count);
        model.addAttribute("choices", choices);
        model.addAttribute("error", error);
        model.addAttribute("statuses", FollowUpCatalogue.STATUSES.subList(1, FollowUpCatalogue.STATUSES.size()));
        model.addAttribute("subStatuses", FollowUpCatalogue.SUB_STATUSES);
        model.addAttribute("precisions", FollowUpCatalogue.PRECISIONS);
        model.addAttribute("occupancies", FilterField.OCCUPANCIES.options());
        return "targeting/bulk";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the agent chose; null: leave as it is. No precision ticked leaves the precisions as they are. */
    record BulkChoices(String status, String subStatus, List<String> precisions, String occupancy, String note) {

        FollowUpChange change() {
            Integer statusValue = null;
            if (status != null) {
                try {
                    statusValue = Integer.valueOf(status);
                } catch (NumberFormatException e) {
                    throw new FollowUpRefusedException("Le statut « " + status + " » n'existe pas.");
                }
            }
            return new FollowUpChange(statusValue, subStatus, precisions.isEmpty() ? null : precisions, occupancy, null, note);
        }

        public boolean has(String precision) {
            return precisions.contains(precision);
        }
    }
}
