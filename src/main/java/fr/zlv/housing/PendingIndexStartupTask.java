package fr.zlv.housing;

import fr.zlv.shared.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Builds the indexes a big import left pending when the product stopped before building them (a crash). */
@Component
class PendingIndexStartupTask implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(PendingIndexStartupTask.class);

    private final PendingIndexes indexes;

    PendingIndexStartupTask(PendingIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String name() {
        return "pending indexes";
    }

    @Override
    public void run() {
        int built = indexes.buildAll(phase -> log.info("Construction d'un index laissé par un import interrompu ({})", phase));
        if (built > 0) {
            log.info("{} index construits après un import interrompu", built);
        }
    }
}
