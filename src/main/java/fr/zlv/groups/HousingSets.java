package fr.zlv.groups;

import fr.zlv.shared.FieldInputException;
import fr.zlv.shared.TerritoryScope;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules shared by the sets of dwellings an establishment keeps: its groups and its campaigns (made from
 * the same selections). They belong to an establishment, have a required name (or title) and an optional
 * description, and record their changes as events whose payloads have the same shape. Refusals are the
 * caller's own input exception ({@code refusal}: field, French message).
 */
public final class HousingSets {

    public static final int DESCRIPTION_MAX = 1000;
    public static final int PER_PAGE_MAX = 500;
    /** Event payloads list the dwellings' ids up to this many; beyond, only the count. */
    private static final int EVENT_IDS_MAX = 1000;

    private HousingSets() {
    }

    /** An event of a set as stored: kind, author's name (« Système » when none), time, JSON payloads as text. */
    public record StoredEvent(long id, String kind, String author, OffsetDateTime createdAt, String oldJson, String newJson) {
    }

    /**
     * The history of a set, newest first, from its event table ({@code housing_group_event} by
     * {@code group_id}, {@code campaign_event} by {@code campaign_id}): fixed names from the callers, never input.
     */
    public static List<StoredEvent> events(JdbcClient jdbc, String eventTable, String setColumn, long setId) {
        return jdbc.sql("""
                select e.id, e.kind, coalesce(nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), ''), u.email, 'Système'),
                       e.created_at, e.old_value::text, e.new_value::text
                  from %s e left join app_user u on u.id = e.created_by
                 where e.%s = ? order by e.created_at desc, e.id desc""".formatted(eventTable, setColumn))
                .param(setId).query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6))).list();
    }

    /** The establishment the caller acts for; a caller acting for none (a national visitor) has no sets. */
    public static long establishment(TerritoryScope scope, Supplier<? extends RuntimeException> notFound) {
        if (scope.establishmentId() == null) {
            throw notFound.get();
        }
        return scope.establishmentId();
    }

    /**
     * A required name or title, stripped, of at most {@code max} characters; {@code label} names it in the
     * messages, e.g. « Le nom du groupe ».
     */
    public static String required(String text, int max, String field, String label,
                                  BiFunction<String, String, ? extends FieldInputException> refusal) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw refusal.apply(field, label + " est obligatoire.");
        }
        if (clean.length() > max) {
            throw refusal.apply(field, label + " ne doit pas dépasser " + max + " caractères.");
        }
        return clean;
    }

    /** An optional description, stripped; blank is none. */
    public static String description(String description, BiFunction<String, String, ? extends FieldInputException> refusal) {
        String clean = description == null ? "" : description.strip();
        if (clean.length() > DESCRIPTION_MAX) {
            throw refusal.apply("description", "La description ne doit pas dépasser " + DESCRIPTION_MAX + " caractères.");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** A page of a set's dwellings over the API: page from 1, at most 500 dwellings a page. */
    public static void checkPage(int page, int perPage, BiFunction<String, String, ? extends FieldInputException> refusal) {
        if (page < 1 || perPage < 1 || perPage > PER_PAGE_MAX) {
            throw refusal.apply("perPage", "page doit valoir au moins 1 et perPage être compris entre 1 et " + PER_PAGE_MAX + ".");
        }
    }

    /** The payload of an event that added or removed dwellings: their count, and their ids unless too many. */
    public static Map<String, Object> housingsPayload(List<Long> ids, int changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", changed);
        if (ids.size() <= EVENT_IDS_MAX) {
            payload.put("housingIds", ids);
        }
        return payload;
    }

    /** The payload of a rename: the name (under {@code nameKey}) and the description. */
    public static Map<String, Object> textsPayload(String nameKey, String name, String description) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(nameKey, name);
        payload.put("description", description);
        return payload;
    }
}
