package fr.zlv.campaign.letter;

import fr.zlv.platform.ZlvProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Logos and signature images of the letters: the bytes as files under {@code <data folder>/letters},
 * one {@code letter_image} row each (letters name it by foreign key). Only PNG and JPEG recognised from
 * their first bytes (never from the name or the browser's type), at most 2 MiB. Keys are made here
 * ({@code <uuid>.png}), so a key can never point outside the folder. Deleting unused images is
 * {@link LetterImageCleanup}'s job.
 */
@Component
class LetterImages {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}\\.(png|jpg)");
    private static final Logger log = LoggerFactory.getLogger(LetterImages.class);

    private final Path root;
    private final JdbcClient jdbc;

    LetterImages(ZlvProperties properties, JdbcClient jdbc) {
        this.root = properties.dataDir().resolve("letters").toAbsolutePath().normalize();
        this.jdbc = jdbc;
    }

    /** Refuses an image that is too big or neither PNG nor JPEG, with a message naming the field. */
    static String check(String field, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new LetterInputException(field + " : l'image dépasse 2 Mo.");
        }
        return extension(content)
                .orElseThrow(() -> new LetterInputException(field + " : seules les images PNG ou JPEG sont acceptées."));
    }

    /**
     * Stores an uploaded image of the establishment and returns its key. The row is written in the
     * caller's transaction; should that transaction roll back, the file is deleted with it.
     */
    String store(long establishmentId, String field, byte[] content) {
        String key = UUID.randomUUID() + "." + check(field, content);
        try {
            Files.createDirectories(root);
            Path partial = root.resolve(key + ".part");
            Files.write(partial, content);
            Files.move(partial, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteFiles(List.of(key));
                    }
                }
            });
        }
        jdbc.sql("insert into letter_image (key, establishment_id, size_bytes) values (?, ?, ?)")
                .params(key, establishmentId, content.length).update();
        return key;
    }

    Optional<byte[]> read(String key) {
        if (!isKey(key)) {
            return Optional.empty();
        }
        try {
            Path file = root.resolve(key);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the files of these keys (once their rows are gone); returns how many files were there. */
    int deleteFiles(Collection<String> keys) {
        int deleted = 0;
        for (String key : keys) {
            if (isKey(key)) {
                deleted += delete(root.resolve(key)) ? 1 : 0;
            }
        }
        return deleted;
    }

    /**
     * The files of the folder last written before {@code before}: the image files by key, and anything
     * else (a half-written {@code .part} left by a crash) by name.
     */
    List<String> filesWrittenBefore(Instant before) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        names.add(file.getFileName().toString());
                    }
                } catch (IOException e) {
                    // deleted meanwhile: nothing to clean
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Deletes a file of the folder by its name (not only image keys: also leftovers of a crash). */
    boolean deleteFileNamed(String name) {
        Path file = root.resolve(name).normalize();
        return file.getParent().equals(root) && delete(file);
    }

    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Letter image file {} could not be deleted: {}", file.getFileName(), e.getMessage());
            return false;
        }
    }

    static String mediaType(String key) {
        return key != null && key.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    static Optional<String> extension(byte[] b) {
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("png");
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("jpg");
        }
        return Optional.empty();
    }
}
