package fr.zlv.ownerportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsentStateTests {

    @Test
    void theWithdrawalDayIsTheDayInParis() {
        // 23:30 UTC on 31 December is already 1 January in Paris
        var lateEvening = OffsetDateTime.of(2026, 12, 31, 23, 30, 0, 0, ZoneOffset.UTC);
        assertThat(new ConsentState(false, lateEvening).withdrawnOn()).isEqualTo("01/01/2027");
        assertThat(new WithdrawalOutcome.Withdrawn(lateEvening).withdrawnOn()).isEqualTo("01/01/2027");
        assertThat(new ConsentState(true, null).withdrawnOn()).isNull();
    }
}
