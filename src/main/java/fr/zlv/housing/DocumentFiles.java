package fr.zlv.housing;

import fr.zlv.housing.followup.DocumentService;
import fr.zlv.housing.followup.DocumentStorage;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Service;

/**
 * The rules and the storage of attached documents for other modules (campaign documents): same size
 * limit (25 MiB), same accepted types, same store as the dwellings' documents. The caller keeps the
 * key and checks who may read it.
 */
@Service
public class DocumentFiles {

    public static final long MAX_BYTES = DocumentService.MAX_BYTES;

    /** A stored file: its key in the storage, cleaned name, detected media type, size. */
    public record Stored(String key, String fileName, String contentType, long size) {
    }

    private final DocumentService documents;
    private final DocumentStorage storage;

    DocumentFiles(DocumentService documents, DocumentStorage storage) {
        this.documents = documents;
        this.storage = storage;
    }

    /** Refused with a French message (400/413) when empty, too large or of a type not accepted. */
    @CanWrite
    public Stored store(String keyPrefix, String originalName, InputStream content) {
        DocumentService.StoredFile file = documents.store(keyPrefix, originalName, content);
        return new Stored(file.key(), file.fileName(), file.contentType(), file.size());
    }

    @AnyRole
    public InputStream open(String key) throws IOException {
        return storage.open(key);
    }

    @CanWrite
    public void delete(String key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
