package fr.zlv.access.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserView;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me} and {@code /api/v1/establishments}. */
@RestController
class AccessApiController {

    record EstablishmentJson(long id, String siren, String name, String kind) {
        static EstablishmentJson of(Establishment e) {
            return e == null ? null : new EstablishmentJson(e.id(), e.siren(), e.name(), e.kind().code());
        }
    }

    record MeJson(String email, String firstName, String lastName, String role, List<EstablishmentJson> memberships,
                  EstablishmentJson establishment) {
    }

    private final AccessManagement access;
    private final EstablishmentManagement establishments;

    AccessApiController(AccessManagement access, EstablishmentManagement establishments) {
        this.access = access;
        this.establishments = establishments;
    }

    @Operation(summary = "L'utilisateur appelant, ses structures et celle pour laquelle l'appel agit")
    @GetMapping("/api/v1/me")
    MeJson me() {
        UserView me = access.me().orElseThrow();
        List<EstablishmentJson> memberships = access.myEstablishments().stream().map(EstablishmentJson::of).toList();
        return new MeJson(me.email(), me.firstName(), me.lastName(), me.role().name(), memberships,
                access.actingEstablishment().map(EstablishmentJson::of).orElse(null));
    }

    /** USUAL: its memberships. ADMIN and VISITOR: every establishment, paged. */
    @Operation(summary = "Les structures de l'appelant (toutes, paginées, pour ADMIN et VISITOR)")
    @GetMapping("/api/v1/establishments")
    Map<String, Object> establishments(@RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "50") int perPage,
                                       @RequestParam(required = false) String q) {
        UserView me = access.me().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        if (me.role() == Role.USUAL) {
            body.put("items", access.myEstablishments().stream().map(EstablishmentJson::of).toList());
            return body;
        }
        var result = establishments.search(q, page, perPage);
        body.put("items", result.items().stream().map(EstablishmentJson::of).toList());
        body.put("page", result.page());
        body.put("perPage", result.perPage());
        body.put("total", result.total());
        return body;
    }
}
