package fr.zlv.territory;

import fr.zlv.shared.StartupTask;
import org.springframework.stereotype.Component;

/** Refreshes the reference geography from the bundled files at each start (a no-op when unchanged). */
@Component
class ReferenceDataStartupTask implements StartupTask {

    private final ReferenceDataManagement referenceData;

    ReferenceDataStartupTask(ReferenceDataManagement referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "reference data";
    }

    @Override
    public void run() {
        referenceData.load();
    }
}
