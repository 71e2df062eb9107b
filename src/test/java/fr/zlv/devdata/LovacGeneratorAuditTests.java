package fr.zlv.devdata;

import static fr.zlv.devdata.LovacGeneratorIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.devdata.LovacGeneratorIntegrationTests.Run;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import fr.zlv.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit of {@code generate lovac} against the issue: the defects it must inject really appear, the
 * Latin-1 file keeps every commune name, bad option values are refused, and a clean file imports with
 * selection skips only. Imports use millésime 2023 and départements no other test uses (2B, 973, 976),
 * so they change nothing other tests count.
 */
@IntegrationTest
class LovacGeneratorAuditTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** The rows of a ';' file without quoted fields, split into columns, header first. */
    private static List<String[]> rows(Path file, Charset charset) throws Exception {
        return Files.readAllLines(file, charset).stream().map(l -> l.split(";", -1)).toList();
    }

    @Test
    void theDecimalCommaDefectReallyWritesDecimalCommas() throws Exception {
        Path file = dir.resolve("dirty.csv");
        Run run = cli("generate", "lovac", "--millesime", "2025", "--rows", "3000", "--seed", "5",
                "--departements", "33", "--dirty-rate", "1", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String[]> rows = rows(file, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.getFirst());
        int x = header.indexOf("ff_x_4326");
        int stoth = header.indexOf("ff_stoth");
        // every row carries a defect, one kind in seven is the decimal comma (quoted fields aside: ';' file)
        long withComma = rows.stream().skip(1).filter(r -> r.length == header.size())
                .filter(r -> r[x].contains(",") || r[stoth].contains(",")).count();
        assertThat(withComma).isGreaterThan(3000 / 7 / 2);
    }

    @Test
    void theCommuneColumnHasThreeDigitsOverseasToo() throws Exception {
        // DOMAIN.md §2: commune is 3-digit and the geo code is lpad(ccodep, 2, '0') || lpad(commune, 3, '0')
        Path file = dir.resolve("overseas.csv");
        Run run = cli("generate", "lovac", "--millesime", "2025", "--rows", "500", "--seed", "3",
                "--departements", "01,972", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String[]> rows = rows(file, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.getFirst());
        int ccodep = header.indexOf("ccodep");
        int commune = header.indexOf("commune");
        int idlocal = header.indexOf("ff_idlocal");
        assertThat(rows.stream().skip(1).map(r -> r[commune])).allMatch(c -> c.matches("\\d{3}"));
        assertThat(rows.stream().skip(1).filter(r -> r[ccodep].equals("972")).map(r -> r[ccodep].substring(0, 2) + r[commune]))
                .isNotEmpty().allMatch(code -> code.startsWith("972"));
        assertThat(rows.stream().skip(1).filter(r -> r[ccodep].equals("01")).map(r -> r[idlocal]))
                .isNotEmpty().allMatch(id -> id.startsWith("01") && id.length() == 12);
    }

    @Test
    void aLatin1FileKeepsTheCommuneNamesWithOeAndYDiaeresis() throws Exception {
        // Œuilly (02), Cricquebœuf (14), Vœuil-et-Giget (16, in the demo EPCI), Moÿ-de-l'Aisne (02, Ÿ once upper-cased)
        Path file = dir.resolve("latin1.csv");
        Run run = cli("generate", "lovac", "--millesime", "2025", "--rows", "20000", "--seed", "42",
                "--departements", "02,14,16", "--encoding", "latin1", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        String text = Files.readString(file, Charset.forName("windows-1252"));
        assertThat(text).contains("ŒUILLY").doesNotContain("?");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).contains("ÉGLISE"); // really one byte per letter
    }

    @Test
    void badOptionValuesAreRefusedWithAFrenchMessage() {
        Path out = dir.resolve("x.csv");
        Run nan = cli("generate", "lovac", "--millesime", "2025", "--rows", "10", "--seed", "1", "--dirty-rate", "NaN",
                out.toString());
        assertThat(nan.code()).isEqualTo(2);
        assertThat(nan.err()).contains("--dirty-rate");
        Run unknown = cli("generate", "lovac", "--millesime", "2025", "--rows", "10", "--seed", "1",
                "--departements", "33,99", out.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("99");
        Run year = cli("generate", "lovac", "--millesime", "25", "--rows", "10", "--seed", "1", out.toString());
        assertThat(year.code()).isEqualTo(2);
        assertThat(year.err()).contains("--millesime");
        assertThat(out).doesNotExist();
        Run lowerCorsica = cli("generate", "lovac", "--millesime", "2025", "--rows", "10", "--seed", "1",
                "--departements", "2b", out.toString());
        assertThat(lowerCorsica.code()).as(lowerCorsica.err()).isZero();
    }

    @Test
    void aCleanFileImportsWithSelectionSkipsOnlyAndADirtyOneWithTruncatedLinesRejected() throws Exception {
        Path clean = dir.resolve("clean.csv");
        assertThat(cli("generate", "lovac", "--millesime", "2023", "--rows", "4000", "--seed", "77",
                "--departements", "2B,973,976", "--delimiter", ",", clean.toString()).code()).isZero();
        Map<String, Object> report = importReport(clean);
        assertThat((Map<?, ?>) report.get("rowsRejected")).isEmpty();
        assertThat(counts(report.get("rowsSkipped")).keySet())
                .isSubsetOf("vacancy-too-recent", "vacancy-start-missing", "public-owner", "not-habitation", "not-a-dwelling");
        assertThat(number(report, "duplicatesDropped")).isZero();
        assertThat(number(report, "invalidDates")).isZero();
        assertThat(number(report, "rowsRead")).isEqualTo(4000);
        assertEquationsHold(report);

        Path dirty = dir.resolve("dirty.csv");
        Run generated = cli("generate", "lovac", "--millesime", "2023", "--rows", "4000", "--seed", "78",
                "--departements", "2B,973,976", "--dirty-rate", "0.1", "--delimiter", ",", dirty.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = JSON.readValue(generated.lastLine(), Map.class);
        Map<String, Object> dirtyReport = importReport(dirty);
        assertThat(counts(dirtyReport.get("rowsRejected")).keySet()).containsOnly("malformed-line");
        long dirtyLines = number(summary, "dirtyLines");
        // ~1/7 of the dirty rows each: truncated, duplicated, bad dates
        assertThat(number(counts(dirtyReport.get("rowsRejected")), "malformed-line"))
                .isBetween(dirtyLines / 7 / 2, dirtyLines / 7 * 2);
        assertThat(number(dirtyReport, "duplicatesDropped")).isPositive();
        assertThat(number(dirtyReport, "invalidDates")).isGreaterThan(dirtyLines / 7);
        assertThat(number(dirtyReport, "rowsRead")).isEqualTo(number(summary, "lines"));
        assertEquationsHold(dirtyReport);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importReport(Path file) {
        Run imported = cli("import", "lovac", "--millesime", "2023", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        return JSON.readValue(imported.lastLine(), Map.class);
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Object value) {
        return (Map<String, Object>) value;
    }

    private static long sum(Object counts) {
        return ((Map<?, ?>) counts).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    private static void assertEquationsHold(Map<String, Object> r) {
        assertThat(number(r, "rowsRead")).isEqualTo(number(r, "rowsSelected") + sum(r.get("rowsSkipped")) + sum(r.get("rowsRejected")));
        assertThat(number(r, "rowsSelected") - number(r, "duplicatesDropped"))
                .isEqualTo(number(r, "housingsCreated") + number(r, "housingsUpdated") + number(r, "housingsUnchanged"));
    }
}
