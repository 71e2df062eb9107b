package fr.zlv.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of users, memberships and user perimeters. */
@Repository
class UserRepository {

    private static final String SELECT = """
            select id, email, first_name, last_name, password_hash, role, suspended, failed_attempts, locked_until
            from app_user
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(email) = lower(?)").param(email.trim()).query(UserRepository::map).optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(UserRepository::map).optional();
    }

    List<UserAccount> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        return jdbc.sql(SELECT + """
                 where ? = '' or immutable_unaccent(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email))
                                 like '%' || immutable_unaccent(lower(?)) || '%'
                 order by lower(email) limit ?
                """).params(q, q, limit).query(UserRepository::map).list();
    }

    long insert(String email, String firstName, String lastName, Role role, String passwordHash) {
        return jdbc.sql("""
                insert into app_user (email, first_name, last_name, role, password_hash)
                values (?, ?, ?, ?, ?) returning id
                """).params(email.trim(), firstName, lastName, role.name(), passwordHash).query(Long.class).single();
    }

    void update(long id, String firstName, String lastName, Role role) {
        jdbc.sql("""
                update app_user set first_name = coalesce(?, first_name), last_name = coalesce(?, last_name),
                                    role = ?, updated_at = now() where id = ?
                """).params(firstName, lastName, role.name(), id).update();
    }

    /** A new password also lifts a lock: the admin or the user proved they own the account. */
    void setPassword(long id, String passwordHash) {
        jdbc.sql("""
                update app_user set password_hash = ?, failed_attempts = 0, locked_until = null, updated_at = now()
                where id = ?
                """).params(passwordHash, id).update();
    }

    void setSuspended(long id, boolean suspended) {
        jdbc.sql("update app_user set suspended = ?, updated_at = now() where id = ?").params(suspended, id).update();
    }

    /**
     * Counts a failed sign-in in one statement (safe with concurrent attempts); at {@code max} the
     * account is locked for {@code lockMinutes} and the counter starts again.
     *
     * @return true when this failure locked the account
     */
    boolean recordFailure(long id, int max, int lockMinutes) {
        return jdbc.sql("""
                update app_user set
                    failed_attempts = case when failed_attempts + 1 >= ? then 0 else failed_attempts + 1 end,
                    locked_until    = case when failed_attempts + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
                where id = ?
                returning failed_attempts = 0 and locked_until is not null and locked_until > now()
                """).params(max, max, lockMinutes, id).query(Boolean.class).optional().orElse(false);
    }

    void recordSuccess(long id) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = ? and (failed_attempts > 0 or locked_until is not null)")
                .param(id).update();
    }

    /** Establishment ids in membership order. */
    List<Long> memberships(long userId) {
        return jdbc.sql("select establishment_id from user_membership where user_id = ? order by position, establishment_id")
                .param(userId).query(Long.class).list();
    }

    boolean isMember(long userId, long establishmentId) {
        return jdbc.sql("select count(*) from user_membership where user_id = ? and establishment_id = ?")
                .params(userId, establishmentId).query(Long.class).single() > 0;
    }

    /** Replaces the memberships by the given list, keeping the perimeters of memberships that stay. */
    void replaceMemberships(long userId, List<Long> establishmentIds) {
        jdbc.sql("delete from user_membership where user_id = ? and not (establishment_id = any(?))")
                .params(userId, establishmentIds.toArray(Long[]::new)).update();
        for (int i = 0; i < establishmentIds.size(); i++) {
            jdbc.sql("""
                    insert into user_membership (user_id, establishment_id, position) values (?, ?, ?)
                    on conflict (user_id, establishment_id) do update set position = excluded.position
                    """).params(userId, establishmentIds.get(i), i).update();
        }
    }

    void addMembership(long userId, long establishmentId) {
        jdbc.sql("""
                insert into user_membership (user_id, establishment_id, position)
                values (?, ?, (select coalesce(max(position) + 1, 0) from user_membership where user_id = ?))
                on conflict do nothing
                """).params(userId, establishmentId, userId).update();
    }

    /** The communes a membership is narrowed to; empty when it is not narrowed. */
    Set<String> perimeter(long userId, long establishmentId) {
        return new TreeSet<>(jdbc.sql("select commune_code from user_perimeter where user_id = ? and establishment_id = ?")
                .params(userId, establishmentId).query(String.class).list());
    }

    Map<Long, List<String>> perimeters(long userId) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        jdbc.sql("select establishment_id, commune_code from user_perimeter where user_id = ? order by establishment_id, commune_code")
                .param(userId).query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                    return null;
                }).list();
        return result;
    }

    void replacePerimeter(long userId, long establishmentId, Set<String> communeCodes) {
        jdbc.sql("delete from user_perimeter where user_id = ? and establishment_id = ?").params(userId, establishmentId).update();
        for (String code : communeCodes) {
            jdbc.sql("insert into user_perimeter (user_id, establishment_id, commune_code) values (?, ?, ?)")
                    .params(userId, establishmentId, code).update();
        }
    }

    /** Signs the user out everywhere: its JDBC sessions are indexed by its email. */
    void deleteSessions(String email) {
        jdbc.sql("delete from spring_session where lower(principal_name) = lower(?)").param(email).update();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("suspended"), rs.getInt("failed_attempts"),
                rs.getObject("locked_until", OffsetDateTime.class));
    }
}
