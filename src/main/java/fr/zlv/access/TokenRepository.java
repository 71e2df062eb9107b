package fr.zlv.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of API tokens (only their SHA-256 is stored). */
@Repository
class TokenRepository {

    /** The caller behind a valid token: active token, active user, establishment still among its memberships. */
    record TokenCaller(long tokenId, long userId, String email, Role role, Long establishmentId) {
    }

    record TokenRow(long id, String name, Long establishmentId, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                    OffsetDateTime revokedAt) {
    }

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String hash, String name, long userId, Long establishmentId) {
        return jdbc.sql("insert into api_token (token_hash, name, user_id, establishment_id) values (?, ?, ?, ?) returning id")
                .params(hash, name, userId, establishmentId).query(Long.class).single();
    }

    Optional<TokenCaller> authenticate(String hash) {
        Optional<TokenCaller> caller = jdbc.sql("""
                select t.id, u.id, u.email, u.role, t.establishment_id
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and not u.suspended
                  and (t.establishment_id is null
                       or exists (select 1 from user_membership m where m.user_id = u.id and m.establishment_id = t.establishment_id))
                """).param(hash).query((rs, n) -> new TokenCaller(rs.getLong(1), rs.getLong(2), rs.getString(3),
                Role.valueOf(rs.getString(4)), (Long) rs.getObject(5))).optional();
        // one write a minute at most per token: enough to show "last used" without a write per call
        caller.ifPresent(c -> jdbc.sql("""
                update api_token set last_used_at = now()
                where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """).param(c.tokenId()).update());
        return caller;
    }

    List<TokenRow> ofUser(long userId) {
        return jdbc.sql("""
                select t.id, t.name, t.establishment_id, t.created_at, t.last_used_at, t.revoked_at
                from api_token t where t.user_id = ? order by t.revoked_at nulls first, t.created_at desc
                """).param(userId).query((rs, n) -> new TokenRow(rs.getLong("id"), rs.getString("name"),
                (Long) rs.getObject("establishment_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class))).list();
    }

    boolean revoke(long tokenId, long userId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(tokenId, userId).update() > 0;
    }
}
