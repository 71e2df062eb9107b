package fr.zlv.ownerportal;

import fr.zlv.shared.TerritoryScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code owner_answer} (V23). Reads of a campaign's answers take the caller's scope. */
@Repository
class OwnerAnswerRepository {

    /**
     * Latest answer per code, with how many answers the code gave, the code's latest withdrawal of consent
     * (an answer given after it without contact details still shows it) and the dwelling's current follow-up.
     */
    private static final String LATEST = """
            with latest as (
                select distinct on (a.access_code_id) a.*, count(*) over (partition by a.access_code_id) as answer_count,
                       max(a.consent_withdrawn_at) over (partition by a.access_code_id) as code_withdrawn_at
                  from owner_answer a
                 where a.campaign_id = ?
                 order by a.access_code_id, a.created_at desc, a.id desc)
            select l.*, h.status as housing_status, h.version as housing_version,
                   concat_ws(', ', array_to_string(h.address_dgfip, ' '), cm.name) as address
              from latest l
              join housing h on h.id = l.housing_id
              left join commune cm on cm.code = h.commune_code
             where (? or h.commune_code = any(?))
            """;

    private final JdbcClient jdbc;

    OwnerAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(PortalTarget target, AnswerForm form) {
        return jdbc.sql("""
                insert into owner_answer (access_code_id, campaign_id, housing_id, owner_id, still_vacant, current_use,
                                          intention, blockers, phone, email, consent, comment, proposed_exit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(target.codeId(), target.campaignId(), target.housingId(), target.ownerId(), form.vacant(),
                        form.currentUse(), form.intention(), form.blockers().toArray(String[]::new), form.phone(),
                        form.email(), form.consent(), form.comment(), !form.vacant())
                .query(Long.class).single();
    }

    List<AnswerView> latest(TerritoryScope scope, long campaignId, int limit, int offset) {
        return jdbc.sql(LATEST + " order by l.created_at desc, l.id desc limit ? offset ?")
                .params(campaignId, scope.national(), scope.communeArray(), limit, offset)
                .query(OwnerAnswerRepository::view).list();
    }

    Optional<AnswerView> latestOf(TerritoryScope scope, long campaignId, long answerId) {
        return jdbc.sql(LATEST + " and l.id = ?")
                .params(campaignId, scope.national(), scope.communeArray(), answerId)
                .query(OwnerAnswerRepository::view).optional();
    }

    int countLatest(TerritoryScope scope, long campaignId) {
        return jdbc.sql("""
                select count(distinct a.access_code_id) from owner_answer a join housing h on h.id = a.housing_id
                 where a.campaign_id = ? and (? or h.commune_code = any(?))""")
                .params(campaignId, scope.national(), scope.communeArray()).query(Integer.class).single();
    }

    /** Marks the exit proposed by the answers of this code as confirmed. */
    void exitConfirmed(long accessCodeId, Long userId) {
        jdbc.sql("""
                update owner_answer set exit_confirmed_at = now(), exit_confirmed_by = ?
                 where access_code_id = ? and proposed_exit and exit_confirmed_at is null""")
                .params(userId, accessCodeId).update();
    }

    /**
     * Erases the phone and e-mail of every answer of the code and records the withdrawal; an answer
     * already withdrawn keeps its first date, so that withdrawing again changes nothing.
     * Returns whether anything changed (false when repeated, or when the code has no answer).
     */
    boolean withdrawConsent(long accessCodeId) {
        return jdbc.sql("""
                update owner_answer set phone = null, email = null, consent = false,
                       consent_withdrawn_at = coalesce(consent_withdrawn_at, now())
                 where access_code_id = ?
                   and (phone is not null or email is not null or consent or consent_withdrawn_at is null)""")
                .param(accessCodeId).update() > 0;
    }

    ConsentState consentState(long accessCodeId) {
        return jdbc.sql("""
                select coalesce(bool_or(phone is not null or email is not null or consent), false) as contact_kept,
                       max(consent_withdrawn_at) as withdrawn_at
                  from owner_answer where access_code_id = ?""")
                .param(accessCodeId)
                .query((rs, n) -> new ConsentState(rs.getBoolean("contact_kept"),
                        rs.getObject("withdrawn_at", OffsetDateTime.class)))
                .single();
    }

    /**
     * Clears the phone and e-mail of codes whose last answer is older than the retention period
     * ({@link AnswerChoices#CONTACT_RETENTION_YEARS}); the answers themselves stay.
     */
    int forgetOldContactDetails() {
        return jdbc.sql("""
                update owner_answer a set phone = null, email = null, consent = false
                 where (a.phone is not null or a.email is not null)
                   and not exists (select 1 from owner_answer b where b.access_code_id = a.access_code_id
                                      and b.created_at > now() - make_interval(years => ?))""")
                .param(AnswerChoices.CONTACT_RETENTION_YEARS).update();
    }

    private static AnswerView view(ResultSet rs, int row) throws SQLException {
        List<String> blockers = strings(rs.getArray("blockers"));
        String currentUse = rs.getString("current_use");
        String intention = rs.getString("intention");
        boolean consent = rs.getBoolean("consent");
        // a later answer may give a new consent: only without one does the withdrawal show
        OffsetDateTime withdrawnAt = consent ? null : rs.getObject("code_withdrawn_at", OffsetDateTime.class);
        return new AnswerView(rs.getLong("id"), rs.getLong("access_code_id"), rs.getLong("housing_id"), rs.getString("address"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("still_vacant"), currentUse,
                AnswerChoices.currentUseLabel(currentUse), intention, AnswerChoices.intentionLabel(intention), blockers,
                blockers.stream().map(AnswerChoices::blockerLabel).toList(), rs.getString("phone"), rs.getString("email"),
                consent, withdrawnAt, withdrawnAt == null ? null : "Consentement retiré le " + ConsentState.day(withdrawnAt),
                rs.getString("comment"), rs.getBoolean("proposed_exit"),
                rs.getObject("exit_confirmed_at", OffsetDateTime.class), rs.getInt("answer_count"),
                rs.getInt("housing_status"), rs.getInt("housing_version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
