package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.platform.cli.CommandLineDispatcher;
import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code reference load [DIR]} run in-process the way the jar runs it. */
@IntegrationTest
class ReferenceLoadCommandIntegrationTests {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CommandLineDispatcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loadsAFolderAndPrintsTheJsonReportAsTheLastLine() {
        ReferenceFolder.copyBundled(folder);

        Run run = run("reference", "load", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.outLines().getLast());
        assertThat(report.path("source").asString()).isEqualTo(folder.toString());
        assertThat(report.path("files")).hasSize(10);
        for (JsonNode file : report.path("files")) {
            assertThat(file.path("inserted").asInt() + file.path("updated").asInt() + file.path("deleted").asInt())
                    .as(file.path("file").asString()).isZero();
        }
    }

    @Test
    void loadsTheBundledFilesWithoutAFolder() {
        Run run = run("reference", "load");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().getLast()).startsWith("{\"source\":\"classpath\"");
    }

    @Test
    void aMalformedFolderExitsWithCode2AndAClearMessage() {
        ReferenceFolder.copyBundled(folder);
        ReferenceFolder.editLines(folder, "regions.csv", lines -> {
            lines.set(3, "03;Guyane");
            return lines;
        });

        Run run = run("reference", "load", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Fichier regions.csv, ligne 4 : 3 colonnes attendues, 2 trouvées.")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFolderExitsWithCode2() {
        Run run = run("reference", "load", folder.resolve("nulle-part").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Dossier introuvable");
    }
}
