package fr.zlv.devdata.lovac;

import fr.zlv.shared.CommandArguments;
import fr.zlv.shared.CommandLineCommand;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code generate lovac --millesime YYYY --rows N --seed S [--departements 33,59] [--dirty-rate R]
 * [--encoding latin1|utf8] [--delimiter ';'|','] OUT.csv}. The last stdout line is a JSON summary.
 */
@Component
class GenerateLovacCommand implements CommandLineCommand {

    @Override
    public List<String> words() {
        return List.of("generate", "lovac");
    }

    @Override
    public String usage() {
        return "generate lovac --millesime YYYY --rows N --seed S [--departements 33,59] [--dirty-rate R] "
                + "[--encoding latin1|utf8] [--delimiter ';'|','] SORTIE.csv";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandArguments a = CommandArguments.parse(args, Set.of(),
                Set.of("millesime", "rows", "seed", "departements", "dirty-rate", "encoding", "delimiter"));
        int millesime = integer(a.required("millesime"), "millesime");
        if (millesime < 2000 || millesime > 2100) { // a typo such as 25 would write birth years below zero
            throw new BadArgumentsException("--millesime attend une année entre 2000 et 2100, par exemple 2025.");
        }
        int rows = integer(a.required("rows"), "rows");
        long seed;
        try {
            seed = Long.parseLong(a.required("seed").strip());
        } catch (NumberFormatException e) {
            throw new BadArgumentsException("--seed attend un nombre entier.");
        }
        Set<String> departements = a.option("departements").map(s -> Arrays.stream(s.split(","))
                .map(x -> x.strip().toUpperCase(Locale.ROOT)).filter(x -> !x.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
        double dirty;
        try {
            dirty = Double.parseDouble(a.option("dirty-rate").orElse("0").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BadArgumentsException("--dirty-rate attend un nombre entre 0 et 1.");
        }
        Charset encoding = switch (a.option("encoding").orElse("utf8").toLowerCase(Locale.ROOT)) {
            case "utf8", "utf-8" -> StandardCharsets.UTF_8;
            // Windows-1252, as the real "Latin-1" files: ISO-8859-1 has no Œ or Ÿ (Vœuil-et-Giget would become V?uil)
            case "latin1", "latin-1", "iso-8859-1" -> Charset.forName("windows-1252");
            default -> throw new BadArgumentsException("--encoding attend latin1 ou utf8.");
        };
        String delimiter = a.option("delimiter").orElse(";").replace("'", "");
        if (!delimiter.equals(";") && !delimiter.equals(",")) {
            throw new BadArgumentsException("--delimiter attend ';' ou ','.");
        }
        if (a.positional().size() != 1) {
            throw new BadArgumentsException("Indiquez un seul fichier de sortie.");
        }
        if (rows < 0 || !(dirty >= 0 && dirty <= 1)) { // written so that NaN is refused too
            throw new BadArgumentsException("--rows doit être positif et --dirty-rate entre 0 et 1.");
        }
        Path target = Path.of(a.positional().getFirst());
        GenerationResult result;
        try {
            result = LovacGenerator.generate(new GeneratorOptions(millesime, rows, seed, departements, Set.of(), dirty,
                    encoding, delimiter.charAt(0)), target);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException(e.getMessage());
        }
        out.printf("{\"file\":\"%s\",\"millesime\":%d,\"dwellings\":%d,\"lines\":%d,\"dirtyLines\":%d}%n",
                target.toString().replace("\\", "\\\\").replace("\"", "\\\""), millesime, result.dwellings(),
                result.lines(), result.dirtyLines());
        return 0;
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadArgumentsException("--" + name + " attend un nombre entier.");
        }
    }
}
