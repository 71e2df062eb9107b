package fr.zlv.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parsing of LOVAC field values: decimal commas, the date shapes of the files (dd/mm/yyyy, mm/yyyy,
 * yyyy, ddmmyyyy, yyyy-mm-dd), impossible dates. Hand-written: it runs on every field of millions of rows.
 */
final class LovacValues {

    /** Returned by {@link #date} for a value that is not a possible date (it is counted, then stored empty). */
    static final LocalDate INVALID = LocalDate.of(1, 1, 1);

    private LovacValues() {
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    static Integer integer(String value) {
        BigDecimal d = decimal(value);
        if (d == null) {
            return null;
        }
        try {
            return d.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replace(',', '.').replace(" ", "").replace("\u00a0", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double real(String value) {
        BigDecimal d = decimal(value);
        return d == null ? null : d.doubleValue();
    }

    /** A date of any shape of the files; null when blank, {@link #INVALID} when impossible. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty()) {
            return null;
        }
        int firstSlash = s.indexOf('/');
        try {
            if (firstSlash > 0) {
                int secondSlash = s.indexOf('/', firstSlash + 1);
                if (secondSlash > 0) {
                    return of(num(s, secondSlash + 1, s.length()), num(s, firstSlash + 1, secondSlash), num(s, 0, firstSlash));
                }
                return of(num(s, firstSlash + 1, s.length()), num(s, 0, firstSlash), 1);
            }
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
            }
            if (s.length() > 10 && s.charAt(4) == '-' && s.charAt(10) == ' ' || s.length() > 10 && s.charAt(10) == 'T') {
                return of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10)); // timestamp
            }
            if (s.length() == 4) {
                return of(num(s, 0, 4), 1, 1);
            }
            if (s.length() == 7 || s.length() == 8) {
                // ddmmyyyy, with the leading zero of the day sometimes lost
                String p = s.length() == 7 ? "0" + s : s;
                int year = num(p, 4, 8);
                if (year >= 1800 && year <= 2100) {
                    return of(year, num(p, 2, 4), num(p, 0, 2));
                }
                int isoYear = num(p, 0, 4); // yyyymmdd
                return of(isoYear, num(p, 4, 6), num(p, 6, 8));
            }
        } catch (NumberFormatException | DateTimeException e) {
            return INVALID;
        }
        return INVALID;
    }

    /** The year of a year-like value ("2019", "01/01/2019", "2019.0"); null when blank or not a year. */
    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Integer plain = integer(value);
        if (plain != null) {
            return plain >= 1000 && plain <= 2100 ? plain : null;
        }
        LocalDate d = date(value);
        return d == null || d == INVALID ? null : d.getYear();
    }

    private static LocalDate of(int year, int month, int day) {
        if (year < 1800 || year > 2100) {
            throw new DateTimeException("year out of range");
        }
        return LocalDate.of(year, month, day);
    }

    private static int num(String s, int from, int to) {
        if (from >= to) {
            throw new NumberFormatException();
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static String leftPad(String value, int length) {
        if (value.length() >= length) {
            return value;
        }
        return "0".repeat(length - value.length()) + value;
    }
}
