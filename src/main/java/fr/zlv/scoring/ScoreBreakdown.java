package fr.zlv.scoring;

import java.util.List;

/**
 * Why a dwelling has its score: one line per factor; the points of the lines sum to the score.
 *
 * @param customWeights true when the weights are the establishment's own
 */
public record ScoreBreakdown(long housingId, int score, boolean customWeights, List<Line> factors) {

    /**
     * @param value  what the dwelling has for this factor, in words ("Vacant depuis 2012 (13 ans)")
     * @param ratio  the factor's value from 0 to 1
     * @param points {@code round(weight × ratio)}
     */
    public record Line(String factor, String label, String value, double ratio, int weight, int points) {
    }
}
