package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        OwnerPlace place = OwnerPlace.of(List.of("3 PLACE DU MARCHE", "33000 BORDEAUX"), List.of("0003 PLACE DU MARCHE"));
        assertThat(place.postalCode()).isEqualTo("33000");
        assertThat(place.cityKey()).isEqualTo("bordeaux");
        assertThat(place.sameStreet()).isTrue();
        assertThat(OwnerPlace.of(List.of("12 HIGH STREET LONDON"), null).postalCode()).isNull();
    }
}
