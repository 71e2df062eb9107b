package fr.zlv.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encoding and delimiter of a LOVAC file, detected from its first bytes: a UTF-8 BOM or a
 * sample that decodes as strict UTF-8 means UTF-8, anything else Windows-1252 (a superset of the
 * Latin-1 letters these files use). The delimiter is whichever of ';' and ',' the header uses most.
 */
record LovacFileFormat(Charset charset, boolean bom, char delimiter) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 8 << 20;

    static LovacFileFormat detect(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        boolean bom = sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF;
        Charset charset = bom || isUtf8(sample, sample.length == SAMPLE) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        int start = bom ? 3 : 0;
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = start; i < sample.length; i++) {
            byte b = sample[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted && b == ';') {
                semicolons++;
            } else if (!quoted && b == ',') {
                commas++;
            }
        }
        return new LovacFileFormat(charset, bom, semicolons >= commas ? ';' : ',');
    }

    private static boolean isUtf8(byte[] sample, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = sample.length;
        if (truncated) {
            // do not fail on a multi-byte character cut by the end of the sample
            while (length > 0 && length > sample.length - 4 && (sample[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (sample[length - 1] & 0x80) != 0) {
                length--;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Opens the file's bytes for {@link CsvRecordReader} (which decodes them with {@link #charset()}), the BOM
     * skipped; {@code bytesRead} follows the progress through the file. No buffering: the reader reads large blocks.
     */
    InputStream open(Path file, AtomicLong bytesRead) throws IOException {
        InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
        if (bom) {
            in.skipNBytes(3);
            bytesRead.addAndGet(3); // skipped, not read: counted so that the progress ends at the file's size
        }
        return in;
    }

    String describe() {
        return (charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 (BOM)" : "UTF-8") : "Windows-1252")
                + ", séparateur '" + delimiter + "'";
    }

}
