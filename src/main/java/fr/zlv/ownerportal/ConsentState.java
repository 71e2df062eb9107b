package fr.zlv.ownerportal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the answers of one access code keep of the owner's consent to be contacted, as the owner sees it
 * on the answer page (never the details themselves).
 *
 * @param contactKept an answer of the code still holds a phone, an e-mail or a consent: withdrawing erases it
 * @param withdrawnAt the latest withdrawal, null when the owner never withdrew
 */
public record ConsentState(boolean contactKept, OffsetDateTime withdrawnAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

    /** The withdrawal's day as owners and agents read it (Paris time), null when never withdrawn. */
    public String withdrawnOn() {
        return day(withdrawnAt);
    }

    /** « JJ/MM/AAAA » in Paris time: a withdrawal at 00:30 in Paris is on that day, not on the UTC day before. */
    static String day(OffsetDateTime at) {
        return at == null ? null : DAY.format(at);
    }
}
