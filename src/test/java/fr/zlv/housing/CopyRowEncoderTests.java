package fr.zlv.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The COPY text lines sent to PostgreSQL, byte for byte: the row hash of a dwelling is computed over them, so an
 * encoding that changed a single byte would make every dwelling of a re-run look modified.
 */
class CopyRowEncoderTests {

    private static String encoded(CopyRowEncoder e) {
        return new String(e.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAreTabSeparatedWithNullsAndPlainValues() {
        var e = new CopyRowEncoder();
        e.reset();
        e.text("33063000AB0001");
        e.text(null);
        e.number(42);
        e.number(new BigDecimal("1E+2"));
        e.number(new BigDecimal("12.50"));
        e.number(-0.5797);
        e.bool(true);
        e.bool(null);
        e.date(LocalDate.of(2019, 1, 7));
        e.nulls(2);
        assertThat(encoded(e)).isEqualTo("33063000AB0001\t\\N\t42\t100\t12.50\t-0.5797\tt\t\\N\t2019-01-07\t\\N\t\\N");
    }

    @Test
    void textEscapesWhatCopyReadsAsControlCharacters() {
        var e = new CopyRowEncoder();
        e.reset();
        e.text("a\\b\tc\nd\re \"quoted\"");
        assertThat(encoded(e)).isEqualTo("a\\\\b\\tc\\nd\\re \"quoted\"");
    }

    @Test
    void arraysEscapeQuotesAndBackslashesTwiceAndKeepNulls() {
        var e = new CopyRowEncoder();
        e.reset();
        e.array(Arrays.asList("12 RUE \"DU\" PORT", null, "C\\D", "E\tF"));
        e.array(null);
        e.array(List.of());
        assertThat(encoded(e)).isEqualTo("{\"12 RUE \\\\\"DU\\\\\" PORT\",NULL,\"C\\\\\\\\D\",\"E\\tF\"}\t\\N\t{}");
    }

    @Test
    void nonAsciiTextIsUtf8AsJavaEncodesIt() {
        String text = "Élodie Ñúñez – 𝄞 \uD800 ß";
        var e = new CopyRowEncoder();
        e.reset();
        e.text(text);
        e.array(List.of(text));
        byte[] expected = (text + "\t{\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(e.bytes()).isEqualTo(expected);
        assertThat(new String(expected, StandardCharsets.UTF_8)).contains("𝄞", "? ß"); // the lone surrogate is '?'
    }

    @Test
    void aLongValueGrowsTheRow() {
        String longValue = "é".repeat(5_000);
        var e = new CopyRowEncoder();
        e.reset();
        e.text(longValue);
        e.text("x");
        assertThat(encoded(e)).isEqualTo(longValue + "\tx");
        e.reset();
        e.text("y");
        assertThat(encoded(e)).isEqualTo("y");
        // the most bytes a char gives: a backslash in an array (4), a surrogate pair (4 for 2)
        e.reset();
        e.array(List.of("\\".repeat(3_000), "𝄞".repeat(3_000)));
        assertThat(encoded(e)).isEqualTo("{\"" + "\\\\\\\\".repeat(3_000) + "\",\"" + "𝄞".repeat(3_000) + "\"}");
    }
}
