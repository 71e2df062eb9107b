package fr.zlv.devdata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.devdata.lovac.LovacGenerator;
import fr.zlv.platform.cli.CommandLineDispatcher;
import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator from the command line: deterministic, real columns, importable by {@code import lovac}. */
@IntegrationTest
class LovacGeneratorIntegrationTests {

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    record Run(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream previous = System.err;
        System.setErr(errStream); // commands print their progress on the process's stderr
        int code;
        try {
            code = CommandLineDispatcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), errStream);
        } finally {
            System.setErr(previous);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sameSeedSameFileWithTheRealColumnsThenImported() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Run first = cli("generate", "lovac", "--millesime", "2025", "--rows", "3000", "--seed", "42",
                "--departements", "2A,29", "--dirty-rate", "0.02", a.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.lastLine()).contains("\"dwellings\":3000");
        cli("generate", "lovac", "--millesime", "2025", "--rows", "3000", "--seed", "42",
                "--departements", "2A,29", "--dirty-rate", "0.02", b.toString());
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        Path other = dir.resolve("c.csv");
        cli("generate", "lovac", "--millesime", "2025", "--rows", "3000", "--seed", "43", "--departements", "2A,29", other.toString());
        assertThat(Files.mismatch(a, other)).isNotEqualTo(-1L);

        List<String> lines = Files.readAllLines(a);
        assertThat(lines.getFirst().split(";")).contains("ccodep", "annee", "commune", "ff_idlocal", "invariant",
                "debutvacance", "groupe", "aff", "nature", "ff_ddenom_6", "cer_ff_adresse_1", "ff_idpersonne_1",
                "ff_x_4326", "ff_y_4326", "potentiel_tlv_thlv");
        assertThat(lines.stream().skip(1).map(l -> l.split(";", -1)[0]).distinct()).containsOnly("2A", "29");

        Run imported = cli("import", "lovac", "--millesime", "2025", a.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        String report = imported.lastLine();
        assertThat(report).startsWith("{\"millesime\":2025,").contains("\"malformed-line\":").contains("\"duplicatesDropped\":");
        assertThat(imported.err()).contains("lecture du fichier");
        long created = Long.parseLong(report.replaceAll(".*\"housingsCreated\":(\\d+).*", "$1"));
        assertThat(created).isBetween(2300L, 2900L);
        assertThat(jdbc.sql("select count(*) from housing where departement in ('2A', '29') and longitude is not null")
                .query(Long.class).single()).isGreaterThan(created * 90 / 100);
        assertThat(jdbc.sql("select count(distinct relative_location) from ownership w join housing h on h.id = w.housing_id "
                + "where h.departement in ('2A', '29')").query(Long.class).single()).isGreaterThanOrEqualTo(5);

        // the next millésime keeps ~90 % of the dwellings: ~10 % leave vacancy
        Map<String, String> birthDatesBefore = ownersBirthDates();
        Path next = dir.resolve("next.csv");
        cli("generate", "lovac", "--millesime", "2026", "--rows", "3000", "--seed", "42", "--departements", "2A,29", next.toString());
        Run second = cli("import", "lovac", "--millesime", "2026", next.toString());
        assertThat(second.code()).as(second.err()).isZero();
        long exits = Long.parseLong(second.lastLine().replaceAll(".*\"exitsFromVacancy\":(\\d+).*", "$1"));
        assertThat(exits).isBetween(150L, 400L);
        // as in the real files, an owner keeps the birth date of the previous millésime (bad dates aside)
        Map<String, String> birthDatesAfter = ownersBirthDates();
        long kept = birthDatesBefore.keySet().stream().filter(birthDatesAfter::containsKey).count();
        long same = birthDatesBefore.entrySet().stream()
                .filter(e -> e.getValue().equals(birthDatesAfter.get(e.getKey()))).count();
        assertThat(kept).isGreaterThan(birthDatesBefore.size() * 3 / 4);
        assertThat(same).isGreaterThan(kept * 97 / 100);
    }

    private Map<String, String> ownersBirthDates() {
        return jdbc.sql("select owner_key, birth_date::text from owner where birth_date is not null")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void latin1WithCommasIsDetectedByTheImport() throws Exception {
        Path file = dir.resolve("latin1.csv");
        assertThat(cli("generate", "lovac", "--millesime", "2022", "--rows", "200", "--seed", "7", "--departements", "48",
                "--encoding", "latin1", "--delimiter", ",", file.toString()).code()).isZero();
        assertThat(Files.readAllLines(file, StandardCharsets.ISO_8859_1).getFirst()).contains("ff_dlign3_1");
        Run imported = cli("import", "lovac", "--millesime", "2022", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(jdbc.sql("select count(*) from owner where full_name ~ '[ÉÈÀÇÂÊÎÔÛËÏÜ]'").query(Long.class).single()).isPositive();
        assertThat(LovacGenerator.columns(2022)).contains("ff_dlign6_6").doesNotContain("cer_ff_adresse_1");
    }

    @Test
    void aFileWithMissingColumnsIsRefused() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "annee;ff_idlocal;invariant;nature;aff;idcom;proprietaire\n2025;330630000001;0630000001;MAISON;H;33063;X\n");
        Run run = cli("import", "lovac", "--millesime", "2025", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.lastLine()).isEqualTo("{\"refused\":\"Colonnes obligatoires absentes : debutvacance, groupe.\"}");
        assertThat(run.err()).contains("Colonnes obligatoires absentes");
    }
}
