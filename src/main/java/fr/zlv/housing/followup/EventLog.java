package fr.zlv.housing.followup;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the immutable history (table {@code event} of V5): one row per change with its old and new
 * values as JSON (codes, for machines) and a French sentence with labels (for the timeline).
 */
@Component
class EventLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One history entry of a dwelling, to be written with others in one batch. */
    record Entry(long housingId, String kind, Object oldValue, Object newValue, String message) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EventLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void housings(List<Entry> entries, Long userId) {
        template.batchUpdate("""
                insert into event (housing_id, kind, created_by, old_value, new_value, message)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?)""", entries.stream().map(e -> new Object[]{e.housingId(), e.kind(),
                userId, json(e.oldValue()), json(e.newValue()), e.message()}).toList());
    }

    void housing(long housingId, String kind, Object oldValue, Object newValue, String message, Long userId) {
        write(housingId, null, kind, oldValue, newValue, message, userId);
    }

    void owner(Long housingId, long ownerId, String kind, Object oldValue, Object newValue, String message, Long userId) {
        write(housingId, ownerId, kind, oldValue, newValue, message, userId);
    }

    private void write(Long housingId, Long ownerId, String kind, Object oldValue, Object newValue, String message, Long userId) {
        jdbc.sql("""
                insert into event (housing_id, owner_id, kind, created_by, old_value, new_value, message)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(housingId, ownerId, kind, userId, json(oldValue), json(newValue), message).update();
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
