package fr.zlv.imports;

import java.util.Set;

/**
 * A LOVAC import committed: the derived data of these communes (priority scores, dwellings inside uploaded
 * perimeters) must be recomputed. Published synchronously after the commit, in the importing thread, so
 * that the demo start-up import and the command line finish with everything computed.
 *
 * @param communeCodes the communes the file covered (selected or skipped rows), resolved codes
 */
public record LovacImported(int millesime, Set<String> communeCodes) {

    public LovacImported {
        communeCodes = Set.copyOf(communeCodes);
    }
}
