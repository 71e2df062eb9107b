package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level quirks of {@link CsvRecordReader}: every file is read with buffers from one byte (a refill at
 * every byte, records and quoted fields across refills, a buffer grown for a long record) to the real size, and
 * must give the same records.
 */
class CsvRecordReaderTests {

    private static final int[] BUFFER_SIZES = {1, 2, 3, 5, 8, 13, 64, 1 << 20};

    record Record(long line, List<String> fields, String raw, boolean unterminatedQuote) {
    }

    static Record record(long line, String raw, String... fields) {
        return new Record(line, List.of(fields), raw, false);
    }

    /** The records of {@code bytes}, checked to be the same whatever the buffer size. */
    static List<Record> read(byte[] bytes, Charset charset, char delimiter) throws Exception {
        List<Record> first = null;
        for (int size : BUFFER_SIZES) {
            List<Record> records = new ArrayList<>();
            try (var reader = new CsvRecordReader(new ByteArrayInputStream(bytes), charset, delimiter, size)) {
                while (reader.next()) {
                    records.add(new Record(reader.recordLine(), List.copyOf(reader.fields()), reader.rawRecord(),
                            reader.unterminatedQuote()));
                }
                assertThat(reader.next()).isFalse();
            }
            if (first == null) {
                first = records;
            } else {
                assertThat(records).as("buffer of %d bytes", size).isEqualTo(first);
            }
        }
        return first;
    }

