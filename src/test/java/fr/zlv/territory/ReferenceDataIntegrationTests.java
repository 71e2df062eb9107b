package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReferenceDataIntegrationTests {

    @Autowired
    ReferenceDataManagement referenceData;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Row counts of every reference table, to prove that a refused load changed nothing. */
    private Map<String, Long> snapshot() {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : List.of("region", "departement", "epci", "commune", "arrondissement", "commune_programme",
                "vacancy_tax", "zonage_abc", "departement_contour")) {
            counts.put(table, count("select count(*) from " + table));
        }
        counts.put("centres", count("select count(*) from commune where longitude is not null"));
        counts.put("checksum", count("select sum(hashtext(c::text)) from commune c"));
        return counts;
    }

    @Test
    void theStartLoadsTheWholeReferenceGeography() {
        assertThat(count("select count(*) from commune")).isEqualTo(34_969);
        assertThat(count("select count(*) from arrondissement")).isEqualTo(45);
        assertThat(count("select count(*) from epci")).isEqualTo(1_255);
        assertThat(count("select count(*) from departement")).isEqualTo(109);
        assertThat(count("select count(*) from region")).isEqualTo(26);
        assertThat(count("select count(*) from departement_contour")).isEqualTo(96);
        // rows of other years' lists whose commune is unknown are skipped
        assertThat(count("select count(*) from commune_programme")).isEqualTo(2_256 - 5);
        assertThat(count("select count(*) from vacancy_tax")).isEqualTo(5_827 - 11);
        assertThat(count("select count(*) from zonage_abc")).isEqualTo(34_935 - 68);
        assertThat(count("select count(*) from commune where longitude is not null")).isEqualTo(35_357 - 493);
    }

    @Test
    void reloadingTheSameFilesChangesNothing() {
        Map<String, Long> before = snapshot();

        ReferenceLoadReport report = Roles.asSystem(referenceData::load);

        assertThat(report.files()).hasSize(10);
        assertThat(report.changedAnything()).isFalse();
        for (var file : report.files()) {
            assertThat(file.inserted() + file.updated() + file.deleted()).as(file.file()).isZero();
            assertThat(file.unchanged()).as(file.file()).isEqualTo(file.read() - file.skipped());
        }
        assertThat(report.file("communes.csv").unchanged()).isEqualTo(34_969);
        assertThat(report.file("commune_centroids.csv").skipped()).isEqualTo(493);
        assertThat(report.file("commune_programmes.csv").skipped()).isEqualTo(5);
        assertThat(report.file("commune_vacancy_tax.csv").skipped()).isEqualTo(11);
        assertThat(report.file("zonage_abc.csv").skipped()).isEqualTo(68);
        assertThat(report.durationMs()).isLessThan(15_000);
        assertThat(report.toJson()).startsWith("{\"source\":\"classpath\"").contains("\"file\":\"communes.csv\"");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aWrongHeaderIsRefusedNamingFileAndLineAndChangesNothing() {
        ReferenceFolder.copyBundled(folder);
        ReferenceFolder.editLines(folder, "communes.csv", lines -> {
            lines.set(0, lines.get(0).replace("population", "habitants"));
            lines.set(1, lines.get(1).replace("L'Abergement-Clémenciat", "Nom modifié"));
            return lines;
        });
        Map<String, Long> before = snapshot();

        assertThatThrownBy(() -> Roles.asSystem(() -> referenceData.load(folder)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageStartingWith("Fichier communes.csv, ligne 1 : en-tête")
                .satisfies(e -> assertThat(((ReferenceDataException) e).line()).isEqualTo(1));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql("select name from commune where code = '01001'").query(String.class).single())
                .isEqualTo("L'Abergement-Clémenciat");
    }

    @Test
    void anUnparsableLineIsRefusedNamingFileAndLine() {
        ReferenceFolder.copyBundled(folder);
        // line 5 of epci.csv (the header is line 1): a population that is not a number
        ReferenceFolder.editLines(folder, "epci.csv", lines -> {
            lines.set(4, lines.get(4).replaceAll(";\\d+$", ";beaucoup"));
            return lines;
        });
        Map<String, Long> before = snapshot();

        assertThatThrownBy(() -> Roles.asSystem(() -> referenceData.load(folder)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("Fichier epci.csv, ligne 5 : la colonne « population » vaut « beaucoup »");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aLineWithTheWrongColumnCountIsRefused() {
        ReferenceFolder.copyBundled(folder);
        ReferenceFolder.editLines(folder, "zonage_abc.csv", lines -> {
            lines.set(100, lines.get(100) + ";extra");
            return lines;
        });
        Map<String, Long> before = snapshot();

        assertThatThrownBy(() -> Roles.asSystem(() -> referenceData.load(folder)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("Fichier zonage_abc.csv, ligne 101 : 2 colonnes attendues, 3 trouvées.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMissingFolderOrFileIsRefused() {
        assertThatThrownBy(() -> Roles.asSystem(() -> referenceData.load(folder.resolve("absent"))))
                .isInstanceOf(ReferenceDataException.class).hasMessageStartingWith("Dossier introuvable");
        ReferenceFolder.copyBundled(folder);
        folder.resolve("regions.csv").toFile().delete();
        assertThatThrownBy(() -> Roles.asSystem(() -> referenceData.load(folder)))
                .isInstanceOf(ReferenceDataException.class).hasMessageStartingWith("Fichier regions.csv : fichier absent");
    }

    @Test
    void unknownCodesAreSkippedAndCountedPerFile() {
        ReferenceFolder.copyBundled(folder);
        ReferenceFolder.editLines(folder, "zonage_abc.csv", lines -> {
            var more = new ArrayList<>(lines);
            more.add("99998;A");
            more.add("99999;B1");
            return more;
        });
        ReferenceFolder.editLines(folder, "commune_vacancy_tax.csv", lines -> {
            var more = new ArrayList<>(lines);
            more.add("99999;TLV;");
            return more;
        });
        Map<String, Long> before = snapshot();

        ReferenceLoadReport report = Roles.asSystem(() -> referenceData.load(folder));

        assertThat(report.source()).isEqualTo(folder.toString());
        assertThat(report.file("zonage_abc.csv").skipped()).isEqualTo(68 + 2);
        assertThat(report.file("zonage_abc.csv").read()).isEqualTo(34_935 + 2);
        assertThat(report.file("commune_vacancy_tax.csv").skipped()).isEqualTo(11 + 1);
        assertThat(report.changedAnything()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void changedValuesAreUpdatedAndARestoreOfTheBundledFilesPutsThemBack() {
        ReferenceFolder.copyBundled(folder);
        ReferenceFolder.editLines(folder, "zonage_abc.csv", lines -> {
            lines.set(1, "01001;A");
            return lines;
        });
        ReferenceFolder.editLines(folder, "commune_programmes.csv", lines -> {
            lines.remove(1);
            return lines;
        });
        try {
            ReferenceLoadReport report = Roles.asSystem(() -> referenceData.load(folder));

            assertThat(report.file("zonage_abc.csv").updated()).isEqualTo(1);
            assertThat(report.file("commune_programmes.csv").deleted()).isEqualTo(1);
            assertThat(report.file("communes.csv").updated()).isZero();
            assertThat(jdbc.sql("select zone from zonage_abc where commune_code = '01001'").query(String.class).single())
                    .isEqualTo("A");
        } finally {
            ReferenceLoadReport restored = Roles.asSystem(referenceData::load);
            assertThat(restored.file("zonage_abc.csv").updated()).isEqualTo(1);
            assertThat(restored.file("commune_programmes.csv").inserted()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select zone from zonage_abc where commune_code = '01001'").query(String.class).single())
                .isEqualTo("C");
    }
}
