package fr.zlv.scoring;

import java.util.ArrayList;
import java.util.List;

/** The SQL of the score: one FROM for every statement, so the stored scores and the breakdown agree. */
final class ScoreSql {

    /**
     * What the score reads besides dwelling {@code h}, one row each. The primary owner ({@code po}) is the copy
     * kept on the dwelling (V28: the rank-1 owner with the lowest id, refreshed whenever links or owners change):
     * no lookup per dwelling, which made rescoring a national import cost a minute.
     */
    static final String JOINS = """
            left join building b on b.id = h.building_id
            cross join lateral (select h.primary_owner_birth_date as birth_date, h.primary_owner_multi as multi_owner,
                                       h.primary_owner_location as relative_location) po
            left join zonage_abc z on z.commune_code = h.commune_code
            left join commune_programme cp on cp.commune_code = h.commune_code
            left join (select distinct commune_code from vacancy_tax) vt on vt.commune_code = h.commune_code""";

    static final String FROM = "from housing h\n" + JOINS;

    private ScoreSql() {
    }

    /** The score expression; weights are literal integers (validated), so the statement plans once per set. */
    static String score(ScoreWeights weights) {
        List<String> terms = new ArrayList<>();
        for (ScoreFactor factor : ScoreFactor.values()) {
            int weight = weights.of(factor);
            if (weight > 0) {
                terms.add(points(String.valueOf(weight), factor.quartersSql));
            }
        }
        return terms.isEmpty() ? "0" : "(" + String.join(" + ", terms) + ")::smallint";
    }

    /** A factor's points: round(weight × quarters / 4), halves up as {@code round()} of a decimal, in integers. */
    static String points(String weight, String quartersSql) {
        return "(" + weight + " * (" + quartersSql + ") + 2) / 4";
    }

    /** Value and words of every factor, for the breakdown of one dwelling. */
    static String breakdownColumns() {
        List<String> columns = new ArrayList<>();
        for (ScoreFactor factor : ScoreFactor.values()) {
            columns.add("(" + factor.quartersSql + ")::float8 / 4");
            columns.add("(" + factor.displaySql + ")::text");
        }
        return String.join(",\n", columns);
    }
}
