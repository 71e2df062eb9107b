package fr.zlv.campaign;

import fr.zlv.shared.TerritoryScope;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a campaign's dwellings (table campaign_housing) and of its stored counters. */
@Repository
class CampaignHousingRepository {

    /** A dwelling the campaign moved to *En attente de retour*, and when. */
    record Moved(long housingId, OffsetDateTime at) {
    }

    private static final String RETURNED_MAIL_LABEL = "N’habite pas à l’adresse indiquée";

    private final JdbcClient jdbc;

    CampaignHousingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int add(long campaignId, Long[] housingIds) {
        return jdbc.sql("""
                insert into campaign_housing (campaign_id, housing_id)
                select ?, v from unnest(?::bigint[]) v on conflict do nothing""")
                .params(campaignId, housingIds).update();
    }

    /** Removes the dwellings; returns those the campaign had moved to *En attente de retour*. */
    List<Moved> remove(long campaignId, Long[] housingIds) {
        return jdbc.sql("""
                delete from campaign_housing where campaign_id = ? and housing_id = any(?::bigint[])
                returning housing_id, moved_to_waiting""")
                .params(campaignId, housingIds)
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list()
                .stream().filter(m -> m.at() != null).toList();
    }

    /** The campaign's dwellings the caller's scope covers, among the given ids. */
    List<Long> inScope(long campaignId, List<Long> housingIds, TerritoryScope scope) {
        return jdbc.sql("""
                select ch.housing_id from campaign_housing ch join housing h on h.id = ch.housing_id
                 where ch.campaign_id = ? and ch.housing_id = any(?::bigint[]) and (? or h.commune_code = any(?))
                 order by ch.housing_id""")
                .params(campaignId, housingIds.toArray(Long[]::new), scope.national(), scope.communeArray())
                .query(Long.class).list();
    }

    /** Every dwelling of the campaign still *Non suivi* (the sending date moves them). */
    List<Long> notFollowed(long campaignId) {
        return jdbc.sql("""
                select ch.housing_id from campaign_housing ch join housing h on h.id = ch.housing_id
                 where ch.campaign_id = ? and h.status = 0 order by ch.housing_id""")
                .param(campaignId).query(Long.class).list();
    }

    /** Records the move on the campaign's rows, at the transaction's time (as the dwellings' events). */
    void markMoved(long campaignId, List<Long> housingIds) {
        jdbc.sql("update campaign_housing set moved_to_waiting = now() where campaign_id = ? and housing_id = any(?::bigint[])")
                .params(campaignId, housingIds.toArray(Long[]::new)).update();
    }

    void clearMoved(long campaignId, List<Long> housingIds) {
        jdbc.sql("update campaign_housing set moved_to_waiting = null where campaign_id = ? and housing_id = any(?::bigint[])")
                .params(campaignId, housingIds.toArray(Long[]::new)).update();
    }

    /**
     * The dwellings this campaign moved that no other sent campaign (any establishment's) keeps waiting:
     * candidates of the revert when its sending date goes into the future.
     */
    List<Moved> movedNotHeldElsewhere(long campaignId, LocalDate today) {
        return jdbc.sql("""
                select ch.housing_id, ch.moved_to_waiting from campaign_housing ch
                 where ch.campaign_id = ? and ch.moved_to_waiting is not null
                   and not exists (select 1 from campaign_housing o join campaign oc on oc.id = o.campaign_id
                                    where o.housing_id = ch.housing_id and o.campaign_id <> ch.campaign_id
                                      and oc.sending_date <= ?)
                 order by ch.housing_id""")
                .params(campaignId, today)
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
    }

    /** Of the given dwellings, those in no campaign at all any more (their "only campaign" was left). */
    List<Long> inNoCampaign(List<Long> housingIds) {
        return jdbc.sql("""
                select v from unnest(?::bigint[]) v
                 where not exists (select 1 from campaign_housing ch where ch.housing_id = v) order by v""")
                .param(housingIds.toArray(Long[]::new)).query(Long.class).list();
    }

    void markReturnedMail(long campaignId, List<Long> housingIds) {
        jdbc.sql("""
                update campaign_housing set returned_mail = coalesce(returned_mail, now())
                 where campaign_id = ? and housing_id = any(?::bigint[])""")
                .params(campaignId, housingIds.toArray(Long[]::new)).update();
    }

    /** Campaigns whose sending date has come and that still hold *Non suivi* dwellings not moved yet. */
    List<Long> dueCampaigns(LocalDate today) {
        return jdbc.sql("""
                select c.id from campaign c
                 where c.sending_date <= ? and c.archived_at is null
                   and exists (select 1 from campaign_housing ch join housing h on h.id = ch.housing_id
                                where ch.campaign_id = c.id and h.status = 0)
                 order by c.id""")
                .param(today).query(Long.class).list();
    }

