package fr.zlv.scoring;

import fr.zlv.housing.BulkLoadColumn;
import org.springframework.stereotype.Component;

/** The national default score of the dwellings a LOVAC import creates, computed in their insert. */
@Component
class PriorityScoreColumn implements BulkLoadColumn {

    @Override
    public String column() {
        return "priority_score";
    }

    @Override
    public String joins() {
        return ScoreSql.JOINS;
    }

    @Override
    public String value() {
        return ScoreSql.score(ScoreWeights.defaults());
    }
}
