package fr.zlv.access;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the single-use links sent by mail: invitations (7 days) and password resets (24 hours). */
@Repository
class LinkRepository {

    record Invitation(long id, String email, long establishmentId, Role role) {
    }

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertInvitation(String tokenHash, String email, long establishmentId, Role role, Long invitedBy) {
        jdbc.sql("""
                insert into invitation (token_hash, email, establishment_id, role, invited_by, expires_at)
                values (?, ?, ?, ?, ?, now() + interval '7 days')
                """).params(tokenHash, email, establishmentId, role.name(), invitedBy).update();
    }

    /** An unused and unexpired invitation; {@code lock} takes a row lock so it is used only once. */
    Optional<Invitation> validInvitation(String tokenHash, boolean lock) {
        return jdbc.sql("""
                select id, email, establishment_id, role from invitation
                where token_hash = ? and used_at is null and expires_at > now()
                """ + (lock ? " for update" : ""))
                .param(tokenHash)
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getLong(3), Role.valueOf(rs.getString(4))))
                .optional();
    }

    void useInvitation(long id) {
        jdbc.sql("update invitation set used_at = now() where id = ?").param(id).update();
    }

    void insertReset(String tokenHash, long userId) {
        jdbc.sql("insert into password_reset (token_hash, user_id, expires_at) values (?, ?, now() + interval '24 hours')")
                .params(tokenHash, userId).update();
    }

    /** The user of an unused and unexpired reset link. */
    Optional<Long> validReset(String tokenHash, boolean lock) {
        return jdbc.sql("select user_id from password_reset where token_hash = ? and used_at is null and expires_at > now()"
                        + (lock ? " for update" : ""))
                .param(tokenHash).query(Long.class).optional();
    }

    /** Uses the link and every other pending link of the user: one reset invalidates them all. */
    void useResets(long userId) {
        jdbc.sql("update password_reset set used_at = now() where user_id = ? and used_at is null").param(userId).update();
    }
}
