package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.housing.BulkHousing;
import fr.zlv.housing.BulkOwner;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every format quirk of the raw LOVAC CSV, each with a small file of src/test/resources/lovac. */
class LovacReaderTests {

    private static final CommuneDirectory COMMUNES = new CommuneDirectory(Map.of(
            "33063", new String[] {"33063", "33"},
            "75111", new String[] {"75056", "75"},
            "69383", new String[] {"69123", "69"}));

    record Outcome(long line, BulkHousing housing, String reason, String raw) {
    }

    record Parsed(LovacFileFormat format, List<Outcome> outcomes, int invalidDates) {
        Map<Long, String> reasons() {
            Map<Long, String> out = new LinkedHashMap<>();
            outcomes.forEach(o -> out.put(o.line(), o.housing() == null ? o.reason() : "selected"));
            return out;
        }

        BulkHousing housing(String localId) {
            return outcomes.stream().filter(o -> o.housing() != null && o.housing().localId().equals(localId))
                    .map(Outcome::housing).findFirst().orElseThrow();
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(LovacReaderTests.class.getResource("/lovac/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Parsed parse(String name, int millesime, boolean all) throws Exception {
        return parse(resource(name), millesime, all);
    }

    static Parsed parse(Path file, int millesime, boolean all) throws Exception {
        LovacFileFormat format = LovacFileFormat.detect(file);
        List<Outcome> outcomes = new ArrayList<>();
        try (var reader = new CsvRecordReader(format.open(file, new AtomicLong()), format.charset(), format.delimiter())) {
            reader.next();
            var header = new LovacHeader(List.copyOf(reader.fields()));
            header.checkRequired();
            var parser = new LovacRowParser(header, millesime, all, COMMUNES);
            while (reader.next()) {
                BulkHousing h = reader.unterminatedQuote() ? null : parser.parse(reader.fields(), reader.recordLine());
                outcomes.add(new Outcome(reader.recordLine(), h, reader.unterminatedQuote() ? "malformed-line" : parser.reason(),
                        reader.rawRecord()));
            }
            return new Parsed(format, outcomes, parser.invalidDates());
        }
    }

    @Test
    void selectionReasonsAreNamedPerPhysicalLine() throws Exception {
        Parsed parsed = parse("selection-2025.csv", 2025, false);
        assertThat(parsed.reasons()).containsExactly(
                Map.entry(2L, "selected"),
                Map.entry(3L, "vacancy-too-recent"),
                Map.entry(4L, "public-owner"),
                Map.entry(5L, "not-habitation"),
                Map.entry(6L, "not-a-dwelling"),
                Map.entry(7L, "local-id-missing"),
                Map.entry(8L, "vacancy-start-missing"),
                Map.entry(9L, "selected"),
                Map.entry(10L, "selected"),
                Map.entry(11L, "selected"),
                Map.entry(12L, "selected"),
                Map.entry(13L, "selected"),   // its quoted field holds a line break: the next record starts on line 15
                Map.entry(15L, "malformed-line"),
                Map.entry(16L, "unknown-commune"),
                Map.entry(17L, "selected"));  // ff_ccthp is only required for millésimes 2019–2024
        assertThat(parsed.format().delimiter()).isEqualTo(';');
        assertThat(parsed.format().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(parsed.outcomes().stream().filter(o -> o.line() == 15).findFirst().orElseThrow().raw())
                .isEqualTo("33;2025;063;200054781;;TRONQUE");
    }

    @Test
    void allDurationsKeepsRecentAndMissingVacancyStarts() throws Exception {
        Map<Long, String> reasons = parse("selection-2025.csv", 2025, true).reasons();
        assertThat(reasons.get(3L)).isEqualTo("selected");
        assertThat(reasons.get(8L)).isEqualTo("selected");
        assertThat(reasons.get(4L)).isEqualTo("public-owner");
    }

    @Test
    void ccthpMustBeVacantForMillesimes2019To2024() throws Exception {
        Path file = resource("selection-2025.csv");
        String text = java.nio.file.Files.readString(file).replace(";2025;", ";2024;");
        Path copy = java.nio.file.Files.createTempFile("lovac-2024", ".csv");
        java.nio.file.Files.writeString(copy, text);
        LovacFileFormat format = LovacFileFormat.detect(copy);
        try (var reader = new CsvRecordReader(format.open(copy, new AtomicLong()), format.charset(), format.delimiter())) {
            reader.next();
            var parser = new LovacRowParser(new LovacHeader(List.copyOf(reader.fields())), 2024, false, COMMUNES);
            String last = null;
            while (reader.next()) {
                parser.parse(reader.fields(), reader.recordLine());
                last = parser.reason();
            }
            assertThat(last).isEqualTo("not-vacant-in-fichiers-fonciers");
        }
    }

    @Test
    void anImpossibleVacancyStartIsCountedAndLeavesTheStartMissing() throws Exception {
        String text = java.nio.file.Files.readString(resource("selection-2025.csv"))
                .replace(";2019;*;330630000001;", ";31/02/2019;*;330630000001;");
        Path copy = java.nio.file.Files.createTempFile("lovac-impossible-start", ".csv");
        java.nio.file.Files.writeString(copy, text);
        try {
            Parsed parsed = parse(copy, 2025, false);
            assertThat(parsed.reasons().get(2L)).isEqualTo("vacancy-start-missing");
            // the file's other impossible date (an owner's birth date) and this one
            assertThat(parsed.invalidDates()).isEqualTo(2);
        } finally {
            java.nio.file.Files.delete(copy);
        }
    }

    @Test
    void quotedFieldsDecimalCommasCodesAndImpossibleDates() throws Exception {
        Parsed parsed = parse("selection-2025.csv", 2025, false);
        BulkHousing quoted = parsed.housing("330630000010");
        assertThat(quoted.addressLines()).containsExactly("0012 RUE \"DU PORT\"; BAT B\nESCALIER 2", "BORDEAUX");
        assertThat(quoted.owners().getFirst().birthDate()).isNull();
        assertThat(parsed.invalidDates()).isEqualTo(1);
        BulkHousing first = parsed.housing("330630000001");
        assertThat(first.livingArea()).isEqualByComparingTo(new BigDecimal("45.5"));
        assertThat(first.longitude()).isEqualTo(-0.5792);
        assertThat(first.latitude()).isEqualTo(44.8378);
        assertThat(first.geoCode()).isEqualTo("33063");
        assertThat(first.invariant()).isEqualTo("0630000001");
        assertThat(first.taxed()).isTrue();
        assertThat(first.mutationDate()).isEqualTo(LocalDate.of(2015, 6, 15));
        assertThat(first.owners()).extracting(BulkOwner::rank, BulkOwner::fullName, BulkOwner::propertyRight, BulkOwner::birthDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "DUPONT JEAN", "usufruitier", LocalDate.of(1950, 4, 3)),
                        org.assertj.core.groups.Tuple.tuple(2, "DUPONT MARIE", "nu-proprietaire", LocalDate.of(1955, 1, 1)));
        assertThat(first.owners().getFirst().key()).isEqualTo("p:33:33AB1234");
        assertThat(first.owners().getFirst().kindCode()).isEqualTo("particulier");
    }

    @Test
    void arrondissementIsKeptAndResolvedToItsCommune() throws Exception {
        BulkHousing paris = parse("selection-2025.csv", 2025, false).housing("751110000009");
        assertThat(paris.geoCode()).isEqualTo("75111");
        assertThat(paris.communeCode()).isEqualTo("75056");
        assertThat(paris.departement()).isEqualTo("75");
        assertThat(paris.owners()).hasSize(1);
    }

    @Test
    void commaDelimiterAndWindows1252AreDetected() throws Exception {
        Parsed parsed = parse("comma-windows1252.csv", 2025, false);
        assertThat(parsed.format().delimiter()).isEqualTo(',');
        assertThat(parsed.format().charset()).isEqualTo(LovacFileFormat.WINDOWS_1252);
        BulkHousing h = parsed.housing("330630000001");
        assertThat(h.owners().getFirst().fullName()).isEqualTo("LEFÈVRE ÉLODIE");
        assertThat(h.addressLines().getFirst()).isEqualTo("0012 RUE DE L'ÉGLISE, PRÈS DU MARCHÉ");
        assertThat(h.longitude()).isEqualTo(-0.5792);
    }

    @Test
    void utf8BomCrLfUpperCaseHeaderInAnotherOrder() throws Exception {
        Parsed parsed = parse("utf8-bom-uppercase.csv", 2025, false);
        assertThat(parsed.format().bom()).isTrue();
        assertThat(parsed.format().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(parsed.reasons()).containsExactly(Map.entry(2L, "selected"));
        assertThat(parsed.housing("330630000001").owners().getFirst().fullName()).isEqualTo("GARÇON ANAÏS");
    }

    @Test
    void idcomAndOtherDateShapes() throws Exception {
        Parsed parsed = parse("idcom-2026.csv", 2026, false);
        BulkHousing lyon = parsed.housing("693830000001");
        assertThat(lyon.geoCode()).isEqualTo("69383");
        assertThat(lyon.communeCode()).isEqualTo("69123");
        assertThat(lyon.owners()).extracting(BulkOwner::birthDate)
                .containsExactly(LocalDate.of(1950, 4, 3), LocalDate.of(1955, 4, 1));
        assertThat(lyon.mutationDate()).isEqualTo(LocalDate.of(2015, 6, 15));
    }

    @Test
    void olderOwnerAddressColumns() throws Exception {
        BulkHousing h = parse("old-owner-address.csv", 2025, false).housing("330630000001");
        assertThat(h.owners().getFirst().addressLines()).containsExactly("CHEZ M DUPONT", "12 RUE DES LILAS", "33000 BORDEAUX");
    }

    @Test
    void ownerFromTheTaxPartWhenNoFichiersFonciersOwner() throws Exception {
        BulkHousing h = parse("tax-owner-only.csv", 2025, false).housing("330630000001");
        assertThat(h.owners()).singleElement().satisfies(o -> {
            assertThat(o.fullName()).isEqualTo("SCI LES TILLEULS");
            assertThat(o.administrator()).isEqualTo("CABINET GERANCE SUD");
            assertThat(o.kindCode()).isEqualTo("sci-copro");
            assertThat(o.rank()).isEqualTo(1);
            assertThat(o.addressLines()).containsExactly("12 RUE DES LILAS", "33000 BORDEAUX");
        });
    }

    @Test
    void missingRequiredColumnsRefuseTheFileNamingThem() {
        assertThatThrownBy(() -> parse("missing-columns.csv", 2025, false))
                .isInstanceOf(LovacRefusedException.class)
                .hasMessage("Colonnes obligatoires absentes : debutvacance, groupe.");
    }

    @Test
    void anotherMillesimeIsRefused() {
        assertThatThrownBy(() -> parse("wrong-year.csv", 2025, false))
                .isInstanceOf(LovacRefusedException.class)
                .hasMessageContaining("millésime 2024").hasMessageContaining("ligne 2");
    }

    @Test
    void dateShapes() {
        assertThat(LovacValues.date("31/12/2020")).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(LovacValues.date("12/2020")).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(LovacValues.date("2020")).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(LovacValues.date("31122020")).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(LovacValues.date("2020-12-31")).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(LovacValues.date("31/02/1999")).isSameAs(LovacValues.INVALID);
        assertThat(LovacValues.date("00/00/0000")).isSameAs(LovacValues.INVALID);
        assertThat(LovacValues.date(" ")).isNull();
        assertThat(LovacValues.year("2019.0")).isEqualTo(2019);
    }
}