    /** Campaigns sent and not archived: their return counters are recounted by the daily job. */
    List<Long> sentCampaigns(LocalDate today) {
        return jdbc.sql("select id from campaign where sending_date <= ? and archived_at is null order by id")
                .param(today).query(Long.class).list();
    }

    /**
     * Recounts the stored counters of one campaign (DOMAIN.md §6): its dwellings, and its returns — the
     * dwellings now at status 2–5 that got there after the sending date (a status event since that day,
     * or mail returned). Run on every change made through the campaign, so lists never count.
     */
    void refreshCounts(long campaignId) {
        jdbc.sql("""
                update campaign c
                   set housing_count = (select count(*) from campaign_housing ch where ch.campaign_id = c.id),
                       return_count = case when c.sending_date is null then 0 else (
                           select count(*) from campaign_housing ch join housing h on h.id = ch.housing_id
                            where ch.campaign_id = c.id and h.status between 2 and 5
                              and (ch.returned_mail is not null
                                   or exists (select 1 from event e
                                               where e.housing_id = h.id and e.kind = 'housing-status'
                                                 and e.created_at >= (c.sending_date::timestamp at time zone 'Europe/Paris')))) end
                 where c.id = ?""").param(campaignId).update();
    }

    /** A page of the campaign's dwellings that the scope sees, by address. */
    List<CampaignHousingView> page(long campaignId, TerritoryScope scope, int limit, long offset) {
        return jdbc.sql("""
                select h.id, h.local_id, array_to_string(h.address_dgfip, ' '), c.name, po.full_name,
                       array_to_string(po.address_dgfip, ' '), h.status, h.sub_status, ch.returned_mail is not null
                  from campaign_housing ch
                  join housing h on h.id = ch.housing_id
                  left join commune c on c.code = h.commune_code
                  left join lateral (select o.full_name, o.address_dgfip from ownership w join owner o on o.id = w.owner_id
                                      where w.housing_id = h.id and w.rank = 1 order by o.id limit 1) po on true
                 where ch.campaign_id = ? and (? or h.commune_code = any(?))
                 order by h.id limit ? offset ?""")
                .params(campaignId, scope.national(), scope.communeArray(), limit, offset)
                .query((rs, n) -> new CampaignHousingView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7),
                        fr.zlv.targeting.FollowUpCatalogue.statusLabel(rs.getInt(7)), rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    int countInScope(long campaignId, TerritoryScope scope) {
        return jdbc.sql("""
                select count(*) from campaign_housing ch join housing h on h.id = ch.housing_id
                 where ch.campaign_id = ? and (? or h.commune_code = any(?))""")
                .params(campaignId, scope.national(), scope.communeArray()).query(Integer.class).single();
    }

    /** Recipients still *En attente de retour* and not answered online (candidates of a follow-up campaign). */
    List<Long> notAnswered(long campaignId, TerritoryScope scope) {
        boolean answers = answersTableExists();
        return jdbc.sql("""
                select ch.housing_id from campaign_housing ch join housing h on h.id = ch.housing_id
                 where ch.campaign_id = ? and h.status = 1 and ch.returned_mail is null and (? or h.commune_code = any(?))
                """ + (answers ? " and not exists (select 1 from owner_answer a where a.campaign_id = ch.campaign_id and a.housing_id = ch.housing_id)" : "")
                        + " order by ch.housing_id")
                .params(campaignId, scope.national(), scope.communeArray()).query(Long.class).list();
    }

    CampaignFunnel funnel(CampaignView campaign) {
        boolean answers = answersTableExists();
        return jdbc.sql("""
                select count(*) filter (where h.status >= 2 and not returned),
                       count(*) filter (where h.status in (3, 4) and not returned),
                       count(*) filter (where h.status = 4 and h.sub_status = 'Sortie de la vacance'),
                       count(*) filter (where returned),
                       %s
                  from (select h.*, (ch.returned_mail is not null or h.sub_status = ?) as returned
                          from campaign_housing ch join housing h on h.id = ch.housing_id where ch.campaign_id = ?) h
                """.formatted(answers ? "(select count(distinct a.housing_id) from owner_answer a where a.campaign_id = ?)" : "0 + ?"))
                .params(campaign.id(), RETURNED_MAIL_LABEL, campaign.id())
                .query((rs, n) -> new CampaignFunnel(campaign.sent() ? campaign.housingCount() : 0, rs.getInt(5),
                        rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), campaign.returnCount(), campaign.returnRate()))
                .single();
    }

    /** The answers table comes with the owner portal: without it, nobody answered. */
    private boolean answersTableExists() {
        return jdbc.sql("select to_regclass('owner_answer') is not null").query(Boolean.class).single();
    }
}
