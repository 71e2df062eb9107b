package fr.zlv.campaign.letter;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The letter images' nightly job (db-scheduler, collected by {@code platform.jobs}): deletes the images
 * that no letter names any more and the files left without a row, as {@link LetterImageCleanup#deleteOrphans()}.
 * Images are deleted right after the change that let go of them; this catches what a crash left.
 */
@Configuration(proxyBeanMethods = false)
class LetterImageJobs {

    private static final Logger log = LoggerFactory.getLogger(LetterImageJobs.class);

    @Bean
    RecurringTask<Void> letterImageOrphansTask(LetterImageCleanup cleanup) {
        return Tasks.recurring("letter-image-orphans", Schedules.daily(ZoneId.of("Europe/Paris"), LocalTime.of(3, 40)))
                .execute((instance, context) -> {
                    var deleted = cleanup.deleteOrphans();
                    log.info("Letter images cleanup: {} image(s) named by no letter deleted, {} file(s) removed",
                            deleted.rows(), deleted.files());
                });
    }
}
