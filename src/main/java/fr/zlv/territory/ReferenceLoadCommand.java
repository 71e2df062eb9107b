package fr.zlv.territory;

import fr.zlv.shared.CommandArguments;
import fr.zlv.shared.CommandLineCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code reference load [DIR]}: refreshes the reference geography; prints the JSON report last. */
@Component
class ReferenceLoadCommand implements CommandLineCommand {

    private final ReferenceDataManagement referenceData;

    ReferenceLoadCommand(ReferenceDataManagement referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public List<String> words() {
        return List.of("reference", "load");
    }

    @Override
    public String usage() {
        return "reference load [DOSSIER]   (recharge la géographie de référence, par défaut les fichiers fournis)";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        List<String> positional = CommandArguments.parse(args, Set.of(), Set.of()).positional();
        if (positional.size() > 1) {
            throw new BadArgumentsException("Un seul dossier est attendu.");
        }
        ReferenceLoadReport report;
        try {
            report = positional.isEmpty()
                    ? referenceData.load()
                    : referenceData.load(Path.of(positional.getFirst()).toAbsolutePath().normalize());
        } catch (ReferenceDataException e) {
            throw new BadArgumentsException(e.getMessage() + " Aucune donnée n'a été modifiée.");
        }
        out.println(report.toJson());
        return 0;
    }
}