    static List<Record> read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ';');
    }

    @Test
    void lineEndsBlankLinesAndTheLastLineWithoutLineEnd() throws Exception {
        assertThat(read("a;b\r\nc\rd\n\n   \n\r\n;\nlast")).containsExactly(
                record(1, "a;b", "a", "b"),
                record(2, "c", "c"),
                record(3, "d", "d"),
                // lines 4 to 6 are blank (spaces only too): skipped, but counted
                record(7, ";", "", ""),
                record(8, "last", "last"));
        assertThat(read("")).isEmpty();
        assertThat(read("\n\r\n  ")).isEmpty();
    }

    @Test
    void quotesOpenOnlyAtTheStartOfAField() throws Exception {
        assertThat(read("a\"b;\"c\"d;\"e\"\"f\";\"\";\"g;h\" x\"y\n")).containsExactly(
                record(1, "a\"b;\"c\"d;\"e\"\"f\";\"\";\"g;h\" x\"y", "a\"b", "cd", "e\"f", "", "g;h x\"y"));
        assertThat(read("\"\"\n\" \"\nz")).containsExactly(record(3, "z", "z")); // blank once unquoted
    }

    @Test
    void quotedLineBreaksCountAsPhysicalLinesAndStayInTheRawRecord() throws Exception {
        assertThat(read("a;\"x;\"\"y\"\"\r\nz\";b\nnext;\"1\n2\"\nlast")).containsExactly(
                record(1, "a;\"x;\"\"y\"\"\r\nz\";b", "a", "x;\"y\"\r\nz", "b"),
                record(3, "next;\"1\n2\"", "next", "1\n2"),
                record(5, "last", "last"));
    }

    @Test
    void aLoneCarriageReturnInsideQuotesIsKeptAndCountedAsALineAsOutsideQuotes() throws Exception {
        // physical lines: a lone '\r' ends one inside quotes too, "\r\n" ends one
        assertThat(read("\"x\ry\"\nz\r\"1\r\n2\"\nlast")).containsExactly(
                record(1, "\"x\ry\"", "x\ry"), record(3, "z", "z"), record(4, "\"1\r\n2\"", "1\r\n2"),
                record(6, "last", "last"));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEndOfTheFile() throws Exception {
        assertThat(read("a;1\nb;\"open\nmore;2\n")).containsExactly(
                record(1, "a;1", "a", "1"),
                new Record(2, List.of("b", "open\nmore;2\n"), "b;\"open\nmore;2\n", true));
    }

    @Test
    void aRecordLongerThanTheBufferGrowsIt() throws Exception {
        String longField = "X".repeat(5000);
        String quoted = "Y;".repeat(3000);
        String text = "a;" + longField + ";\"" + quoted + "\"\nb;1\n";
        List<Record> records = read(text);
        assertThat(records).containsExactly(
                record(1, "a;" + longField + ";\"" + quoted + "\"", "a", longField, quoted),
                record(2, "b;1", "b", "1"));
    }

    @Test
    void manyFields() throws Exception {
        String line = String.join(";", java.util.Collections.nCopies(1000, "v"));
        assertThat(read(line + "\n" + line).getLast().fields()).hasSize(1000).containsOnly("v");
    }

    @Test
    void malformedUtf8BytesBecomeReplacementCharacters() throws Exception {
        byte[] bytes = {'"', (byte) 0xE2, (byte) 0x82, '"', '"', (byte) 0x80, '"', (byte) 0xC3, ';', 'b', (byte) 0xE9,
            ';', (byte) 0xC3, (byte) 0xA9, '\n', (byte) 0xF0, (byte) 0x9F};
        // the quotes are removed after decoding: E2 82 "" 80 must not become the character E2 82 80
        assertThat(read(bytes, StandardCharsets.UTF_8, ';')).containsExactly(
                record(1, "\"\uFFFD\"\"\uFFFD\"\uFFFD;b\uFFFD;é", "\uFFFD\"\uFFFD\uFFFD", "b\uFFFD", "é"),
                record(2, "\uFFFD", "\uFFFD"));
    }

    @Test
    void windows1252FileWithAccentsThroughTheFileFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lovac.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("nom,adresse\r\n".getBytes(LovacFileFormat.WINDOWS_1252));
        out.writeBytes("LEFÈVRE ÉLODIE,\"RUE DE L'ÉGLISE, PRÈS DU MARCHÉ\"\r\nŒUVRE €,Ÿ\r\n".getBytes(LovacFileFormat.WINDOWS_1252));
        out.write(0x81); // no character in Windows-1252
        Files.write(file, out.toByteArray());
        LovacFileFormat format = LovacFileFormat.detect(file);
        assertThat(format.charset()).isEqualTo(LovacFileFormat.WINDOWS_1252);
        assertThat(format.delimiter()).isEqualTo(',');
        AtomicLong bytesRead = new AtomicLong();
        List<Record> records = new ArrayList<>();
        try (var reader = new CsvRecordReader(format.open(file, bytesRead), format.charset(), format.delimiter())) {
            while (reader.next()) {
                records.add(new Record(reader.recordLine(), List.copyOf(reader.fields()), reader.rawRecord(), false));
            }
        }
        assertThat(records).containsExactly(
                record(1, "nom,adresse", "nom", "adresse"),
                record(2, "LEFÈVRE ÉLODIE,\"RUE DE L'ÉGLISE, PRÈS DU MARCHÉ\"", "LEFÈVRE ÉLODIE", "RUE DE L'ÉGLISE, PRÈS DU MARCHÉ"),
                record(3, "ŒUVRE €,Ÿ", "ŒUVRE €", "Ÿ"),
                record(4, "\uFFFD", "\uFFFD"));
        assertThat(bytesRead.get()).isEqualTo(Files.size(file));
        assertThat(read(out.toByteArray(), LovacFileFormat.WINDOWS_1252, ',')).isEqualTo(records);
    }

    @Test
    void theUtf8BomIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lovac.csv");
        Files.write(file, "\uFEFFccodep;annee\n33;2025\n".getBytes(StandardCharsets.UTF_8));
        LovacFileFormat format = LovacFileFormat.detect(file);
        AtomicLong bytesRead = new AtomicLong();
        try (var reader = new CsvRecordReader(format.open(file, bytesRead), format.charset(), format.delimiter())) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.fields()).containsExactly("ccodep", "annee");
            assertThat(reader.next()).isTrue();
            assertThat(reader.fields()).containsExactly("33", "2025");
            assertThat(reader.next()).isFalse();
        }
        assertThat(bytesRead.get()).as("the progress ends at the file's size").isEqualTo(Files.size(file));
    }

    @Test
    void aRecordLongerThanTheLongestAllowedRefusesTheFile() throws Exception {
        byte[] bytes = ("a;b\n\"" + "x".repeat(40) + "\";c\n\"never closed;" + "y".repeat(200) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (var reader = new CsvRecordReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, ';', 8, 64)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.fields()).containsExactly("a", "b");
            assertThat(reader.next()).isTrue(); // 44 bytes, within the 64 allowed
            assertThat(reader.fields()).containsExactly("x".repeat(40), "c");
            assertThatThrownBy(reader::next).isInstanceOf(LovacRefusedException.class)
                    .hasMessageStartingWith("Ligne 3 : un enregistrement dépasse 64 octets, sans doute un guillemet");
        }
    }
}
