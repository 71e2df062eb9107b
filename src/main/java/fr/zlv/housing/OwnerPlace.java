package fr.zlv.housing;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an owner's address is, in the terms the merge needs to place the owner relative to the dwelling
 * (DOMAIN.md §4): postcode, city and street as accent- and case-free keys. Computed here, once per
 * owner row, because PostgreSQL's regular expressions cost about 60 µs per address — over a minute for
 * a national file.
 *
 * @param postalCode the five-digit postcode before the city, null when there is none (a foreign address)
 * @param cityKey    the city after the postcode, as {@code zlv_search_key} would give it
 * @param sameStreet the street part ends with the dwelling's street (same-address when the commune matches)
 */
record OwnerPlace(String postalCode, String cityKey, boolean sameStreet) {

    private static final Pattern POSTCODE_CITY = Pattern.compile("^(.*?)\\s*(\\d{5})\\s+([^0-9]+?)\\s*$", Pattern.DOTALL);
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Null when the owner has no address. */
    static OwnerPlace of(List<String> ownerAddress, List<String> housingAddress) {
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
        Matcher m = POSTCODE_CITY.matcher(joined);
        if (!m.matches()) {
            return new OwnerPlace(null, null, false);
        }
        String street = searchKey(m.group(1));
        String housingStreet = housingAddress == null || housingAddress.isEmpty() ? null : housingAddress.getFirst();
        boolean sameStreet = housingStreet != null && !street.isEmpty()
                && street.endsWith(searchKey(stripLeadingZeros(housingStreet)));
        return new OwnerPlace(m.group(2), searchKey(m.group(3)), sameStreet);
    }

    /** Java twin of SQL {@code zlv_search_key}: lower case, no accents, runs of other characters as one space. */
    static String searchKey(String value) {
        if (value == null) {
            return "";
        }
        // one pass for plain ASCII (nearly every address of the file): three per owner, the normalising path
        // below cost seconds of a national import
        StringBuilder out = new StringBuilder(value.length());
        boolean gap = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                return accentedSearchKey(value);
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static String accentedSearchKey(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_KEY.matcher(plain).replaceAll(" ").strip();
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
