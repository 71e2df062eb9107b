package fr.zlv.housing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Where an owner's address is, in the terms the merge needs to place the owner relative to the dwelling
 * (DOMAIN.md §4): postcode, city and street as accent- and case-free keys. Computed here, once per
 * owner row, because PostgreSQL's regular expressions cost about 60 µs per address — over a minute for
 * a national file. No regular expression here either: at national size this was the costliest part of
 * encoding the rows (the owner's postcode and city are read by hand, as the pattern
 * {@code ^(.*)(?<!\S)(\d{5})\s+(\S.*?)\s*$} would find them).
 *
 * @param postalCode the five-digit postcode before the city, null when there is none (a foreign address, or a
 *                   postcode with no city after it)
 * @param cityKey    the city after the postcode, as {@code zlv_search_key} would give it
 * @param sameStreet the street part ends with the dwelling's street (same-address when the commune matches)
 */
record OwnerPlace(String postalCode, String cityKey, boolean sameStreet) {

    /** The key the owner's street is compared with: the dwelling's first address line, null when it has none. */
    static String streetKey(List<String> housingAddress) {
        String street = housingAddress == null || housingAddress.isEmpty() ? null : housingAddress.getFirst();
        return street == null ? null : searchKey(stripLeadingZeros(street));
    }

    /**
     * Null when the owner has no address.
     *
     * @param housingStreetKey the dwelling's {@link #streetKey}, computed once for all its owners
     */
    static OwnerPlace of(List<String> ownerAddress, String housingStreetKey) {
        if (ownerAddress == null || ownerAddress.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : ownerAddress) {
            if (line != null) { // array_to_string skips nulls
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(line);
            }
        }
        // the postcode is the last five-digit number standing alone (at the start or after a blank) and followed
        // by a city, which may end with digits: "75011 PARIS 11", "75340 PARIS CEDEX 07", "13001 MARSEILLE 1ER"
        int end = joined.length();
        int lastNonBlank = end - 1;
        while (lastNonBlank >= 0 && isBlank(joined.charAt(lastNonBlank))) {
            lastNonBlank--;
        }
        int first = -1;
        for (int i = lastNonBlank - 6; i >= 0 && first < 0; i--) {
            if (isPostcodeAt(joined, i)) {
                first = i;
            }
        }
        if (first < 0) {
            return new OwnerPlace(null, null, false);
        }
        int cityStart = first + 5;
        while (isBlank(joined.charAt(cityStart))) {
            cityStart++;
        }
        int cityEnd = lastNonBlank + 1;
        String street = searchKey(joined.substring(0, first));
        boolean sameStreet = housingStreetKey != null && !street.isEmpty() && street.endsWith(housingStreetKey);
        return new OwnerPlace(joined.substring(first, first + 5), searchKey(joined.substring(cityStart, cityEnd)), sameStreet);
    }

    /** Five digits at {@code i}, at the start or after a blank, then a blank. */
    private static boolean isPostcodeAt(CharSequence text, int i) {
        if (i > 0 && !isBlank(text.charAt(i - 1)) || !isBlank(text.charAt(i + 5))) {
            return false;
        }
        for (int k = i; k < i + 5; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What {@code \s} matches. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Java twin of SQL {@code zlv_search_key}: lower case, no accents, runs of other characters as one space. */
    static String searchKey(String value) {
        if (value == null) {
            return "";
        }
        // plain ASCII (nearly every address of the file) is keyed as it is: normalising every text, three per
        // owner, cost seconds of a national import
        String text = isAscii(value) ? value : decomposed(value);
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else if (c < 128 || !isMark(c)) {
                gap = true; // accents left by the decomposition are dropped without splitting the word
            }
        }
        return out.toString();
    }

    /** Lower case, ligatures spelt out, accents split from their letters (canonical decomposition). */
    private static String decomposed(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String stripLeadingZeros(String value) {
        if (value == null) {
            return null;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == '0') {
            i++;
        }
        return value.substring(i);
    }
}
