package fr.zlv.campaign;

import fr.zlv.groups.HousingSets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of campaigns themselves. Every read is bounded by the establishment that owns the campaign. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "c.id, c.title, c.description, c.sending_date, c.housing_count, c.return_count, "
            + "c.group_id, c.parent_id, c.created_at, c.archived_at";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CampaignView> list(long establishmentId, boolean withArchived, LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from campaign c where c.establishment_id = ?"
                        + (withArchived ? "" : " and c.archived_at is null")
                        + " order by c.archived_at nulls first, c.created_at desc, c.id desc")
                .param(establishmentId).query((rs, n) -> view(rs, today)).list();
    }

    Optional<CampaignView> find(long establishmentId, long id, LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from campaign c where c.id = ? and c.establishment_id = ?")
                .params(id, establishmentId).query((rs, n) -> view(rs, today)).optional();
    }

    /** Locks the campaign row: changes of one campaign run one after the other, so its counters stay exact. */
    boolean lock(long establishmentId, long id) {
        return jdbc.sql("select id from campaign where id = ? and establishment_id = ? for update")
                .params(id, establishmentId).query(Long.class).optional().isPresent();
    }

    long insert(long establishmentId, String title, String description, Long groupId, Long parentId, Long userId) {
        return jdbc.sql("""
                insert into campaign (establishment_id, title, description, group_id, parent_id, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(establishmentId, title, description, groupId, parentId, userId).query(Long.class).single();
    }

    void update(long id, String title, String description) {
        jdbc.sql("update campaign set title = ?, description = ?, updated_at = now() where id = ?")
                .params(title, description, id).update();
    }

    void sendingDate(long id, LocalDate date) {
        jdbc.sql("update campaign set sending_date = ?, updated_at = now() where id = ?").params(date, id).update();
    }

    void archive(long id, boolean archived) {
        jdbc.sql("update campaign set archived_at = case when ? then now() end, updated_at = now() where id = ?")
                .params(archived, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from campaign where id = ?").param(id).update();
    }

    void event(long campaignId, String kind, Long userId, String oldJson, String newJson) {
        jdbc.sql("insert into campaign_event (campaign_id, kind, created_by, old_value, new_value) values (?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(campaignId, kind, userId, oldJson, newJson).update();
    }

    /** The campaign's history, newest first. */
    List<HousingSets.StoredEvent> events(long campaignId) {
        return HousingSets.events(jdbc, "campaign_event", "campaign_id", campaignId);
    }

    private static CampaignView view(ResultSet rs, LocalDate today) throws SQLException {
        return CampaignView.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), today,
                rs.getInt(5), rs.getInt(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class));
    }
}
