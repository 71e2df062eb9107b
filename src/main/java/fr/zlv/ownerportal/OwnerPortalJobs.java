package fr.zlv.ownerportal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.zlv.shared.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The owner portal's recurring jobs, run by db-scheduler (platform collects every task bean): the digest
 * e-mail of new answers, and the cleanup of old attempts and of contact details past their retention.
 */
@Configuration(proxyBeanMethods = false)
class OwnerPortalJobs {

    private static final Logger log = LoggerFactory.getLogger(OwnerPortalJobs.class);

    @Bean
    RecurringTask<Void> ownerAnswerDigestTask(OwnerAnswerDigest digest) {
        return Tasks.recurring("owner-answer-digest", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> {
                    int sent = Roles.asSystem(digest::sendPending);
                    if (sent > 0) {
                        log.info("Owner answers digest: {} e-mail(s) sent", sent);
                    }
                });
    }

    @Bean
    RecurringTask<Void> ownerPortalCleanupTask(RateLimits limits, OwnerAnswerRepository answers) {
        return Tasks.recurring("owner-portal-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    int attempts = limits.purge();
                    int forgotten = answers.forgetOldContactDetails();
                    log.info("Owner portal cleanup: {} old attempt(s) removed, contact details of {} answer(s) cleared",
                            attempts, forgotten);
                });
    }
}
