package fr.zlv.targeting;

import fr.zlv.shared.TerritoryScope;

/**
 * The priority score the list shows, filters ({@code scoreMin}) and sorts on for a scope.
 * <p>
 * Why this shape: the scoring module stores the national default score on {@code housing.priority_score}
 * and, for an establishment that edited its weights, that establishment's own score of every dwelling of
 * its perimeter in {@code housing_priority_score} (recomputed when the weights change and after each
 * import of its communes). The list reads the establishment's stored score when there is one, else the
 * default — the same rule as {@code PriorityScoring.SCORE_SQL}, written here because targeting may read
 * scoring's table but not call the module. The establishment id is a number written into the text (never
 * user input), so the expression can sit in the select list before the WHERE's bind parameters. Without
 * custom weights the lookup finds no row and costs one primary-key probe per dwelling compared or sorted.
 */
final class ScoreColumn {

    private ScoreColumn() {
    }

    /** The score expression over {@code housing h} for the scope's establishment. */
    static String of(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            return "h.priority_score";
        }
        long establishmentId = scope.establishmentId();
        return "coalesce((select s.score from housing_priority_score s where s.establishment_id = " + establishmentId
                + " and s.housing_id = h.id), h.priority_score)";
    }
}
