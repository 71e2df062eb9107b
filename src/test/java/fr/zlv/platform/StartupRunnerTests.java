package fr.zlv.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.shared.StartupTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.health.contributor.Status;

/** Health stays DOWN until every start-up task is done, so scripts never use a half-loaded product. */
class StartupRunnerTests {

    private final List<String> done = new ArrayList<>();

    private StartupTask task(String name, int order, boolean fails) {
        return new StartupTask() {
            public int order() {
                return order;
            }

            public String name() {
                return name;
            }

            public void run() {
                if (fails) {
                    throw new IllegalStateException("boom");
                }
                done.add(name);
            }
        };
    }

    @Test
    void reportsUpOnlyAfterAllTasksRanInOrder() {
        var runner = new StartupRunner(List.of(task("demo", 20, false), task("reference", 10, false)));
        assertThat(runner.health().getStatus()).isEqualTo(Status.DOWN);
        runner.run(new DefaultApplicationArguments());
        assertThat(done).containsExactly("reference", "demo");
        assertThat(runner.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void staysDownWhenATaskFails() {
        var runner = new StartupRunner(List.of(task("reference", 10, true)));
        assertThatThrownBy(() -> runner.run(new DefaultApplicationArguments())).hasMessageContaining("reference");
        assertThat(runner.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
