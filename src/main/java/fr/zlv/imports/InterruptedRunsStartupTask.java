package fr.zlv.imports;

import fr.zlv.shared.StartupTask;
import org.springframework.stereotype.Component;

/** Import runs a stopped server left "running" show as interrupted from the next start, not forever in progress. */
@Component
class InterruptedRunsStartupTask implements StartupTask {

    private final LovacImportManagement imports;

    InterruptedRunsStartupTask(LovacImportManagement imports) {
        this.imports = imports;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String name() {
        return "interrupted import runs";
    }

    @Override
    public void run() {
        imports.markInterruptedRuns();
    }
}
