package fr.zlv.targeting.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.targeting.HousingCount;
import fr.zlv.targeting.HousingDetail;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingListItem;
import fr.zlv.targeting.HousingSearch;
import fr.zlv.targeting.InvalidFilterException;
import fr.zlv.targeting.ListRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The housing list over the API: the same filters and scope as the pages, and no default filter
 * (every millésime). Filter parameters are described in the OpenAPI description by
 * {@link HousingFilterOpenApi}.
 */
@RestController
@RequestMapping("/api/v1/housings")
@Tag(name = "Logements", description = "Recherche, filtres, totaux et carte des logements du territoire de l'appelant")
class HousingApiController {

    private static final List<String> MAP_FIELDS = List.of("id", "localId", "communeCode", "longitude", "latitude",
            "status", "occupancy", "address");

    private final HousingSearch search;
    private final AccessManagement access;

    HousingApiController(HousingSearch search, AccessManagement access) {
        this.search = search;
        this.access = access;
    }

    record HousingList(int page, int perPage, List<HousingListItem> items) {
    }

    @GetMapping
    @HousingFilterOpenApi(paging = true)
    @Operation(summary = "Liste filtrée des logements (une page, sans total : voir /count)")
    HousingList list(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        HousingFilter filter = HousingFilter.parse(parameters, ListRequest.PARAMETERS);
        ListRequest paging = ListRequest.parse(parameters);
        return new HousingList(paging.page(), paging.perPage(), search.list(access.currentScope(), filter, paging));
    }

    @GetMapping("/count")
    @HousingFilterOpenApi(groupBy = true)
    @Operation(summary = "Nombre de logements et de propriétaires principaux distincts ; groupBy=status ajoute byStatus")
    HousingCount count(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        HousingFilter filter = HousingFilter.parse(parameters, List.of("groupBy"));
        String[] groupBy = parameters.get("groupBy");
        boolean byStatus = false;
        if (groupBy != null) {
            String value = String.join(",", groupBy).strip();
            if (!value.equals("status")) {
                throw new InvalidFilterException("La valeur « " + value + " » du paramètre « groupBy » n'existe pas. "
                        + "Valeur possible : status.");
            }
            byStatus = true;
        }
        return search.count(access.currentScope(), filter, byStatus);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un logement par son identifiant interne (404 hors du territoire de l'appelant)")
    HousingDetail one(@PathVariable("id") long id) {
        return search.find(access.currentScope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Logement introuvable."));
    }

    /**
     * Every geolocated dwelling of the filtered set as compact arrays
     * ({@code {"fields": [...], "items": [[id, localId, communeCode, lon, lat, status, occupancy, address], ...]}}),
     * written as the rows arrive; the server compresses it (gzip) when the client accepts it.
     */
    @GetMapping("/map")
    @HousingFilterOpenApi
    @Operation(summary = "Points de la carte : tous les logements géolocalisés du filtre, sans pagination, "
            + "en tableaux compacts [id, localId, communeCode, longitude, latitude, status, occupancy, address]")
    void map(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HousingFilter filter = HousingFilter.parse(request.getParameterMap(), List.of());
        var scope = access.currentScope();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        List<String> header = new ArrayList<>();
        MAP_FIELDS.forEach(f -> header.add('"' + f + '"'));
        boolean gzip = acceptsGzip(request);
        if (gzip) {
            // compressed here rather than by the server, which skips small answers and cannot choose the buffer
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setHeader("Vary", "Accept-Encoding");
        Writer[] out = {null};
        boolean[] first = {true};
        try {
            search.map(scope, filter, point -> {
                try {
                    if (out[0] == null) {
                        out[0] = open(response, header, gzip);
                    }
                    Writer w = out[0];
                    w.write(first[0] ? "[" : ",[");
                    first[0] = false;
                    w.write(Long.toString(point.id()));
                    w.write(',');
                    JsonText.string(w, point.localId());
                    w.write(',');
                    JsonText.string(w, point.communeCode());
                    w.write(',');
                    w.write(coordinate(point.longitude()));
                    w.write(',');
                    w.write(coordinate(point.latitude()));
                    w.write(',');
                    w.write(Integer.toString(point.status()));
                    w.write(',');
                    JsonText.string(w, point.occupancy());
                    w.write(',');
                    JsonText.string(w, point.address());
                    w.write(']');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (out[0] == null) {
            out[0] = open(response, header, gzip);
        }
        out[0].write("]}");
        out[0].close();
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    private static Writer open(HttpServletResponse response, List<String> header, boolean gzip) throws IOException {
        java.io.OutputStream stream = gzip ? new java.util.zip.GZIPOutputStream(response.getOutputStream(), 64 * 1024)
                : response.getOutputStream();
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        w.write("{\"fields\":[" + String.join(",", header) + "],\"items\":[");
        return w;
    }

    /** Five decimals: about a metre, enough for a map, and a third less text than a double's digits. */
    private static String coordinate(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(5, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
