package fr.zlv.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Streams the records of a delimited file: quoted fields may hold delimiters, doubled quotes and
 * line breaks. Keeps the physical line where each record starts and its original text (for the
 * rejects file). Memory is bounded by the longest record, itself at most {@link #MAX_RECORD} (a quote never
 * closed would otherwise make the rest of the file one record): a longer one refuses the file.
 *
 * <p>Works on the file's bytes, not on decoded chars: decoding a whole national file and copying every
 * char cost most of the reading thread. Both encodings LOVAC files come in (UTF-8, Windows-1252) write the
 * delimiter, the quote and the line ends as their single ASCII byte, which never appears inside another
 * character, so boundaries can be found on bytes. A field becomes a String only when asked for, and the
 * record's text only for a rejected line; malformed bytes become U+FFFD, as {@code new String} does.
 */
final class CsvRecordReader implements Closeable {

    private static final int BUFFER_SIZE = 1 << 20;
    /**
     * The longest record read (a LOVAC row is a few kB): beyond it, a quote is surely never closed and the rest
     * of the file would pile up in memory as one record. The file is then refused.
     */
    static final int MAX_RECORD = 16 << 20;

    private final InputStream in;
    private final Charset charset;
    private final byte delimiter;
    private final int maxRecord;

    /**
     * The bytes read and not consumed yet. The current record stays whole in it from {@link #recordStart}
     * (moved to the front on a refill, the buffer grown only when one record is larger), so that its
     * unquoted fields and its raw text are read straight from here.
     */
    private byte[] buffer;
    private int limit;
    private int position;
    private boolean endOfFile;
    private long line = 1;

    private int recordStart;
    private int recordLength;
    private long recordLine;
    private boolean unterminatedQuote;

    /** Where the field being read starts in the buffer: a quote opens a quoted field only there. */
    private int fieldStart;

    /**
     * Where each field of the record ends, from the record's start (a field starts after the previous one's
     * delimiter). A field is kept as written: one starting with a quote is unquoted when asked for.
     */
    private int[] ends = new int[256];
    private int fieldCount;
    private final List<String> fields = new Fields();

    /** {@code in} gives the file's bytes, a BOM already skipped; {@code charset} must be ASCII-compatible. */
    CsvRecordReader(InputStream in, Charset charset, char delimiter) {
        this(in, charset, delimiter, BUFFER_SIZE);
    }

    /** With a given initial buffer size: tests use a tiny one to cross refills. */
    CsvRecordReader(InputStream in, Charset charset, char delimiter, int bufferSize) {
        this(in, charset, delimiter, bufferSize, MAX_RECORD);
    }

    /** With a given longest record, too (at least the buffer size). */
    CsvRecordReader(InputStream in, Charset charset, char delimiter, int bufferSize, int maxRecord) {
        if (delimiter > 0x7F) {
            throw new IllegalArgumentException("The delimiter must be an ASCII character: " + delimiter);
        }
        this.in = in;
        this.charset = charset;
        this.delimiter = (byte) delimiter;
        this.buffer = new byte[Math.max(1, bufferSize)];
        this.maxRecord = Math.max(buffer.length, maxRecord);
    }

    /** Reads the next non-blank record; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            fieldCount = 0;
            unterminatedQuote = false;
            recordStart = position; // the previous record's bytes may go now
            recordLine = line;
            if (position == limit && !fill()) {
                recordLength = 0;
                return false;
            }
            readRecord();
            if (fieldCount == 1 && !unterminatedQuote && fields.get(0).isBlank()) {
                continue; // blank line
            }
            return true;
        }
    }

    /** Reads one record from the position up to its line end (consumed, not part of the record) or the end of file. */
    private void readRecord() throws IOException {
        fieldStart = position;
        while (true) {
            int i = readFields(position);
            if (i == limit) {
                position = i;
                if (fill()) {
                    continue;
                }
                endRecord(position); // the last line has no line end
                return;
            }
            byte b = buffer[i];
            position = i + 1;
            if (b == '"') {
                if (i == fieldStart) {
                    readQuoted();
                } // elsewhere a quote is an ordinary character of the field
            } else { // '\n', '\r' or "\r\n"
                endRecord(i);
                line++;
                if (b == '\r' && peek() == '\n') {
                    position++;
                }
                return;
            }
        }
    }

