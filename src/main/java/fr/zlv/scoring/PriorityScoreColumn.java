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
    public String valuesOf(String newDwellings) {
        return "select h.id, " + ScoreSql.score(ScoreWeights.defaults()) + " as value " + ScoreSql.from(newDwellings);
    }
}
