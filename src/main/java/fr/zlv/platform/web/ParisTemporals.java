package fr.zlv.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import org.thymeleaf.expression.Temporals;

/**
 * The {@code #temporals} of every page, showing instants in French time. Timestamps come from
 * PostgreSQL as {@link OffsetDateTime} in UTC (the JDBC driver always answers UTC), and Thymeleaf's own
 * {@code #temporals} formats them in their offset: an event recorded at 14:05 in Paris would read 12:05.
 * Here an instant (OffsetDateTime, ZonedDateTime, Instant) is moved to Europe/Paris first, then formatted
 * by the standard object; dates and local times are left as they are. The methods are those the pages
 * use (format, formatISO, the parts and the creation helpers); Thymeleaf's set/list/array variants are
 * not offered.
 */
public final class ParisTemporals {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Temporals standard;

    ParisTemporals(Locale locale) {
        this.standard = new Temporals(locale, PARIS);
    }

    /** The same moment in Paris time; other temporals unchanged. */
    public static Temporal inParis(Temporal temporal) {
        return switch (temporal) {
            case OffsetDateTime t -> t.atZoneSameInstant(PARIS);
            case ZonedDateTime t -> t.withZoneSameInstant(PARIS);
            case Instant t -> t.atZone(PARIS);
            case null, default -> temporal;
        };
    }

    public String format(Temporal target) {
        return standard.format(inParis(target));
    }

    public String format(Temporal target, Locale locale) {
        return standard.format(inParis(target), locale);
    }

    public String format(Temporal target, String pattern) {
        return standard.format(inParis(target), pattern);
    }

    public String format(Temporal target, String pattern, Locale locale) {
        return standard.format(inParis(target), pattern, locale);
    }

    public String format(Temporal target, String pattern, String locale) {
        return standard.format(inParis(target), pattern, locale);
    }

    public String formatISO(Temporal target) {
        return standard.formatISO(inParis(target));
    }

    public Integer day(Temporal target) {
        return standard.day(inParis(target));
    }

    public Integer month(Temporal target) {
        return standard.month(inParis(target));
    }

    public String monthName(Temporal target) {
        return standard.monthName(inParis(target));
    }

    public Integer year(Temporal target) {
        return standard.year(inParis(target));
    }

    public String dayOfWeekName(Temporal target) {
        return standard.dayOfWeekName(inParis(target));
    }

    public Integer hour(Temporal target) {
        return standard.hour(inParis(target));
    }

    public Integer minute(Temporal target) {
        return standard.minute(inParis(target));
    }

    public Temporal createNow() {
        return ZonedDateTime.now(PARIS);
    }

    public Temporal createToday() {
        return java.time.LocalDate.now(PARIS);
    }

    public Temporal create(Object year, Object month, Object day) {
        return standard.create(year, month, day);
    }

    public Temporal createDate(String isoDate) {
        return standard.createDate(isoDate);
    }
}
