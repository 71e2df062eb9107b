package fr.zlv.campaign;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.zlv.shared.security.Roles;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The campaigns' daily job (db-scheduler, collected by {@code platform.jobs}): just after midnight in
 * France, campaigns whose sending date has come move their *Non suivi* dwellings to *En attente de
 * retour*, and returns are recounted. The body is {@link CampaignManagement#applySendingDates()}.
 */
@Configuration(proxyBeanMethods = false)
class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);

    @Bean
    RecurringTask<Void> campaignSendingDatesTask(CampaignManagement campaigns) {
        return Tasks.recurring("campaign-sending-dates", Schedules.daily(CampaignManagement.PARIS, LocalTime.of(0, 5)))
                .execute((instance, context) -> {
                    int moved = Roles.asSystem(campaigns::applySendingDates);
                    log.info("Campaign sending dates: {} dwelling(s) moved to « En attente de retour »", moved);
                });
    }
}
