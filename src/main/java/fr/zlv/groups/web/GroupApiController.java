package fr.zlv.groups.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.zlv.groups.GroupChange;
import fr.zlv.groups.GroupExports;
import fr.zlv.groups.GroupHousingView;
import fr.zlv.groups.GroupInputException;
import fr.zlv.groups.GroupManagement;
import fr.zlv.groups.GroupView;
import fr.zlv.groups.HousingSets;
import fr.zlv.groups.SelectionInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Groups over the API. Bodies are read as text and parsed only after the group was found in the
 * caller's establishment, so another establishment's group is a 404 whatever the body.
 */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groupes", description = "Groupes de logements de l'établissement de l'appelant, et leurs exports")
class GroupApiController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GroupManagement groups;
    private final GroupExports exports;
    private final ObjectMapper json;

    GroupApiController(GroupManagement groups, GroupExports exports, ObjectMapper json) {
        this.groups = groups;
        this.exports = exports;
        this.json = json;
    }

    /**
     * A selection: {@code housingIds}, or {@code allMatching: true} with {@code filter} (the list's query
     * string, e.g. "occupancies=V&localities=16015") and {@code exceptIds}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SelectionBody(String name, String description, List<Long> housingIds, Boolean allMatching, String filter,
                         List<Long> exceptIds, Boolean archived) {
        SelectionInput selection() {
            return SelectionInput.of(Boolean.TRUE.equals(allMatching), filter, housingIds, exceptIds);
        }
    }

    record ChangeAnswer(GroupView group, int changed) {
        static ChangeAnswer of(GroupChange change) {
            return new ChangeAnswer(change.group(), change.changed());
        }
    }

    record HousingPage(int page, int perPage, int total, List<GroupHousingView> items) {
    }

    @GetMapping
    @Operation(summary = "Groupes de l'établissement (archived=true pour inclure les groupes archivés)")
    List<GroupView> list(@RequestParam(defaultValue = "false") boolean archived) {
        return groups.list(archived);
    }

    @PostMapping
    @Operation(summary = "Crée un groupe : {name, description, housingIds} ou {name, allMatching: true, filter, exceptIds}")
    ResponseEntity<ChangeAnswer> create(@RequestBody(required = false) String body) {
        SelectionBody input = body(body);
        SelectionInput selection = input.selection();
        GroupChange change = groups.create(input.name(), input.description(), selection.filter(), selection.selection());
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeAnswer.of(change));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un groupe, avec ses nombres de logements et de propriétaires")
    GroupView get(@PathVariable long id) {
        return groups.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Renomme, change la description, archive (archived: true) ou désarchive un groupe")
    GroupView update(@PathVariable long id, @RequestBody(required = false) String body) {
        groups.get(id);
        SelectionBody input = body(body);
        GroupView group = groups.update(id, input.name(), input.description());
        if (input.archived() != null) {
            group = groups.archive(id, input.archived());
        }
        return group;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprime un groupe (ses logements ne changent pas)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/housings")
    @Operation(summary = "Logements du groupe, par page (page à partir de 1, perPage ≤ 500)")
    HousingPage housings(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(defaultValue = "50") int perPage) {
        HousingSets.checkPage(page, perPage, GroupInputException::new);
        GroupView group = groups.get(id);
        return new HousingPage(page, perPage, group.housingCount(), groups.housings(id, page, perPage));
    }

    @PostMapping("/{id}/housings")
    @Operation(summary = "Ajoute des logements du territoire de l'appelant : {housingIds} ou {allMatching: true, filter, exceptIds}")
    ChangeAnswer add(@PathVariable long id, @RequestBody(required = false) String body) {
        groups.get(id);
        SelectionInput selection = body(body).selection();
        return ChangeAnswer.of(groups.addHousings(id, selection.filter(), selection.selection()));
    }

    @DeleteMapping("/{id}/housings")
    @Operation(summary = "Retire des logements : corps {housingIds} ou paramètre ids=1,2,3")
    ChangeAnswer remove(@PathVariable long id, @RequestParam(required = false) String ids,
                        @RequestBody(required = false) String body) {
        groups.get(id);
        List<Long> housingIds = ids != null ? SelectionInput.ids("ids", ids, GroupInputException::new)
                : body(body).housingIds() == null ? List.of() : body(body).housingIds();
        return ChangeAnswer.of(groups.removeHousings(id, housingIds));
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "Export du groupe au format Excel (feuilles « Logements » et « Propriétaires »)")
    void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        GroupView group = exports.check(id);
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", GroupFiles.attachment(group, "xlsx"));
        exports.writeXlsx(id, response.getOutputStream());
    }

    @GetMapping("/{id}/export.csv")
    @Operation(summary = "Export CSV de la feuille « Logements » (séparateur ;, UTF-8 avec BOM)")
    void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
        GroupView group = exports.check(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", GroupFiles.attachment(group, "csv"));
        exports.writeCsv(id, response.getOutputStream());
    }

    private SelectionBody body(String body) {
        if (body == null || body.isBlank()) {
            return new SelectionBody(null, null, null, null, null, null, null);
        }
        try {
            return json.readValue(body, SelectionBody.class);
        } catch (JacksonException e) {
            throw new GroupInputException("body", "Le corps de la requête est illisible : un objet JSON est attendu "
                    + "(name, description, housingIds, allMatching, filter, exceptIds, archived).");
        }
    }
}
