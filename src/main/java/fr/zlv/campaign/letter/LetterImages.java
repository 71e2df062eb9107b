package fr.zlv.campaign.letter;

import fr.zlv.platform.ZlvProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Logos and signature images of the letters, as files under {@code <data folder>/letters}. Only PNG
 * and JPEG recognised from their first bytes (never from the name or the browser's type), at most
 * 2 MiB. Keys are made here ({@code <uuid>.png}), so a key can never point outside the folder.
 */
@Component
class LetterImages {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}\\.(png|jpg)");

    private final Path root;

    LetterImages(ZlvProperties properties) {
        this.root = properties.dataDir().resolve("letters").toAbsolutePath().normalize();
    }

    /** Stores an uploaded image and returns its key, or refuses it with a message naming the field. */
    String store(String field, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new LetterInputException(field + " : l'image dépasse 2 Mo.");
        }
        String extension = extension(content)
                .orElseThrow(() -> new LetterInputException(field + " : seules les images PNG ou JPEG sont acceptées."));
        String key = UUID.randomUUID() + "." + extension;
        try {
            Files.createDirectories(root);
            Path partial = root.resolve(key + ".part");
            Files.write(partial, content);
            Files.move(partial, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    Optional<byte[]> read(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            Path file = root.resolve(key);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
