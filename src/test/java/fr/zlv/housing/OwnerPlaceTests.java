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

    /** The first version, with regular expressions: the hand-written reading must give the same places. */
    private static final Pattern POSTCODE_CITY = Pattern.compile("^(.*?)\\s*(\\d{5})\\s+([^0-9]+?)\\s*$", Pattern.DOTALL);

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
                address.append(" 75001").append(random.nextBoolean() ? " PARIS" : random.nextBoolean() ? "  " : " ");
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
