package fr.zlv.targeting.web;

import java.io.IOException;
import java.io.Writer;

/** JSON string escaping for the streamed map payload (which bypasses the JSON mapper for speed). */
final class JsonText {

    private JsonText() {
    }

    static void string(Writer w, String value) throws IOException {
        if (value == null) {
            w.write("null");
            return;
        }
        w.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> w.write("\\\"");
                case '\\' -> w.write("\\\\");
                case '\n' -> w.write("\\n");
                case '\r' -> w.write("\\r");
                case '\t' -> w.write("\\t");
                default -> {
                    if (c < 0x20) {
                        w.write(String.format("\\u%04x", (int) c));
                    } else {
                        w.write(c);
                    }
                }
            }
        }
        w.write('"');
    }
}
