package fr.zlv.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagerTests {

    @Test
    void thePageAskedForIsBroughtBackBetweenTheFirstAndTheLast() {
        assertThat(Pager.of(0, 120, 50)).isEqualTo(new Pager(1, 3, 120));
        assertThat(Pager.of(9, 120, 50)).isEqualTo(new Pager(3, 3, 120));
        assertThat(Pager.of(2, 0, 50)).as("an empty list has one page").isEqualTo(new Pager(1, 1, 0));
    }

    @Test
    void previousAndNextExistOnlyInsideTheRange() {
        Pager middle = Pager.of(2, 120, 50);
        assertThat(middle.needed()).isTrue();
        assertThat(middle.previous()).isEqualTo(1);
        assertThat(middle.next()).isEqualTo(3);
        assertThat(Pager.of(1, 50, 50).needed()).isFalse();
        assertThat(Pager.of(1, 51, 50).previous()).isNull();
    }
}
