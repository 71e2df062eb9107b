package fr.zlv.territory.web;

import fr.zlv.territory.ReferenceGeography;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** National reference of communes (not territorial): search by name, INSEE or arrondissement code. */
@RestController
class CommuneApiController {

    private final ReferenceGeography geography;

    CommuneApiController(ReferenceGeography geography) {
        this.geography = geography;
    }

    record CommuneItem(String code, String name, String departement, String epciSiren, Integer population) {
    }

    record CommuneList(List<CommuneItem> items) {
    }

    /** {@code GET /api/v1/communes?q=lyon&limit=20}: accent-insensitive match on the name, or exact code. */
    @GetMapping("/api/v1/communes")
    CommuneList communes(@RequestParam(name = "q", defaultValue = "") String q,
                         @RequestParam(name = "limit", defaultValue = "20") int limit) {
        return new CommuneList(geography.searchCommunes(q, limit).stream()
                .map(c -> new CommuneItem(c.code(), c.name(), c.departement(), c.epciSiren(), c.population()))
                .toList());
    }
}
