package fr.zlv.campaign;

import fr.zlv.access.AccessManagement;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.shared.security.PublicAccess;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owners' personal access codes printed on letters. A code is 12 symbols of Crockford's base 32
 * (60 bits from {@link SecureRandom}), shown as {@code XXXX-XXXX-XXXX}; typing is forgiving (case,
 * separators, O for 0, I and L for 1). One code per campaign, dwelling and owner, made once and reused
 * for every print of the letter. Codes expire after {@code ZLV_OWNER_CODE_TTL_DAYS} days.
 */
@Service
@Transactional
public class OwnerAccessCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;
    /** Rounds of drawing before giving up: each round only redraws the codes that collided. */
    private static final int MAX_ROUNDS = 5;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final ZlvProperties properties;

    OwnerAccessCodes(JdbcClient jdbc, AccessManagement access, ZlvProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.properties = properties;
    }

    /** Key of a letter's recipient: one dwelling and its primary owner. */
    public record Recipient(long housingId, long ownerId) {
    }

    /**
     * Makes the missing codes of a campaign of the caller's establishment: one per dwelling whose
     * primary owner may be contacted (not *ne pas contacter*). Returns every code of the campaign.
     */
    @CanWrite
    public Map<Recipient, String> ensureCodes(long campaignId) {
        Long establishmentId = access.currentScope().establishmentId();
        boolean own = jdbc.sql("select count(*) from campaign where id = ? and (? or establishment_id = ?)")
                .params(campaignId, access.currentScope().systemScope(), establishmentId)
                .query(Long.class).single() > 0;
        if (!own) {
            throw new IllegalArgumentException("Campagne introuvable");
        }
        Instant expiresAt = Instant.now().plus(Duration.ofDays(Math.max(1, properties.ownerCodeTtlDays())));
        // set-based: the missing recipients in one query, their codes drawn here and inserted by one statement;
        // a code already taken (60 random bits: astronomically rare) or a recipient coded meanwhile by a
        // concurrent print is skipped by "on conflict do nothing", and the next round draws again for it
        for (int round = 1; ; round++) {
            List<Recipient> missing = missing(campaignId);
            if (missing.isEmpty()) {
                break;
            }
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException("Codes d'accès impossibles à créer pour la campagne " + campaignId);
            }
            if (insert(campaignId, missing, expiresAt) == missing.size()) {
                break;
            }
        }
        Map<Recipient, String> codes = new HashMap<>();
        jdbc.sql("select housing_id, owner_id, code from owner_access_code where campaign_id = ?")
                .param(campaignId)
                .query(rs -> {
                    codes.put(new Recipient(rs.getLong(1), rs.getLong(2)), display(rs.getString(3)));
                });
        return codes;
    }

    /** Dwellings of the campaign whose primary owner may be contacted and has no code yet. */
    private List<Recipient> missing(long campaignId) {
        return jdbc.sql("""
                select distinct ch.housing_id, w.owner_id
                  from campaign_housing ch
                  join ownership w on w.housing_id = ch.housing_id and w.rank = 1
                  join owner o on o.id = w.owner_id and not o.do_not_contact
                 where ch.campaign_id = ?
                   and not exists (select 1 from owner_access_code c
                                    where c.campaign_id = ch.campaign_id and c.housing_id = ch.housing_id
                                      and c.owner_id = w.owner_id)""")
                .param(campaignId)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getLong(2))).list();
    }

    /** One new code per recipient, in one statement; returns how many were stored (conflicts are skipped). */
    private int insert(long campaignId, List<Recipient> recipients, Instant expiresAt) {
        Long[] housings = new Long[recipients.size()];
        Long[] owners = new Long[recipients.size()];
        String[] drawn = new String[recipients.size()];
        Set<String> distinct = new HashSet<>(recipients.size() * 2);
        for (int i = 0; i < recipients.size(); i++) {
            housings[i] = recipients.get(i).housingId();
            owners[i] = recipients.get(i).ownerId();
            String code;
            do {
                code = newCode();
            } while (!distinct.add(code));
            drawn[i] = code;
        }
        return jdbc.sql("""
                insert into owner_access_code (code, campaign_id, housing_id, owner_id, expires_at)
                select r.code, ?, r.housing_id, r.owner_id, ?
                  from unnest(?::text[], ?::bigint[], ?::bigint[]) as r (code, housing_id, owner_id)
                on conflict do nothing""")
                .params(campaignId, java.sql.Timestamp.from(expiresAt), drawn, housings, owners)
                .update();
    }

    /**
     * The target of a typed code, or empty when it is unknown or expired (the caller answers both
     * the same way, so that codes cannot be enumerated).
     */
    @PublicAccess
    @Transactional(readOnly = true)
    public Optional<OwnerCodeTarget> resolve(String typed) {
        String code = normalise(typed);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.id, c.code, c.campaign_id, c.housing_id, c.owner_id, e.id as establishment_id,
                       e.name as establishment_name,
                       concat_ws(', ', array_to_string(h.address_dgfip, ' '), cm.name) as address, c.expires_at
                  from owner_access_code c
                  join campaign k on k.id = c.campaign_id
                  join establishment e on e.id = k.establishment_id
                  join housing h on h.id = c.housing_id
                  left join commune cm on cm.code = h.commune_code
                 where c.code = ? and c.expires_at > now()""")
                .param(code)
                .query((rs, n) -> new OwnerCodeTarget(rs.getLong("id"), display(rs.getString("code")),
                        rs.getLong("campaign_id"), rs.getLong("housing_id"), rs.getLong("owner_id"),
                        rs.getLong("establishment_id"), rs.getString("establishment_name"), rs.getString("address"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Upper case, separators and spaces removed, O → 0, I/L → 1; null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char ch : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char c = switch (ch) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> ch;
            };
            if (ALPHABET.indexOf(c) >= 0) {
                out.append(c);
            } else if (c != '-' && c != ' ' && c != '.') {
                return null;
            }
        }
        return out.length() == LENGTH ? out.toString() : null;
    }

    /** {@code XXXX-XXXX-XXXX} as printed on the letter. */
    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    String newCode() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }
}
