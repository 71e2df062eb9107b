package fr.zlv.housing.followup;

import fr.zlv.platform.ZlvProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Documents as files under {@code <data folder>/files}. Written to a temporary name first and moved
 * into place, so that a half-written upload never looks like a document.
 */
@Component
class FileSystemDocumentStorage implements DocumentStorage {

    private final Path root;

    FileSystemDocumentStorage(ZlvProperties properties) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            long size = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    /** Keys are made by the product, but a key must never reach outside the folder. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Clé de document invalide.");
        }
        return path;
    }
}
