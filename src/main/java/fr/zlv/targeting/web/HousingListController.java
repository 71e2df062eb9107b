package fr.zlv.targeting.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.targeting.FilterField;
import fr.zlv.targeting.FilterOption;
import fr.zlv.targeting.FollowUpCatalogue;
import fr.zlv.targeting.HousingCount;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSearch;
import fr.zlv.targeting.InvalidFilterException;
import fr.zlv.targeting.ListRequest;
import fr.zlv.targeting.SavedViewManagement;
import fr.zlv.targeting.SortKey;
import fr.zlv.targeting.web.ListViews.Chip;
import fr.zlv.targeting.web.ListViews.Choice;
import fr.zlv.targeting.web.ListViews.Field;
import fr.zlv.targeting.web.ListViews.Group;
import fr.zlv.targeting.web.ListViews.Pager;
import fr.zlv.targeting.web.ListViews.SortLink;
import fr.zlv.targeting.web.ListViews.StatusTab;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The housing list page ({@code /logements}) and its map ({@code /logements/carte}). Every state is in
 * the URL (a GET form), so a list can be shared and the back button works. Without any parameter the
 * page filters on the newest LOVAC millésime.
 */
@Controller
class HousingListController {

    /** Filters given as free codes in a text field rather than as checkboxes. */
    private static final Set<FilterField> TEXT_FIELDS = Set.of(FilterField.INTERCOMMUNALITIES, FilterField.LOCALITIES,
            FilterField.DATA_FILE_YEARS_INCLUDED, FilterField.DATA_FILE_YEARS_EXCLUDED);

    private final HousingSearch search;
    private final AccessManagement access;
    private final SavedViewManagement views;
    private final String mapStyleUrl;

    HousingListController(HousingSearch search, AccessManagement access, SavedViewManagement views,
                          @Value("${zlv.map-style-url:}") String mapStyleUrl) {
        this.search = search;
        this.access = access;
        this.views = views;
        this.mapStyleUrl = mapStyleUrl == null ? "" : mapStyleUrl.strip();
    }

