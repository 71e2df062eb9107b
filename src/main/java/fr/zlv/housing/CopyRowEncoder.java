package fr.zlv.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes one row in PostgreSQL's COPY text format (tab separated, {@code \N} for null), straight to UTF-8 bytes.
 * Hand-written because it runs once per field of millions of rows: building a String first, then encoding it,
 * went over every character three times on the encoding thread of a national load.
 */
final class CopyRowEncoder {

    private static final byte[] NULL = {'\\', 'N'};

    private byte[] row = new byte[1024];
    private int length;
    private boolean first = true;

    void reset() {
        length = 0;
        first = true;
    }

    /** The fields of the row, tab separated, without the line end, in UTF-8. */
    byte[] bytes() {
        return Arrays.copyOf(row, length);
    }

    private void sep() {
        if (!first) {
            put((byte) '\t');
        }
        first = false;
    }

    void text(String value) {
        sep();
        if (value == null) {
            put(NULL);
            return;
        }
        putEscaped(value, false);
    }

    void number(Number value) {
        sep();
        ascii(value == null ? null : value instanceof BigDecimal b ? b.toPlainString() : value.toString());
    }

    void bool(Boolean value) {
        sep();
        ascii(value == null ? null : value ? "t" : "f");
    }

    void date(LocalDate value) {
        sep();
        ascii(value == null ? null : value.toString());
    }

    /** A text[] literal: {"a","b"}, its quotes and backslashes escaped for the array, then for COPY. */
    void array(List<String> values) {
        sep();
        if (values == null) {
            put(NULL);
            return;
        }
        put((byte) '{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            String v = values.get(i);
            if (v == null) {
                ascii("NULL");
                continue;
            }
            put((byte) '"');
            putEscaped(v, true);
            put((byte) '"');
        }
        put((byte) '}');
    }

    /** {@code count} null fields. */
    void nulls(int count) {
        for (int i = 0; i < count; i++) {
            sep();
            put(NULL);
        }
    }

    /** Writes {@code value}, escaped for COPY (and first for an array literal when {@code inArray}), in UTF-8. */
    private void putEscaped(String value, boolean inArray) {
        room(value.length() * 4); // a char gives at most 4 bytes: an array's escaped backslash, half a surrogate pair
        for (int i = 0; i < value.length(); i++) {
            i = putChar(value, i, inArray);
        }
    }

    /**
     * Writes the character at {@code i}, escaped for COPY (and first for an array literal when {@code inArray}),
     * in UTF-8 as {@code String.getBytes} writes it (an unpaired surrogate becomes '?'). The caller made room.
     *
     * @return the index of the last character used (a surrogate pair uses two)
     */
    private int putChar(String s, int i, boolean inArray) {
        char c = s.charAt(i);
        if (c < 0x80) {
            switch (c) {
                case '\\' -> {
                    if (inArray) {
                        putRaw('\\', '\\'); // the array's escape of the backslash, itself escaped for COPY
                    }
                    putRaw('\\', '\\');
                }
                case '"' -> {
                    if (inArray) {
                        putRaw('\\', '\\');
                    }
                    row[length++] = '"';
                }
                case '\0' -> {
                    // dropped: PostgreSQL's text cannot hold it, and COPY would fail the whole load for one such byte
                }
                case '\t' -> putRaw('\\', 't');
                case '\n' -> putRaw('\\', 'n');
                case '\r' -> putRaw('\\', 'r');
                default -> row[length++] = (byte) c;
            }
            return i;
        }
        if (c < 0x800) {
            row[length++] = (byte) (0xC0 | (c >> 6));
            row[length++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                row[length++] = (byte) (0xF0 | (cp >> 18));
                row[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                row[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                row[length++] = (byte) (0x80 | (cp & 0x3F));
                return i + 1;
            }
            row[length++] = '?';
            return i;
        }
        row[length++] = (byte) (0xE0 | (c >> 12));
        row[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        row[length++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    private void putRaw(char a, char b) {
        row[length++] = (byte) a;
        row[length++] = (byte) b;
    }

    /** Plain ASCII (numbers, dates, flags), or {@code \N}. */
    private void ascii(String value) {
        if (value == null) {
            put(NULL);
            return;
        }
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            row[length++] = (byte) value.charAt(i);
        }
    }

    private void put(byte b) {
        room(1);
        row[length++] = b;
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, row, length, bytes.length);
        length += bytes.length;
    }

    /** Room for {@code n} more bytes. */
    private void room(int n) {
        if (length + n > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + n));
        }
    }
}
