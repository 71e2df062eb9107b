package fr.zlv.imports;

import java.util.Set;

/**
 * A LOVAC import has merged its dwellings: the derived data of these communes (priority scores, dwellings
 * inside uploaded perimeters) must be recomputed. Published synchronously inside the import's transaction,
 * after the merge and before a big load's indexes are rebuilt: the derived data commits with the import
 * (a failure undoes both), the demo start-up import and the command line finish with everything computed,
 * and a national load's dwellings are rewritten while their indexes are still dropped.
 *
 * @param communeCodes the communes the file covered (selected or skipped rows), resolved codes
 * @param onlyCreated  the file only created dwellings, with the columns contributed to their insert
 *                     ({@code housing.BulkLoadColumn}), and changed no existing dwelling, owner or link
 */
public record LovacImported(int millesime, Set<String> communeCodes, boolean onlyCreated) {

    public LovacImported {
        communeCodes = Set.copyOf(communeCodes);
    }
}
