package fr.zlv.scoring;

import fr.zlv.shared.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Gives a default score to dwellings that have none (imported before scoring existed, or by a run that did not score). */
@Component
class ScoreStartupTask implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(ScoreStartupTask.class);

    private final PriorityScoring scoring;

    ScoreStartupTask(PriorityScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String name() {
        return "priority scores";
    }

    @Override
    public void run() {
        int scored = scoring.scoreMissing();
        if (scored > 0) {
            log.info("Score de priorité calculé pour {} logements", scored);
        }
    }
}
