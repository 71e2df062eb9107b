package fr.zlv.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The points each factor can bring, totalling 100.
 *
 * @param custom true when the establishment edited them, false for the national defaults
 */
public record ScoreWeights(Map<ScoreFactor, Integer> points, boolean custom) {

    public static final int TOTAL = 100;

    public ScoreWeights {
        points = Collections.unmodifiableMap(new EnumMap<>(points));
    }

    public static ScoreWeights defaults() {
        Map<ScoreFactor, Integer> points = new EnumMap<>(ScoreFactor.class);
        for (ScoreFactor factor : ScoreFactor.values()) {
            points.put(factor, factor.defaultWeight());
        }
        return new ScoreWeights(points, false);
    }

    public int of(ScoreFactor factor) {
        return points.getOrDefault(factor, 0);
    }

    public int total() {
        return points.values().stream().mapToInt(Integer::intValue).sum();
    }
}
