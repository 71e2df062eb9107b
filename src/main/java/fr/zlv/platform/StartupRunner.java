package fr.zlv.platform;

import fr.zlv.shared.StartupTask;
import fr.zlv.shared.security.Roles;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s once the server is up and reports the product DOWN on
 * {@code /actuator/health} until they are all committed, so that scripts wait for a usable product.
 */
@Component
@ConditionalOnProperty(name = "zlv.mode", havingValue = "server", matchIfMissing = true)
class StartupRunner implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StartupRunner.class);

    private final List<StartupTask> tasks;
    private final AtomicReference<String> state = new AtomicReference<>("starting");

    StartupRunner(List<StartupTask> tasks) {
        this.tasks = tasks.stream().sorted(Comparator.comparingInt(StartupTask::order)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (StartupTask task : tasks) {
            state.set(task.name());
            long start = System.nanoTime();
            Roles.asSystem(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    throw new IllegalStateException("Start-up task failed: " + task.name(), e);
                }
                return null;
            });
            log.info("Start-up task '{}' done in {} ms", task.name(), (System.nanoTime() - start) / 1_000_000);
        }
        state.set("ready");
    }

    @Override
    public Health health() {
        String current = state.get();
        return "ready".equals(current) ? Health.up().build() : Health.down().withDetail("startup", current).build();
    }
}
