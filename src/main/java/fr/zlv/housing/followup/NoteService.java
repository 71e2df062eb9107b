package fr.zlv.housing.followup;

import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes of a dwelling: add, edit, delete, each written to the history with the text before and after. */
@Service
public class NoteService {

    static final int MAX_LENGTH = 10_000;

    private final JdbcClient jdbc;
    private final FollowUpRepository housings;
    private final EventLog events;
    private final Actor actor;

    NoteService(JdbcClient jdbc, FollowUpRepository housings, EventLog events, Actor actor) {
        this.jdbc = jdbc;
        this.housings = housings;
        this.events = events;
        this.actor = actor;
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<NoteView> list(TerritoryScope scope, long housingId) {
        housings.requireInScope(scope, housingId);
        return jdbc.sql("""
                select n.id, n.housing_id, n.content, n.created_at, n.updated_at,
                       """ + UserNames.of("n.created_by") + " as author, " + UserNames.of("n.updated_by") + """
                        as editor
                  from housing_note n where n.housing_id = ? order by n.created_at desc, n.id desc""")
                .param(housingId).query((rs, i) -> new NoteView(rs.getLong("id"), rs.getLong("housing_id"),
                        rs.getString("content"), rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("editor"), rs.getObject("updated_at", OffsetDateTime.class))).list();
    }

    @CanWrite
    @Transactional
    public NoteView create(TerritoryScope scope, long housingId, String content) {
        housings.requireInScope(scope, housingId);
        long id = insert(housingId, content, actor.userId());
        return find(housingId, id);
    }

    @CanWrite
    @Transactional
    public NoteView update(TerritoryScope scope, long housingId, long noteId, String content) {
        housings.requireInScope(scope, housingId);
        String text = valid(content);
        String before = lockContent(housingId, noteId);
        Long userId = actor.userId();
        if (!before.equals(text)) {
            jdbc.sql("update housing_note set content = ?, updated_by = ?, updated_at = now() where id = ?")
                    .params(text, userId, noteId).update();
            events.housing(housingId, "note-updated", Map.of("id", noteId, "content", before),
                    Map.of("id", noteId, "content", text), "Note modifiée : « " + excerpt(before) + " » → « " + excerpt(text) + " »", userId);
        }
        return find(housingId, noteId);
    }

    @CanWrite
    @Transactional
    public void delete(TerritoryScope scope, long housingId, long noteId) {
        housings.requireInScope(scope, housingId);
        String before = lockContent(housingId, noteId);
        jdbc.sql("delete from housing_note where id = ?").param(noteId).update();
        // the text stays in the history: deleting a note must not erase what was known
        events.housing(housingId, "note-deleted", Map.of("id", noteId, "content", before), null,
                "Note supprimée : « " + excerpt(before) + " »", actor.userId());
    }

    /** Adds a note and its event; the caller checked the scope. */
    long insert(long housingId, String content, Long userId) {
        String text = valid(content);
        long id = jdbc.sql("insert into housing_note (housing_id, content, created_by) values (?, ?, ?) returning id")
                .params(housingId, text, userId).query(Long.class).single();
        events.housing(housingId, "note-created", null, Map.of("id", id, "content", text),
                "Note ajoutée : « " + excerpt(text) + " »", userId);
        return id;
    }

    private String lockContent(long housingId, long noteId) {
        return jdbc.sql("select content from housing_note where id = ? and housing_id = ? for update")
                .params(noteId, housingId).query(String.class).optional()
                .orElseThrow(() -> new HousingNotFoundException("Note introuvable."));
    }

    private NoteView find(long housingId, long noteId) {
        return list(TerritoryScope.ofSystem(), housingId).stream().filter(n -> n.id() == noteId).findFirst().orElseThrow();
    }

    private static String valid(String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new FollowUpRefusedException("La note est vide (champ « content ») : saisissez un texte.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FollowUpRefusedException("La note dépasse " + MAX_LENGTH + " caractères (champ « content »).");
        }
        return text;
    }

    static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 119) + "…";
    }
}
