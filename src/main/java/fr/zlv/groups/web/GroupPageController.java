package fr.zlv.groups.web;

import fr.zlv.groups.GroupChange;
import fr.zlv.groups.GroupInputException;
import fr.zlv.groups.GroupManagement;
import fr.zlv.groups.GroupView;
import fr.zlv.groups.SelectionInput;
import fr.zlv.shared.web.Pager;
import fr.zlv.targeting.InvalidFilterException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The group pages: {@code /groupes} (list, creation) and {@code /groupes/{id}} (its dwellings, paged,
 * rename, archive, delete with confirmation, exports, history). The list page's selection form posts
 * to {@code /groupes} (new group) or {@code /groupes/{id}/logements/ajout} with the fields
 * {@code filter}, {@code allMatching}, {@code ids}, {@code exceptIds}.
 */
@Controller
class GroupPageController {

    static final int PER_PAGE = 50;

    private final GroupManagement groups;

    GroupPageController(GroupManagement groups) {
        this.groups = groups;
    }

    @GetMapping("/groupes")
    String list(@RequestParam(name = "archives", defaultValue = "false") boolean withArchived, Model model) {
        model.addAttribute("groups", groups.list(withArchived));
        model.addAttribute("withArchived", withArchived);
        return "groups/list";
    }

    @PostMapping("/groupes")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String filter,
                  @RequestParam(defaultValue = "false") boolean allMatching,
                  @RequestParam(required = false) List<String> ids,
                  @RequestParam(required = false) String exceptIds,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            SelectionInput selection = selection(allMatching, filter, ids, exceptIds);
            GroupChange change = groups.create(name, description, selection.filter(), selection.selection());
            redirect.addFlashAttribute("notice", "Le groupe « " + change.group().name() + " » a été créé avec "
                    + change.changed() + " logement" + (change.changed() > 1 ? "s" : "") + ".");
            return "redirect:/groupes/" + change.group().id();
        } catch (GroupInputException | InvalidFilterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("formName", name);
            model.addAttribute("formDescription", description);
            return list(false, model);
        }
    }

    @GetMapping("/groupes/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        GroupView group = groups.get(id);
        Pager pager = Pager.of(page, group.housingCount(), PER_PAGE);
        model.addAttribute("group", group);
        model.addAttribute("housings", groups.housings(id, pager.page(), PER_PAGE));
        model.addAttribute("pager", pager);
        model.addAttribute("events", groups.events(id));
        return "groups/show";
    }

    @PostMapping("/groupes/{id}/modification")
    String update(@PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            groups.update(id, name == null ? "" : name, description == null ? "" : description);
        } catch (GroupInputException e) {
            return error(id, e, model, response);
        }
        redirect.addFlashAttribute("notice", "Le groupe a été modifié.");
        return "redirect:/groupes/" + id;
    }

    @PostMapping("/groupes/{id}/archivage")
    String archive(@PathVariable long id, @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        groups.archive(id, archived);
        redirect.addFlashAttribute("notice", archived ? "Le groupe a été archivé." : "Le groupe a été désarchivé.");
        return "redirect:/groupes/" + id;
    }

    @PostMapping("/groupes/{id}/logements/ajout")
    String add(@PathVariable long id, @RequestParam(required = false) String filter,
               @RequestParam(defaultValue = "false") boolean allMatching,
               @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String exceptIds,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        groups.get(id);
        try {
            SelectionInput selection = selection(allMatching, filter, ids, exceptIds);
            GroupChange change = groups.addHousings(id, selection.filter(), selection.selection());
            redirect.addFlashAttribute("notice", change.changed() + " logement" + (change.changed() > 1 ? "s ajoutés" : " ajouté")
                    + " au groupe.");
        } catch (GroupInputException | InvalidFilterException e) {
            return error(id, e, model, response);
        }
        return "redirect:/groupes/" + id;
    }

    @PostMapping("/groupes/{id}/logements/retrait")
    String remove(@PathVariable long id, @RequestParam(required = false) List<String> ids, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        groups.get(id);
        try {
            GroupChange change = groups.removeHousings(id, SelectionInput.ids("ids", ids, GroupInputException::new));
            redirect.addFlashAttribute("notice", change.changed() + " logement" + (change.changed() > 1 ? "s retirés" : " retiré")
                    + " du groupe.");
        } catch (GroupInputException e) {
            return error(id, e, model, response);
        }
        return "redirect:/groupes/" + id;
    }

    @GetMapping("/groupes/{id}/suppression")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("group", groups.get(id));
        return "groups/delete";
    }

    @PostMapping("/groupes/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        GroupView group = groups.get(id);
        groups.delete(id);
        redirect.addFlashAttribute("notice", "Le groupe « " + group.name() + " » a été supprimé.");
        return "redirect:/groupes";
    }

    /** The list page's selection fields; a bad id is a {@link GroupInputException} naming the field. */
    private static SelectionInput selection(boolean allMatching, String filter, List<String> ids, String exceptIds) {
        return SelectionInput.of(allMatching, filter, SelectionInput.ids("ids", ids, GroupInputException::new),
                SelectionInput.ids("exceptIds", exceptIds, GroupInputException::new));
    }

    /** The group page again with the French message of the refused input, as a 400. */
    private String error(long id, RuntimeException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", e.getMessage());
        return show(id, 1, model);
    }
}
