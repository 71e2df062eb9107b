package fr.zlv.scoring;

import fr.zlv.imports.LovacImported;
import fr.zlv.shared.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rescores the communes a LOVAC file covered once its import is committed (new dwellings, new vacancy
 * years, owners). A plain synchronous listener rather than an asynchronous module listener: the import
 * publishes after its own commit, and the demo start-up import must end with every dwelling scored.
 */
@Component
class ScoreImportListener {

    private static final Logger log = LoggerFactory.getLogger(ScoreImportListener.class);

    private final PriorityScoring scoring;

    ScoreImportListener(PriorityScoring scoring) {
        this.scoring = scoring;
    }

    @EventListener
    @Order(10)
    void on(LovacImported imported) {
        if (imported.communeCodes().isEmpty()) {
            return; // an empty file covers nothing; an empty set would mean "every commune"
        }
        int changed = Roles.asSystem(() -> scoring.recomputeAfterImport(imported.communeCodes(), imported.onlyCreated()));
        log.info("Score de priorité recalculé après l'import LOVAC {} : {} logements changent de score",
                imported.millesime(), changed);
    }
}
