package fr.zlv.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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

    private final List<String> fields = new ArrayList<>(200);
    private final StringBuilder field = new StringBuilder(64);
    private final StringBuilder raw = new StringBuilder(2048);
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
            fields.clear();
            raw.setLength(0);
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
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    unterminatedQuote = true;
                }
                fields.add(field.toString());
                return;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        raw.append("\"\"");
                        field.append('"');
                    } else {
                        quoted = false;
                        raw.append('"');
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    raw.append(ch);
                    field.append(ch);
                }
                continue;
            }
            if (ch == '\n') {
                line++;
                fields.add(field.toString());
                return;
            }
            if (ch == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                return;
            }
            raw.append(ch);
            if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            }
            if (ch == '"' && fieldStart && field.isEmpty()) {
                quoted = true;
                fieldStart = false;
                continue;
            }
            fieldStart = false;
            field.append(ch);
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
        return raw.toString();
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
