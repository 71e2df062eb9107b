package fr.zlv.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one db-scheduler of the product. Modules declare their jobs as beans of type {@link Task}
 * (usually a {@code RecurringTask} from {@code Tasks.recurring(...)}, whose name must be unique); they
 * are all collected here. The scheduler starts on {@link ApplicationReadyEvent}, which Spring Boot
 * publishes after every application runner, so after the start-up tasks (reference data, demo
 * territory) are committed; it stops with the context, before the DataSource closes. Command-line runs
 * start no scheduler. Several instances on one database share the work (a due row is picked once).
 */
@Component
@ConditionalOnProperty(name = "zlv.mode", havingValue = "server", matchIfMissing = true)
class JobScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final DataSource dataSource;
    private final ObjectProvider<Task<?>> tasks;
    private volatile Scheduler scheduler;

    JobScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        this.dataSource = dataSource;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SuppressWarnings({"rawtypes", "unchecked"}) // the builder wants Task & OnStartup: RecurringTask is both
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        List<Task<?>> known = new ArrayList<>();
        List<RecurringTask> recurring = new ArrayList<>();
        tasks.orderedStream().forEach(task -> {
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                known.add(task);
            }
        });
        scheduler = Scheduler.create(dataSource, known)
                .startTasks(recurring)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .enableImmediateExecution()
                // within the context's shutdown phase (30 s): a job cut off is retried by the next instance
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
        scheduler.start();
        log.info("Job scheduler started with {} task(s): {}", known.size() + recurring.size(),
                tasks.orderedStream().map(Task::getName).toList());
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

}