    @GetMapping("/logements")
    String list(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getQueryString() == null) {
            String latest = search.latestLovacFile().orElse("");
            return "redirect:/logements?dataFileYearsIncluded=" + latest;
        }
        TerritoryScope scope = access.currentScope();
        HousingFilter filter;
        ListRequest paging;
        try {
            filter = HousingFilter.parse(request.getParameterMap(), ListRequest.PARAMETERS);
            paging = ListRequest.parse(request.getParameterMap());
            HousingCount count = search.count(scope, filter, false);
            HousingCount tabs = search.count(scope, filter.with(FilterField.STATUSES, List.of()), true);
            ListUrls urls = new ListUrls("/logements", filter, paging);
            int lastPage = (int) Math.max(1, (count.housings() + paging.perPage() - 1) / paging.perPage());
            model.addAttribute("items", search.list(scope, filter, paging));
            model.addAttribute("count", count);
            model.addAttribute("tabs", tabs(filter, tabs, urls));
            model.addAttribute("pager", pager(paging.page(), lastPage, urls));
            model.addAttribute("sorts", sorts(paging, urls));
            model.addAttribute("chips", chips(filter, urls));
            common(model, scope, filter, paging, urls);
        } catch (InvalidFilterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            filter = HousingFilter.none();
            paging = ListRequest.firstPage();
            model.addAttribute("error", e.getMessage());
            model.addAttribute("items", List.of());
            model.addAttribute("count", new HousingCount(0, 0, null));
            model.addAttribute("tabs", List.of());
            model.addAttribute("pager", new Pager(1, 1, null, null, null, null));
            model.addAttribute("sorts", sorts(paging, new ListUrls("/logements", filter, paging)));
            model.addAttribute("chips", List.of());
            common(model, scope, filter, paging, new ListUrls("/logements", filter, paging));
        }
        return "targeting/list";
    }

    @GetMapping("/logements/carte")
    String map(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getQueryString() == null) {
            return "redirect:/logements/carte?dataFileYearsIncluded=" + search.latestLovacFile().orElse("");
        }
        TerritoryScope scope = access.currentScope();
        HousingFilter filter;
        try {
            filter = HousingFilter.parse(request.getParameterMap(), ListRequest.PARAMETERS);
        } catch (InvalidFilterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            filter = HousingFilter.none();
        }
        ListUrls urls = new ListUrls("/logements/carte", filter, ListRequest.firstPage());
        model.addAttribute("chips", chips(filter, urls));
        model.addAttribute("mapQuery", filter.toQueryString());
        model.addAttribute("mapStyleUrl", mapStyleUrl);
        model.addAttribute("statuses", FollowUpCatalogue.STATUSES);
        common(model, scope, filter, ListRequest.firstPage(), urls);
        return "targeting/map";
    }

    /** The map's reference layers: the territory's communes (centres) and the contours of its départements. */
    @GetMapping(value = "/logements/carte/couches", produces = "application/json")
    @ResponseBody
    String layers() {
        TerritoryScope scope = access.currentScope();
        StringBuilder json = new StringBuilder("{\"communes\":{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (var c : search.communes(scope)) {
            json.append(first ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(c.longitude()).append(',').append(c.latitude()).append("]},\"properties\":{\"code\":\"")
                    .append(c.code()).append("\",\"name\":").append(quote(c.name())).append("}}");
            first = false;
        }
        json.append("]},\"departements\":{\"type\":\"FeatureCollection\",\"features\":[");
        first = true;
        for (String geometry : search.departementContours(scope)) {
            json.append(first ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{},\"geometry\":").append(geometry).append('}');
            first = false;
        }
        return json.append("]}}").toString();
    }

    @PostMapping("/logements/vues")
    String saveView(@RequestParam(name = "name", defaultValue = "") String name,
                    @RequestParam(name = "queryString", defaultValue = "") String queryString,
                    RedirectAttributes redirect) {
        UserView me = access.me().orElseThrow();
        try {
            var view = views.save(me.id(), access.currentScope().establishmentId(), name, queryString);
            redirect.addFlashAttribute("success", "La vue « " + view.name() + " » est enregistrée.");
            return "redirect:/logements?" + (view.queryString().isEmpty() ? "dataFileYearsIncluded=" : view.queryString());
        } catch (InvalidFilterException e) {
            redirect.addFlashAttribute("viewError", e.getMessage());
            return "redirect:/logements?" + (queryString.isBlank() ? "dataFileYearsIncluded=" : queryString);
        }
    }

    @PostMapping("/logements/vues/{id}/suppression")
    String deleteView(@PathVariable("id") long id, RedirectAttributes redirect) {
        UserView me = access.me().orElseThrow();
        if (!views.delete(me.id(), id)) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "La vue est supprimée.");
        return "redirect:/logements?dataFileYearsIncluded=";
    }

    private void common(Model model, TerritoryScope scope, HousingFilter filter, ListRequest paging, ListUrls urls) {
        model.addAttribute("filter", filter);
        model.addAttribute("paging", paging);
        model.addAttribute("groups", panel(filter, search.perimeters(scope), search.campaigns(scope)));
        model.addAttribute("filterQuery", urls.filterOnly());
        model.addAttribute("listUrl", ListUrls.build("/logements", filter, paging.sortParameter(), paging.perPage(), 1));
        model.addAttribute("mapUrl", ListUrls.build("/logements/carte", filter, null, ListRequest.DEFAULT_PER_PAGE, 1));
        model.addAttribute("resetUrl", "/logements?dataFileYearsIncluded=");
        model.addAttribute("savedViews", access.me().map(me -> views.list(me.id())).orElse(List.of()));
        model.addAttribute("perPageChoices", List.of(50, 100, 200, 500));
        model.addAttribute("canWrite", access.currentUser().map(u -> !"VISITOR".equals(u.role())).orElse(false));
    }

    private static List<Group> panel(HousingFilter filter, List<FilterOption> perimeters, List<FilterOption> campaigns) {
        Map<String, List<Field>> groups = new LinkedHashMap<>();
        for (FilterField field : FilterField.values()) {
            List<String> active = filter.get(field);
            Field view;
            if (TEXT_FIELDS.contains(field)) {
                view = new Field(field.parameter(), field.label(), List.of(), String.join(",", active), !active.isEmpty());
            } else {
                List<FilterOption> options = switch (field) {
                    case GEO_PERIMETERS_INCLUDED, GEO_PERIMETERS_EXCLUDED -> perimeters;
                    case CAMPAIGN_IDS -> java.util.stream.Stream.concat(campaigns.stream(), java.util.stream.Stream.of(
                            new FilterOption(FilterOption.NULL_CODE, "Dans aucune campagne"))).toList();
                    default -> field.choices();
                };
                view = new Field(field.parameter(), field.label(),
                        options.stream().map(o -> new Choice(o.code(), o.label(), active.contains(o.code()))).toList(),
                        null, !active.isEmpty());
            }
            groups.computeIfAbsent(field.group(), g -> new ArrayList<>()).add(view);
        }
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    private static List<Chip> chips(HousingFilter filter, ListUrls urls) {
        List<Chip> chips = new ArrayList<>();
        if (filter.query() != null) {
            chips.add(new Chip("Recherche : « " + filter.query() + " »", urls.with(filter.withQuery(null))));
        }
        filter.values().forEach((field, codes) -> codes.forEach(code -> {
            List<String> rest = codes.stream().filter(c -> !c.equals(code)).toList();
            chips.add(new Chip(field.label() + " : " + field.labelOf(code), urls.with(filter.with(field, rest))));
        }));
        if (filter.scoreMin() != null) {
            chips.add(new Chip("Score minimal : " + filter.scoreMin(), urls.with(filter.withScoreMin(null))));
        }
        return chips;
    }

    private static List<StatusTab> tabs(HousingFilter filter, HousingCount counts, ListUrls urls) {
        List<String> selected = filter.get(FilterField.STATUSES);
        List<StatusTab> tabs = new ArrayList<>();
        tabs.add(new StatusTab("", "Tous", counts.housings(), urls.with(filter.with(FilterField.STATUSES, List.of())), selected.isEmpty()));
        for (FilterOption status : FollowUpCatalogue.STATUSES) {
            tabs.add(new StatusTab(status.code(), status.label(), counts.byStatus().getOrDefault(status.code(), 0L),
                    urls.with(filter.with(FilterField.STATUSES, List.of(status.code()))),
                    selected.size() == 1 && selected.contains(status.code())));
        }
        return tabs;
    }

    private static Pager pager(int page, int lastPage, ListUrls urls) {
        return new Pager(page, lastPage, page > 1 ? urls.page(1) : null, page > 1 ? urls.page(page - 1) : null,
                page < lastPage ? urls.page(page + 1) : null, page < lastPage ? urls.page(lastPage) : null);
    }

    private static Map<String, SortLink> sorts(ListRequest paging, ListUrls urls) {
        Map<String, SortLink> links = new LinkedHashMap<>();
        ListRequest.Order current = paging.orders().isEmpty() ? null : paging.orders().getFirst();
        for (SortKey key : SortKey.values()) {
            boolean ascending = current != null && current.key() == key && !current.descending();
            boolean descending = current != null && current.key() == key && current.descending();
            String next = ascending ? "-" + key.parameter() : key.parameter();
            links.put(key.parameter(), new SortLink(urls.sort(next), ascending ? "ascending" : descending ? "descending" : "none"));
        }
        return links;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            if (c >= 0x20) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
