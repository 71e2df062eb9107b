package fr.zlv.housing.followup;

import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the follow-up columns of housing. Every read takes the caller's scope: outside it, nothing exists. */
@Repository
class FollowUpRepository {

    static final String IN_SCOPE = "(? or h.commune_code = any(?))";
    private static final String STATE = "select h.id, h.local_id, h.status, h.sub_status, h.precisions, h.occupancy, "
            + "h.occupancy_intended, h.user_modified, h.version from housing h ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FollowUpRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Throws the 404 of a dwelling outside the scope or absent. */
    void requireInScope(TerritoryScope scope, long housingId) {
        boolean found = jdbc.sql("select exists (select 1 from housing h where h.id = ? and " + IN_SCOPE + ")")
                .params(housingId, scope.national(), scope.communeArray()).query(Boolean.class).single();
        if (!found) {
            throw notFound();
        }
    }

    FollowUpState lock(TerritoryScope scope, long housingId) {
        return jdbc.sql(STATE + "where h.id = ? and " + IN_SCOPE + " for update")
                .params(housingId, scope.national(), scope.communeArray()).query(FollowUpRepository::state).optional()
                .orElseThrow(FollowUpRepository::notFound);
    }

    /** The dwellings of the selection that are in the scope, locked in id order (no deadlock between two bulk edits). */
    List<FollowUpState> lockAll(TerritoryScope scope, List<Long> ids) {
        return jdbc.sql(STATE + "where h.id = any(?::bigint[]) and " + IN_SCOPE + " order by h.id for update")
                .params(ids.toArray(Long[]::new), scope.national(), scope.communeArray()).query(FollowUpRepository::state).list();
    }

    FollowUpState read(long housingId) {
        return jdbc.sql(STATE + "where h.id = ?").param(housingId).query(FollowUpRepository::state).single();
    }

    /** Writes the new states, each one version further. */
    void save(List<FollowUpState> states) {
        template.batchUpdate("""
                update housing set status = ?, sub_status = ?, precisions = ?, occupancy = ?, occupancy_intended = ?,
                       user_modified = ?, version = version + 1, updated_at = now()
                 where id = ?""", states.stream().map(s -> new Object[]{(short) s.status(), s.subStatus(),
                precisionsArray(s), s.occupancy(), s.occupancyIntended(), s.userModified(), s.id()}).toList());
    }

    private static String[] precisionsArray(FollowUpState s) {
        return s.precisions().toArray(String[]::new);
    }

    static HousingNotFoundException notFound() {
        return new HousingNotFoundException("Logement introuvable.");
    }

    private static FollowUpState state(ResultSet rs, int row) throws SQLException {
        return new FollowUpState(rs.getLong("id"), rs.getString("local_id"), rs.getInt("status"), rs.getString("sub_status"),
                strings(rs.getArray("precisions")), rs.getString("occupancy"), rs.getString("occupancy_intended"),
                rs.getBoolean("user_modified"), rs.getInt("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
