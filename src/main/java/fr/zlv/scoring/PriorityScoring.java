package fr.zlv.scoring;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.territory.EstablishmentManagement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The priority score: weights per establishment, stored scores recomputed set-based in SQL, and the
 * breakdown of one dwelling's score.
 * <p>
 * Storage (why): the national default score is stored on {@code housing.priority_score}, indexed, which
 * the list sorts and filters on. An establishment with its own weights gets its scores stored in
 * {@code housing_priority_score (establishment_id, housing_id, score)} for the dwellings of its
 * perimeter, indexed by (establishment, score): computing the score in the list query would join the
 * building, the primary owner and three reference tables for every row of the filtered set before
 * sorting, far over the list's time budget on 75 k dwellings; a stored score keeps the sort an index
 * read. The list reads {@link #SCORE_SQL} for a scope whose establishment {@link #hasCustomWeights}.
 */
@Service
@Transactional
public class PriorityScoring {

    /**
     * The score of dwelling {@code h} for the establishment given as the one parameter: its own score when
     * it edited its weights, else the national default.
     */
    public static final String SCORE_SQL = "coalesce((select s.score from housing_priority_score s"
            + " where s.establishment_id = ? and s.housing_id = h.id), h.priority_score)";

    private final JdbcClient jdbc;
    private final EstablishmentManagement establishments;
    private final ObjectMapper json;

    PriorityScoring(JdbcClient jdbc, EstablishmentManagement establishments, ObjectMapper json) {
        this.jdbc = jdbc;
        this.establishments = establishments;
        this.json = json;
    }

    /** The weights the scope's establishment uses: its own, or the national defaults. */
    @AnyRole
    @Transactional(readOnly = true)
    public ScoreWeights weights(TerritoryScope scope) {
        return scope.establishmentId() == null ? ScoreWeights.defaults() : weightsOf(scope.establishmentId());
    }

    @AnyRole
    @Transactional(readOnly = true)
    public boolean hasCustomWeights(long establishmentId) {
        return jdbc.sql("select count(*) from score_weights where establishment_id = ?").param(establishmentId)
                .query(Long.class).single() > 0;
    }

    /**
     * Why a dwelling of the scope has its score (empty outside the scope). The points of the lines sum to
     * the score, computed with the same SQL as the stored scores.
     */
    @AnyRole
    @Transactional(readOnly = true)
    public Optional<ScoreBreakdown> breakdown(TerritoryScope scope, long housingId) {
        ScoreWeights weights = weights(scope);
        return jdbc.sql("select " + ScoreSql.breakdownColumns() + " " + ScoreSql.FROM
                        + " where h.id = ? and (? or h.commune_code = any(?))")
                .params(housingId, scope.national(), scope.communeArray())
                .query((rs, n) -> {
                    List<ScoreBreakdown.Line> lines = new ArrayList<>();
                    int total = 0;
                    int column = 1;
                    for (ScoreFactor factor : ScoreFactor.values()) {
                        double ratio = rs.getDouble(column++);
                        String value = rs.getString(column++);
                        int weight = weights.of(factor);
                        int points = (int) Math.round(weight * ratio);
                        total += points;
                        lines.add(new ScoreBreakdown.Line(factor.code(), factor.label(), value, ratio, weight, points));
                    }
                    return new ScoreBreakdown(housingId, total, weights.custom(), lines);
                }).optional();
    }

    /**
     * Sets the scope's establishment's weights (points per factor code, total 100) and recomputes its
     * scores. The national defaults remove its own scores.
     */
    @CanWrite
    public ScoreWeights updateWeights(TerritoryScope scope, Map<String, Integer> pointsByCode, Long userId) {
        long establishmentId = establishmentOf(scope);
        ScoreWeights weights = validate(pointsByCode);
        if (weights.points().equals(ScoreWeights.defaults().points())) {
            return resetWeights(scope);
        }
        Map<String, Integer> stored = new LinkedHashMap<>();
        weights.points().forEach((factor, points) -> stored.put(factor.code(), points));
        jdbc.sql("""
                insert into score_weights (establishment_id, weights, updated_by) values (?, ?::jsonb, ?)
                on conflict (establishment_id) do update set weights = excluded.weights, updated_by = excluded.updated_by,
                                                             updated_at = now()""")
                .params(establishmentId, json.writeValueAsString(stored), userId).update();
        recomputeEstablishment(establishmentId, new ScoreWeights(weights.points(), true));
        return new ScoreWeights(weights.points(), true);
    }

    /** Back to the national defaults for the scope's establishment. */
    @CanWrite
    public ScoreWeights resetWeights(TerritoryScope scope) {
        long establishmentId = establishmentOf(scope);
        jdbc.sql("delete from score_weights where establishment_id = ?").param(establishmentId).update();
        jdbc.sql("delete from housing_priority_score where establishment_id = ?").param(establishmentId).update();
        return ScoreWeights.defaults();
    }

    /**
     * Recomputes the stored scores of the dwellings of these communes (every dwelling when empty): the
     * national default, and the own scores of establishments with custom weights whose perimeter meets
     * them. For imports and data changes; set-based, one statement per weight set.
     *
     * @return the number of dwellings whose default score changed
     */
    @CanWrite
    public int recompute(Collection<String> communeCodes) {
        return recompute(communeCodes, false);
    }

    /**
     * {@link #recompute(Collection)} after an import. When it only created dwellings, their default scores were
     * computed in their insert ({@link PriorityScoreColumn}) and no other dwelling's inputs changed, except the
     * vacancy rate of buildings whose size is known: only the dwellings of those buildings are recomputed
     * (rescoring a national first load found nothing to change, for 10 s).
     */
    @CanWrite
    public int recomputeAfterImport(Collection<String> communeCodes, boolean onlyCreated) {
        return recompute(communeCodes, onlyCreated);
    }

    private int recompute(Collection<String> communeCodes, boolean buildingsOfKnownSizeOnly) {
        boolean all = communeCodes == null || communeCodes.isEmpty();
        String[] codes = all ? new String[0] : communeCodes.toArray(String[]::new);
        int changed = jdbc.sql("update housing t set priority_score = s.score from (select h.id, "
                        + ScoreSql.score(ScoreWeights.defaults()) + " as score " + ScoreSql.FROM
                        + " where (? or h.commune_code = any(?)) and (not ? or b.housing_count is not null)) s"
                        + " where t.id = s.id and t.priority_score is distinct from s.score")
                .params(all, codes, buildingsOfKnownSizeOnly).update();
        for (Long establishmentId : jdbc.sql("select establishment_id from score_weights").query(Long.class).list()) {
            if (all || establishments.perimeter(establishmentId).stream().anyMatch(Set.of(codes)::contains)) {
                recomputeEstablishment(establishmentId, weightsOf(establishmentId));
            }
        }
        return changed;
    }

    /** Default scores of the dwellings that have none yet (a start after an import that did not score). */
    @CanWrite
    public int scoreMissing() {
        return jdbc.sql("update housing t set priority_score = s.score from (select h.id, "
                        + ScoreSql.score(ScoreWeights.defaults()) + " as score " + ScoreSql.FROM
                        + " where h.priority_score is null) s where t.id = s.id").update();
    }

    private void recomputeEstablishment(long establishmentId, ScoreWeights weights) {
        String[] communes = establishments.perimeter(establishmentId).toArray(String[]::new);
        jdbc.sql("delete from housing_priority_score where establishment_id = ?").param(establishmentId).update();
        jdbc.sql("insert into housing_priority_score (establishment_id, housing_id, score) select ?, h.id, "
                        + ScoreSql.score(weights) + " " + ScoreSql.FROM + " where h.commune_code = any(?)")
                .params(establishmentId, communes).update();
    }

    private ScoreWeights weightsOf(long establishmentId) {
        return jdbc.sql("select weights::text from score_weights where establishment_id = ?").param(establishmentId)
                .query(String.class).optional().map(text -> {
                    Map<ScoreFactor, Integer> points = new EnumMap<>(ScoreFactor.class);
                    json.readTree(text).properties().forEach(e -> ScoreFactor.byCode(e.getKey())
                            .ifPresent(f -> points.put(f, e.getValue().asInt())));
                    for (ScoreFactor factor : ScoreFactor.values()) {
                        points.putIfAbsent(factor, 0);
                    }
                    return new ScoreWeights(points, true);
                }).orElseGet(ScoreWeights::defaults);
    }

    private static ScoreWeights validate(Map<String, Integer> pointsByCode) {
        Map<ScoreFactor, Integer> points = new EnumMap<>(ScoreFactor.class);
        for (Map.Entry<String, Integer> entry : pointsByCode.entrySet()) {
            ScoreFactor factor = ScoreFactor.byCode(entry.getKey()).orElseThrow(() -> new ScoringInputException(
                    "Le critère « " + entry.getKey() + " » n'existe pas."));
            Integer value = entry.getValue();
            if (value == null || value < 0 || value > ScoreWeights.TOTAL) {
                throw new ScoringInputException("Les points du critère « " + factor.label()
                        + " » doivent être un nombre entier de 0 à 100.");
            }
            points.put(factor, value);
        }
        for (ScoreFactor factor : ScoreFactor.values()) {
            if (!points.containsKey(factor)) {
                throw new ScoringInputException("Les points du critère « " + factor.label() + " » sont obligatoires.");
            }
        }
        int total = points.values().stream().mapToInt(Integer::intValue).sum();
        if (total != ScoreWeights.TOTAL) {
            throw new ScoringInputException("La somme des points doit être égale à 100 (elle est de " + total + ").");
        }
        return new ScoreWeights(points, false);
    }

    private static long establishmentOf(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            throw new ScoringInputException("Les poids du score se règlent pour un établissement : vous n'agissez pour aucun.");
        }
        return scope.establishmentId();
    }
}
