package fr.zlv.housing.followup;

import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents attached to a dwelling: at most 25 MiB, PDF, images or office files recognised from their
 * content. Shared like the rest of the follow-up; adding and deleting one writes an event.
 */
@Service
public class DocumentService {

    public static final long MAX_BYTES = 25L * 1024 * 1024;
    private static final int HEAD = 16;

    /** An open document to send back: its description and its bytes (the caller closes the stream). */
    public record Content(DocumentView document, InputStream stream) {
    }

    private final JdbcClient jdbc;
    private final FollowUpRepository housings;
    private final DocumentStorage storage;
    private final EventLog events;
    private final Actor actor;

    DocumentService(JdbcClient jdbc, FollowUpRepository housings, DocumentStorage storage, EventLog events, Actor actor) {
        this.jdbc = jdbc;
        this.housings = housings;
        this.storage = storage;
        this.events = events;
        this.actor = actor;
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<DocumentView> list(TerritoryScope scope, long housingId) {
        housings.requireInScope(scope, housingId);
        return jdbc.sql("select d.id, d.housing_id, d.file_name, d.content_type, d.size_bytes, d.created_at, "
                        + UserNames.of("d.created_by") + " as author from housing_document d where d.housing_id = ? "
                        + "order by d.created_at desc, d.id desc")
                .param(housingId).query((rs, i) -> new DocumentView(rs.getLong("id"), rs.getLong("housing_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("author"),
                        rs.getObject("created_at", OffsetDateTime.class))).list();
    }

    /** A file checked and stored, not yet recorded anywhere. */
    public record StoredFile(String key, String fileName, String contentType, long size) {
    }

    /** Checks the content's type from its first bytes, stores it (refused beyond 25 MiB), then records it. */
    @CanWrite
    @Transactional
    public DocumentView upload(TerritoryScope scope, long housingId, String originalName, InputStream content) {
        housings.requireInScope(scope, housingId);
        StoredFile file = store("housing/" + housingId + "/", originalName, content);
        Long userId = actor.userId();
        long id = jdbc.sql("""
                insert into housing_document (housing_id, file_name, content_type, size_bytes, storage_key, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(housingId, file.fileName(), file.contentType(), file.size(), file.key(), userId).query(Long.class).single();
        events.housing(housingId, "document-added", null, Map.of("id", id, "fileName", file.fileName(), "size", file.size()),
                "Document ajouté : « " + file.fileName() + " »", userId);
        return list(scope, housingId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /**
     * The rules of attached documents without the dwelling (campaign documents use them): the type is
     * checked from the first bytes, the copy stops beyond 25 MiB, an empty file is refused. The caller
     * records the returned key.
     */
    @CanWrite
    public StoredFile store(String keyPrefix, String originalName, InputStream content) {
        String fileName = fileName(originalName);
        String key = keyPrefix + UUID.randomUUID();
        try (BufferedInputStream in = new BufferedInputStream(content)) {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            String mediaType = DocumentTypes.check(fileName, head);
            long size;
            try {
                size = storage.put(key, new Limited(in, fileName));
            } catch (RuntimeException | IOException e) {
                storage.delete(key);
                throw e;
            }
            if (size == 0) {
                storage.delete(key);
                throw new FollowUpRefusedException("Le fichier « " + fileName + " » est vide.");
            }
            return new StoredFile(key, fileName, mediaType, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AnyRole
    @Transactional(readOnly = true)
    public Content open(TerritoryScope scope, long housingId, long documentId) {
        DocumentView document = find(scope, housingId, documentId);
        String key = key(documentId);
        try {
            return new Content(document, storage.open(key));
        } catch (IOException e) {
            throw new HousingNotFoundException("Le fichier du document « " + document.fileName() + " » est introuvable.");
        }
    }

    @CanWrite
    @Transactional
    public void delete(TerritoryScope scope, long housingId, long documentId) {
        DocumentView document = find(scope, housingId, documentId);
        String key = key(documentId);
        jdbc.sql("delete from housing_document where id = ?").param(documentId).update();
        events.housing(housingId, "document-deleted", Map.of("id", documentId, "fileName", document.fileName()), null,
                "Document supprimé : « " + document.fileName() + " »", actor.userId());
        try {
            storage.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentView find(TerritoryScope scope, long housingId, long documentId) {
        return list(scope, housingId).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new HousingNotFoundException("Document introuvable."));
    }

    private String key(long documentId) {
        return jdbc.sql("select storage_key from housing_document where id = ?").param(documentId).query(String.class).single();
    }

    /** The name as the user sees it: no folders, no control characters, a reasonable length. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw new FollowUpRefusedException("Choisissez un fichier à joindre (champ « file »).");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** Stops the copy as soon as the file goes past the limit, so that a huge upload never fills the disk. */
    private static final class Limited extends FilterInputStream {
        private final String fileName;
        private long count;

        Limited(InputStream in, String fileName) {
            super(in);
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw new DocumentTooLargeException("Le fichier « " + fileName + " » dépasse la taille maximale de 25 Mo.");
            }
        }
    }
}
