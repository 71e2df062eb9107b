package fr.zlv.perimeters;

import fr.zlv.imports.LovacImported;
import fr.zlv.shared.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Recomputes which dwellings lie inside the uploaded perimeters of the communes a LOVAC file covered,
 * once its import is committed (new dwellings, moved coordinates). Synchronous, like the scoring's
 * listener, so that an import ends with its derived data in place.
 */
@Component
class PerimeterImportListener {

    private final PerimeterManagement perimeters;

    PerimeterImportListener(PerimeterManagement perimeters) {
        this.perimeters = perimeters;
    }

    @EventListener
    @Order(20)
    void on(LovacImported imported) {
        if (!imported.communeCodes().isEmpty()) {
            Roles.asSystem(() -> perimeters.recompute(imported.communeCodes()));
        }
    }
}
