package fr.zlv.groups;

import fr.zlv.shared.TerritoryScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of groups. Every statement is bounded by the establishment that owns the group. */
@Repository
class GroupRepository {

    private static final String COLUMNS = "g.id, g.name, g.description, g.housing_count, g.owner_count, g.created_at, g.updated_at, g.archived_at";

    private final JdbcClient jdbc;

    GroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupView> list(long establishmentId, boolean withArchived) {
        return jdbc.sql("select " + COLUMNS + " from housing_group g where g.establishment_id = ?"
                        + (withArchived ? "" : " and g.archived_at is null") + " order by g.archived_at nulls first, g.created_at desc, g.id desc")
                .param(establishmentId).query(GroupRepository::view).list();
    }

    Optional<GroupView> find(long establishmentId, long id) {
        return jdbc.sql("select " + COLUMNS + " from housing_group g where g.id = ? and g.establishment_id = ?")
                .params(id, establishmentId).query(GroupRepository::view).optional();
    }

    /** Locks the group row: changes of one group run one after the other, so its counters stay exact. */
    boolean lock(long establishmentId, long id) {
        return jdbc.sql("select id from housing_group where id = ? and establishment_id = ? for update")
                .params(id, establishmentId).query(Long.class).optional().isPresent();
    }

    long insert(long establishmentId, String name, String description, Long userId) {
        return jdbc.sql("insert into housing_group (establishment_id, name, description, created_by) values (?, ?, ?, ?) returning id")
                .params(establishmentId, name, description, userId).query(Long.class).single();
    }

    void update(long id, String name, String description) {
        jdbc.sql("update housing_group set name = ?, description = ?, updated_at = now() where id = ?")
                .params(name, description, id).update();
    }

    void archive(long id, boolean archived) {
        jdbc.sql("update housing_group set archived_at = case when ? then now() end, updated_at = now() where id = ?")
                .params(archived, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from housing_group where id = ?").param(id).update();
    }

    int addHousings(long id, Long[] housingIds) {
        return jdbc.sql("""
                insert into housing_group_housing (group_id, housing_id)
                select ?, v from unnest(?::bigint[]) v on conflict do nothing""")
                .params(id, housingIds).update();
    }

    int removeHousings(long id, Long[] housingIds) {
        return jdbc.sql("delete from housing_group_housing where group_id = ? and housing_id = any(?::bigint[])")
                .params(id, housingIds).update();
    }

    /**
     * Recounts the stored counters of one group: run on every change of the group (one index-only scan
     * of its members), so that showing a list of groups never counts.
     */
    void refreshCounts(long id) {
        jdbc.sql("""
                update housing_group g
                   set housing_count = (select count(*) from housing_group_housing gh where gh.group_id = g.id),
                       owner_count = (select count(distinct w.owner_id) from housing_group_housing gh
                                        join ownership w on w.housing_id = gh.housing_id and w.rank = 1
                                       where gh.group_id = g.id),
                       updated_at = now()
                 where g.id = ?""").param(id).update();
    }

    void event(long groupId, String kind, Long userId, String oldJson, String newJson) {
        jdbc.sql("insert into housing_group_event (group_id, kind, created_by, old_value, new_value) values (?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(groupId, kind, userId, oldJson, newJson).update();
    }

    /** Every dwelling of the group, whoever's scope it is in. */
    List<Long> housingIds(long groupId) {
        return jdbc.sql("select housing_id from housing_group_housing where group_id = ? order by housing_id")
                .param(groupId).query(Long.class).list();
    }

    List<GroupEventView> events(long groupId) {
        return HousingSets.events(jdbc, "housing_group_event", "group_id", groupId).stream()
                .map(e -> new GroupEventView(e.id(), e.kind(), GroupEvents.label(e.kind()), e.author(), e.createdAt(),
                        e.oldJson(), e.newJson())).toList();
    }

    /** A page of the group's dwellings that the scope sees, by id. */
    List<GroupHousingView> housings(long groupId, TerritoryScope scope, int limit, long offset) {
        return jdbc.sql("""
                select h.id, h.local_id, array_to_string(h.address_dgfip, ' '), h.commune_code, c.name, h.kind, h.status, po.full_name
                  from housing_group_housing gh
                  join housing h on h.id = gh.housing_id
                  left join commune c on c.code = h.commune_code
                  left join lateral (select o.full_name from ownership w join owner o on o.id = w.owner_id
                                      where w.housing_id = h.id and w.rank = 1 order by o.id limit 1) po on true
                 where gh.group_id = ? and (? or h.commune_code = any(?))
                 order by h.id limit ? offset ?""")
                .params(groupId, scope.national(), scope.communeArray(), limit, offset)
                .query((rs, n) -> new GroupHousingView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), fr.zlv.targeting.FollowUpCatalogue.statusLabel(rs.getInt(7)),
                        rs.getString(8))).list();
    }

    private static GroupView view(ResultSet rs, int n) throws SQLException {
        return new GroupView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }
}