    /**
     * Ends a field at each delimiter from {@code from}, up to the first quote or line end, or the limit: returns
     * its index. The loop that sees nearly every byte of the file (a LOVAC field is ~5 bytes long), hence its
     * plain locals and delimiters handled without leaving it.
     */
    private int readFields(int from) {
        byte[] b = buffer;
        byte d = delimiter;
        int end = limit;
        int i = from;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == d) {
                endField(i);
                fieldStart = i + 1;
            } else if (c == '"' || c == '\n' || c == '\r') {
                break;
            }
        }
        return i;
    }

    /**
     * Skips a quoted part, its opening quote just read: up to its closing quote (the position is left after it;
     * the field goes on to the next delimiter) or the end of the file (an unterminated quote). A line feed inside
     * it counts as a physical line, and so does a lone carriage return, as outside quotes.
     */
    private void readQuoted() throws IOException {
        while (true) {
            int i = findQuoteOrLineEnd(position);
            if (i == limit) {
                position = i;
                if (fill()) {
                    continue;
                }
                unterminatedQuote = true;
                return;
            }
            position = i + 1;
            if (buffer[i] == '\n') {
                line++;
            } else if (buffer[i] == '\r') {
                if (peek() != '\n') {
                    line++; // a line end of its own, as outside quotes ("\r\n" counts once, at its '\n')
                }
            } else if (peek() == '"') { // a doubled quote: one quote of the value
                position++;
            } else {
                return;
            }
        }
    }

    private int findQuoteOrLineEnd(int from) {
        byte[] b = buffer;
        int end = limit;
        int i = from;
        while (i < end && b[i] != '"' && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The byte at the position without consuming it, reading more if needed; -1 at the end of the file. */
    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /**
     * Reads more bytes after the limit: first moves the current record to the buffer's front (what is before it
     * is consumed), or grows the buffer when the record already fills it.
     *
     * @return false at the end of the file
     */
    private boolean fill() throws IOException {
        if (endOfFile) {
            return false;
        }
        if (recordStart > 0) {
            moveRecordToFront();
        }
        if (limit == buffer.length) { // the current record fills the buffer
            if (buffer.length >= maxRecord) {
                throw new LovacRefusedException("Ligne " + recordLine + " : un enregistrement dépasse "
                        + (maxRecord >= 1 << 20 ? (maxRecord >> 20) + " Mo" : maxRecord + " octets")
                        + ", sans doute un guillemet jamais refermé. Le fichier est refusé : corrigez cette ligne"
                        + " puis relancez l'import.");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxRecord));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n <= 0) {
            endOfFile = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Every index into the buffer moves with the record; fields are kept relative to the record's start. */
    private void moveRecordToFront() {
        int shift = recordStart;
        System.arraycopy(buffer, shift, buffer, 0, limit - shift);
        limit -= shift;
        position -= shift;
        fieldStart -= shift;
        recordStart = 0;
    }

    /** Ends the field being read at {@code end} (excluded) in the buffer. */
    private void endField(int end) {
        if (fieldCount == ends.length) {
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        ends[fieldCount++] = end - recordStart;
    }

    private void endRecord(int end) {
        endField(end);
        recordLength = end - recordStart;
    }

    /** The current record's fields as Strings made on demand (a LOVAC row has ~150 columns, the reader uses ~60). */
    private final class Fields extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            if (index < 0 || index >= fieldCount) {
                throw new IndexOutOfBoundsException(index);
            }
            int start = index == 0 ? 0 : ends[index - 1] + 1;
            int length = ends[index] - start;
            if (length == 0) {
                return "";
            }
            String text = new String(buffer, recordStart + start, length, charset);
            return text.charAt(0) == '"' ? unquote(text) : text;
        }

        @Override
        public int size() {
            return fieldCount;
        }
    }

    /**
     * A quoted field's value from its text as written: without its opening and closing quotes, a doubled quote
     * made one, what follows the closing quote kept as it is (a quote there too). Done on the decoded chars, not
     * on the bytes: removing a quote between two malformed bytes must not join them into one character.
     */
    private static String unquote(String text) {
        StringBuilder value = new StringBuilder(text.length());
        int i = 1; // after the opening quote
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '"') {
                value.append(c);
            } else if (i < text.length() && text.charAt(i) == '"') {
                value.append('"');
                i++;
            } else {
                value.append(text, i, text.length());
                break;
            }
        }
        return value.toString();
    }

    /** The current record's fields; the list shows the next record's after {@link #next()}. */
    List<String> fields() {
        return fields;
    }

    /** The physical line (1-based) where the current record starts. */
    long recordLine() {
        return recordLine;
    }

    /** The record as written in the file, without its line end (decoded only when asked: for rejected lines). */
    String rawRecord() {
        return new String(buffer, recordStart, recordLength, charset);
    }

    boolean unterminatedQuote() {
        return unterminatedQuote;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
