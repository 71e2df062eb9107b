package fr.zlv.imports;

import fr.zlv.shared.CommandArguments;
import fr.zlv.shared.CommandLineCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code import lovac --millesime YYYY [--all] FILE}: progress on stderr, the JSON report as the
 * last stdout line; a refused file gives exit code 2 and {@code {"refused": "…"}} on stdout.
 */
@Component
class ImportLovacCommand implements CommandLineCommand {

    private final LovacImportManagement imports;

    ImportLovacCommand(LovacImportManagement imports) {
        this.imports = imports;
    }

    @Override
    public List<String> words() {
        return List.of("import", "lovac");
    }

    @Override
    public String usage() {
        return "import lovac --millesime YYYY [--all] FICHIER.csv";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, Set.of("all"), Set.of("millesime"));
        int millesime;
        try {
            millesime = Integer.parseInt(arguments.required("millesime").strip());
        } catch (NumberFormatException e) {
            throw new BadArgumentsException("--millesime attend une année, par exemple 2025.");
        }
        if (arguments.positional().size() != 1) {
            throw new BadArgumentsException("Indiquez un seul fichier à importer.");
        }
        Path file = Path.of(arguments.positional().getFirst());
        try {
            if (Files.isDirectory(file)) {
                throw new LovacRefusedException(file + " est un dossier : indiquez le fichier LOVAC à importer.");
            }
            if (!Files.isRegularFile(file)) {
                throw new LovacRefusedException("Fichier introuvable : " + file + ".");
            }
            long[] lastPrint = {0};
            ImportReport report = imports.importFile(file, millesime, arguments.flag("all"), p -> {
                long now = System.nanoTime();
                if (p.phase().startsWith("fusion") || now - lastPrint[0] > 2_000_000_000L) {
                    lastPrint[0] = now;
                    System.err.printf("%s : %,d lignes, %,d lignes/s, %d %%%n", p.phase(), p.rows(), p.rowsPerSecond(), p.percent());
                }
            });
            out.println(report.toJson());
            return 0;
        } catch (LovacRefusedException e) {
            out.println(tools.jackson.databind.json.JsonMapper.builder().build()
                    .writeValueAsString(java.util.Map.of("refused", e.getMessage())));
            throw new BadArgumentsException("fichier refusé : " + e.getMessage());
        }
    }
}
