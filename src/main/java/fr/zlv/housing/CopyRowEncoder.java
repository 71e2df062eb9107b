package fr.zlv.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Encodes one row in PostgreSQL's COPY text format (tab separated, {@code \N} for null). Hand-written
 * because it runs once per field of millions of rows: no intermediate objects beyond one builder.
 */
final class CopyRowEncoder {

    private final StringBuilder row = new StringBuilder(1024);
    private boolean first = true;

    void reset() {
        row.setLength(0);
        first = true;
    }

    /** The fields of the row, tab separated, without the line end. */
    CharSequence fields() {
        return row;
    }

    private void sep() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }

    void text(String value) {
        sep();
        if (value == null) {
            row.append("\\N");
        } else {
            escape(value, row);
        }
    }

    void number(Number value) {
        sep();
        row.append(value == null ? "\\N" : value instanceof BigDecimal b ? b.toPlainString() : value.toString());
    }

    void bool(Boolean value) {
        sep();
        row.append(value == null ? "\\N" : value ? "t" : "f");
    }

    void date(LocalDate value) {
        sep();
        row.append(value == null ? "\\N" : value.toString());
    }

    /** A text[] literal: {"a","b"}, then COPY-escaped. */
    void array(List<String> values) {
        sep();
        if (values == null) {
            row.append("\\N");
            return;
        }
        StringBuilder literal = new StringBuilder(64).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        escape(literal.append('}'), row);
    }

    /** {@code count} null fields. */
    void nulls(int count) {
        for (int i = 0; i < count; i++) {
            sep();
            row.append("\\N");
        }
    }

    static void escape(CharSequence value, StringBuilder out) {
        int length = value.length();
        int plain = 0;
        while (plain < length && !special(value.charAt(plain))) {
            plain++;
        }
        if (plain == length && value instanceof String text) {
            out.append(text); // nearly every value: copied at once (the CharSequence form goes char by char)
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
