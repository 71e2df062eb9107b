package fr.zlv.imports;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rejected lines of an import as CSV for French Excel (UTF-8 BOM, ';'): line number, reason, original line. */
final class RejectsWriter implements Closeable {

    private final Path path;
    private BufferedWriter writer;
    private long count;

    RejectsWriter(Path path) {
        this.path = path;
    }

    void write(long line, String reason, String original) throws IOException {
        if (writer == null) {
            Files.createDirectories(path.getParent());
            writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            writer.write("ligne;motif;ligne_originale\n");
        }
        writer.write(Long.toString(line));
        writer.write(';');
        writer.write(reason);
        writer.write(';');
        writer.write('"');
        writer.write(original.replace("\"", "\"\""));
        writer.write("\"\n");
        count++;
    }

    /** The file, or null when no line was rejected. */
    Path path() {
        return count == 0 ? null : path;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
