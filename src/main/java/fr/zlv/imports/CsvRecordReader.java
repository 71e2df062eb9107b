package fr.zlv.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Streams the records of a delimited file: quoted fields may hold delimiters, doubled quotes and
 * line breaks. Keeps the physical line where each record starts and its original text (for the
 * rejects file). Memory is bounded by the longest record.
 */
final class CsvRecordReader implements Closeable {

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long charsRead;

    /** The current record's field values, one after the other; a field's String is made only when asked for. */
    private final Chars content = new Chars(4096);
    private int[] ends = new int[256];
    private int fieldCount;
    private final List<String> fields = new Fields();
    /**
     * The record as written in the file, for the rejects file: kept as chars (a StringBuilder compresses every
     * append to Latin-1 bytes, which cost a third of the reading thread) and made a String only when asked.
     */
    private final Chars raw = new Chars(2048);
    private long recordLine;
    private boolean unterminatedQuote;

    CsvRecordReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
            charsRead += limit;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
            charsRead += limit;
        }
        return buffer[position];
    }

    /** Reads the next non-blank record; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            content.length = 0;
            fieldCount = 0;
            raw.length = 0;
            unterminatedQuote = false;
            recordLine = line;
            int c = peek();
            if (c == -1) {
                return false;
            }
            readRecord();
            if (fields.size() == 1 && fields.get(0).isBlank() && !unterminatedQuote) {
                continue; // blank line
            }
            return true;
        }
    }

    private void readRecord() throws IOException {
        int fieldStartAt = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (position < limit && copyRun(quoted) > 0) {
                fieldStart = false;
                continue;
            }
            int c = read();
            if (c == -1) {
                if (quoted) {
                    unterminatedQuote = true;
                }
                endField();
                return;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        raw.add('"');
                        raw.add('"');
                        content.add('"');
                    } else {
                        quoted = false;
                        raw.add('"');
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    raw.add(ch);
                    content.add(ch);
                }
                continue;
            }
            if (ch == '\n') {
                line++;
                endField();
                return;
            }
            if (ch == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                endField();
                return;
            }
            raw.add(ch);
            if (ch == delimiter) {
                endField();
                fieldStartAt = content.length;
                fieldStart = true;
                continue;
            }
            if (ch == '"' && fieldStart && content.length == fieldStartAt) {
                quoted = true;
                fieldStart = false;
                continue;
            }
            fieldStart = false;
            content.add(ch);
        }
    }

    /**
     * Copies at once the characters from the buffer's position up to the next one that matters (a quote, a line
     * end and, outside quotes, the delimiter): most of a file, which went through the loop below one character
     * at a time.
     *
     * @return how many were copied
     */
    private int copyRun(boolean quoted) {
        char[] b = buffer;
        int start = position;
        int end = start;
        if (quoted) {
            while (end < limit && b[end] != '"' && b[end] != '\n') {
                end++;
            }
        } else {
            while (end < limit) {
                char ch = b[end];
                if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') {
                    break;
                }
                end++;
            }
        }
        int n = end - start;
        if (n > 0) {
            content.add(b, start, n);
            raw.add(b, start, n);
            position = end;
        }
        return n;
    }

    /** A growing run of chars, reused from record to record. */
    private static final class Chars {
        private char[] data;
        private int length;

        Chars(int capacity) {
            data = new char[capacity];
        }

        void add(char ch) {
            if (length == data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[length++] = ch;
        }

        void add(char[] from, int start, int n) {
            if (length + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, length + n));
            }
            System.arraycopy(from, start, data, length, n);
            length += n;
        }

        String string(int start, int end) {
            return new String(data, start, end - start);
        }
    }

    private void endField() {
        if (fieldCount == ends.length) {
            ends = java.util.Arrays.copyOf(ends, ends.length * 2);
        }
        ends[fieldCount++] = content.length;
    }

    /** The current record's fields as Strings made on demand (a LOVAC row has ~150 columns, the reader uses ~60). */
    private final class Fields extends java.util.AbstractList<String> implements java.util.RandomAccess {
        @Override
        public String get(int index) {
            if (index < 0 || index >= fieldCount) {
                throw new IndexOutOfBoundsException(index);
            }
            int start = index == 0 ? 0 : ends[index - 1];
            int end = ends[index];
            return start == end ? "" : content.string(start, end);
        }

        @Override
        public int size() {
            return fieldCount;
        }
    }

    List<String> fields() {
        return fields;
    }

    /** The physical line (1-based) where the current record starts. */
    long recordLine() {
        return recordLine;
    }

    String rawRecord() {
        return raw.string(0, raw.length);
    }

    boolean unterminatedQuote() {
        return unterminatedQuote;
    }

    /** Characters read so far (for progress). */
    long charsRead() {
        return charsRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
