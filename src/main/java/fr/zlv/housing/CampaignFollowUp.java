package fr.zlv.housing;

import fr.zlv.housing.followup.FollowUpCatalogue;
import fr.zlv.housing.followup.FollowUpService;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.CanWrite;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What campaigns do to the follow-up of their dwellings (DOMAIN.md §4): the sending date moves *Non
 * suivi* to *En attente de retour*, the two automatic reverts put it back, and returned mail sets
 * *Premier contact / N’habite pas à l’adresse indiquée*. Set-based statements, one event per dwelling.
 * The campaign module decides which dwellings; this class applies the status rules.
 */
@Service
@Transactional
public class CampaignFollowUp {

    static final String STATUS_EVENT = "housing-status";
    public static final String RETURNED_MAIL_SUB_STATUS = FollowUpCatalogue.slug("N’habite pas à l’adresse indiquée");

    private final JdbcClient jdbc;
    private final FollowUpService followUp;

    CampaignFollowUp(JdbcClient jdbc, FollowUpService followUp) {
        this.jdbc = jdbc;
        this.followUp = followUp;
    }

    /**
     * Moves those of the dwellings still *Non suivi* to *En attente de retour*, with a status event each
     * (written at the transaction's {@code now()}, like the caller's own record of the move).
     *
     * @return the ids of the dwellings moved
     */
    @CanWrite
    public List<Long> moveToWaiting(List<Long> housingIds, String campaignTitle, Long userId) {
        if (housingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with moved as (
                    update housing h set status = 1, sub_status = null, user_modified = true,
                           version = h.version + 1, updated_at = now()
                     where h.id = any(?::bigint[]) and h.status = 0
                 returning h.id)
                insert into event (housing_id, kind, created_by, old_value, new_value, message)
                select id, ?, ?, '0'::jsonb, '1'::jsonb, ? from moved
                returning housing_id""")
                .params(housingIds.toArray(Long[]::new), STATUS_EVENT, userId,
                        "Statut : « Non suivi » → « En attente de retour » (envoi de la campagne « " + campaignTitle + " »)")
                .query(Long.class).list();
    }

    /**
     * The automatic revert: puts back to *Non suivi* those dwellings still *En attente de retour* whose
     * status nobody changed since the campaign moved them ({@code since[i]} for {@code housingIds[i]}).
     *
     * @param reason the end of the event's sentence, e.g. « date d’envoi de la campagne « X » reportée »
     * @return the ids of the dwellings put back
     */
    @CanWrite
    public List<Long> revertToNotFollowed(List<Long> housingIds, List<OffsetDateTime> since, String reason, Long userId) {
        if (housingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with candidate as (select * from unnest(?::bigint[], ?::text[]::timestamptz[]) as c (id, since)),
                reverted as (
                    update housing h set status = 0, sub_status = null, version = h.version + 1, updated_at = now()
                      from candidate c
                     where h.id = c.id and h.status = 1
                       and not exists (select 1 from event e
                                        where e.housing_id = h.id and e.kind in ('housing-status', 'housing-sub-status')
                                          and e.created_at > c.since)
                 returning h.id)
                insert into event (housing_id, kind, created_by, old_value, new_value, message)
                select id, ?, ?, '1'::jsonb, '0'::jsonb, ? from reverted
                returning housing_id""")
                .params(housingIds.toArray(Long[]::new), since.stream().map(OffsetDateTime::toString).toArray(String[]::new), STATUS_EVENT, userId,
                        "Statut : « En attente de retour » → « Non suivi » (retour automatique : " + reason + ")")
                .query(Long.class).list();
    }

    /**
     * Returned mail: the dwellings of the scope not yet further than *Premier contact* move to *Premier
     * contact / N’habite pas à l’adresse indiquée* (those already in progress, finished or blocked keep
     * their status: the agent's work wins).
     *
     * @return the ids of the dwellings whose status or sub-status changed
     */
    @CanWrite
    public List<Long> markReturnedMail(TerritoryScope scope, List<Long> housingIds) {
        if (housingIds.isEmpty()) {
            return List.of();
        }
        List<Long> eligible = jdbc.sql("""
                select h.id from housing h
                 where h.id = any(?::bigint[]) and h.status <= 2 and (? or h.commune_code = any(?))
                   and (h.status <> 2 or h.sub_status is distinct from ?)
                 order by h.id""")
                .params(housingIds.toArray(Long[]::new), scope.national(), scope.communeArray(), "N’habite pas à l’adresse indiquée")
                .query(Long.class).list();
        if (!eligible.isEmpty()) {
            followUp.bulkUpdate(scope, eligible, new FollowUpChange(2, RETURNED_MAIL_SUB_STATUS, null, null, null, null));
        }
        return eligible;
    }
}
