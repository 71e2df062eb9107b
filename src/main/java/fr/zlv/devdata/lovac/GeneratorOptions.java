package fr.zlv.devdata.lovac;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What {@link LovacGenerator} writes.
 *
 * @param millesime    the file's year (column {@code annee}); the next millésime with the same seed keeps ~90 % of the
 *                     dwellings and adds ~10 % new ones
 * @param rows         dwellings to write (duplicates added by the dirty rate come on top)
 * @param seed         same seed, same options: same file
 * @param departements restrict to these départements (empty: the whole country)
 * @param communes     restrict to these INSEE commune codes (empty: no restriction); Paris, Lyon, Marseille spread
 *                     over their arrondissements
 * @param dirtyRate    share of rows with a defect of real files (duplicate, impossible date, truncated line…)
 */
public record GeneratorOptions(int millesime, int rows, long seed, Set<String> departements, Set<String> communes,
                               double dirtyRate, Charset encoding, char delimiter) {

    public GeneratorOptions {
        departements = departements == null ? Set.of() : Set.copyOf(departements);
        communes = communes == null ? Set.of() : Set.copyOf(communes);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be positive");
        }
        if (dirtyRate < 0 || dirtyRate > 1) {
            throw new IllegalArgumentException("dirtyRate must be between 0 and 1");
        }
        if (delimiter != ';' && delimiter != ',') {
            throw new IllegalArgumentException("delimiter must be ';' or ','");
        }
    }

    /** A clean UTF-8 file with ';' over the given communes (the demo territory). */
    public static GeneratorOptions forCommunes(int millesime, int rows, long seed, Set<String> communes) {
        return new GeneratorOptions(millesime, rows, seed, Set.of(), communes, 0.0, StandardCharsets.UTF_8, ';');
    }
}
