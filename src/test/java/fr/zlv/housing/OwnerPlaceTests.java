package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java twin of SQL zlv_search_key (plain ASCII fast path and accented path) and the owner's place. */
class OwnerPlaceTests {

    @Test
    void searchKeysMatchTheSqlRuleOnPlainAndAccentedText() {
        assertThat(OwnerPlace.searchKey("  12, RUE DU 8 MAI--1945 ")).isEqualTo("12 rue du 8 mai 1945");
        assertThat(OwnerPlace.searchKey("BD VOLTAIRE")).isEqualTo("bd voltaire");
        assertThat(OwnerPlace.searchKey("...")).isEmpty();
        assertThat(OwnerPlace.searchKey(null)).isEmpty();
        assertThat(OwnerPlace.searchKey("12 RUE DE L'ÉGLISE")).isEqualTo("12 rue de l eglise");
        assertThat(OwnerPlace.searchKey("Œuvre  Straße")).isEqualTo("oeuvre strasse");
    }

    @Test
    void theOwnersPostcodeCityAndStreetAreFoundInTheAddress() {
        OwnerPlace place = OwnerPlace.of(List.of("3 PLACE DU MARCHE", "33000 BORDEAUX"),
                OwnerPlace.streetKey(List.of("0003 PLACE DU MARCHE")));
        assertThat(place.postalCode()).isEqualTo("33000");
        assertThat(place.cityKey()).isEqualTo("bordeaux");
        assertThat(place.sameStreet()).isTrue();
        assertThat(OwnerPlace.of(List.of("12 HIGH STREET LONDON"), null).postalCode()).isNull();
    }

    @Test
    void aCityMayEndWithDigitsAndAPostcodeStandsAlone() {
        assertThat(OwnerPlace.of(List.of("4 RUE OBERKAMPF", "75011 PARIS 11"), null))
                .isEqualTo(new OwnerPlace("75011", "paris 11", false));
        assertThat(OwnerPlace.of(List.of("TOUR AXA", "75340 PARIS CEDEX 07"), null))
                .isEqualTo(new OwnerPlace("75340", "paris cedex 07", false));
        assertThat(OwnerPlace.of(List.of("2 RUE DE ROME", "13001 MARSEILLE 1ER  "), null))
                .isEqualTo(new OwnerPlace("13001", "marseille 1er", false));
        // a foreign postcode glued to its country letter is not a French one; nor is a postcode with no city
        assertThat(OwnerPlace.of(List.of("UNTER DEN LINDEN 5", "D-10117 BERLIN"), null).postalCode()).isNull();
        assertThat(OwnerPlace.of(List.of("12 RUE DES LILAS 33000  "), null).postalCode()).isNull();
    }

    /** The rule as a regular expression: the hand-written reading must give the same places. */
    private static final Pattern POSTCODE_CITY = Pattern.compile("^(.*)(?<!\\S)(\\d{5})\\s+(\\S.*?)\\s*$", Pattern.DOTALL);

    private static String referenceKey(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static OwnerPlace reference(String address, String housingStreet) {
        Matcher m = POSTCODE_CITY.matcher(address);
        if (!m.matches()) {
            return new OwnerPlace(null, null, false);
        }
        String street = referenceKey(m.group(1));
        String housing = referenceKey(housingStreet.replaceFirst("^0+", ""));
        return new OwnerPlace(m.group(2), referenceKey(m.group(3)), !street.isEmpty() && street.endsWith(housing));
    }

    @Test
    void theHandWrittenReadingFindsWhatThePatternFound() {
        String alphabet = "0123456789012345 \t\n\r  ABCdeRUEparis-'éÉèçœßÆ\u0301\u00a0,.ø";
        var random = new Random(42);
        for (int n = 0; n < 50_000; n++) {
            var address = new StringBuilder();
            int length = random.nextInt(32);
            for (int i = 0; i < length; i++) {
                address.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                address.append(random.nextBoolean() ? " 75001" : "-75001").append(random.nextBoolean() ? " PARIS"
                        : random.nextBoolean() ? " PARIS CEDEX 07" : random.nextBoolean() ? "  " : " ");
            }
            String housingStreet = random.nextBoolean() ? "0012 RUE DU PORT" : address.length() > 4
                    ? address.substring(random.nextInt(address.length())) : "RUE";
            String text = address.toString();
            assertThat(OwnerPlace.searchKey(text)).as(text).isEqualTo(referenceKey(text));
            assertThat(OwnerPlace.of(List.of(text), OwnerPlace.streetKey(List.of(housingStreet)))).as(text)
                    .isEqualTo(reference(text, housingStreet));
        }
    }
}
