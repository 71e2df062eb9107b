package fr.zlv.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.core.io.ClassPathResource;

/** A copy of the bundled reference files in a folder, that a test may then damage or extend. */
final class ReferenceFolder {

    private ReferenceFolder() {
    }

    static Path copyBundled(Path folder) {
        try {
            for (String name : ReferenceDataManagement.fileNames()) {
                try (InputStream in = new ClassPathResource("reference/" + name).getInputStream()) {
                    Files.copy(in, folder.resolve(name));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the lines of one file of the folder. */
    static void editLines(Path folder, String file, UnaryOperator<List<String>> edit) {
        try {
            Path path = folder.resolve(file);
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
            Files.write(path, edit.apply(lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
