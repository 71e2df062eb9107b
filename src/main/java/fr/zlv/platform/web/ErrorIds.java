package fr.zlv.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short ids that tie what a user sees on an error page to the matching line of the log. */
final class ErrorIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    /** Eight upper-case hexadecimal characters: short enough to be read over the phone. */
    static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api/v1") || path.startsWith("/api/v1/"));
    }
}
