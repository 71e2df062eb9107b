package fr.zlv.imports;

import java.util.Map;

/**
 * Commune and arrondissement codes of the reference geography, held in memory during an import
 * (about 35,000 entries) so that each row is resolved without a query.
 *
 * @param entries code (commune or arrondissement) → {commune code, département}
 */
record CommuneDirectory(Map<String, String[]> entries) {

    String[] resolve(String code) {
        return code == null ? null : entries.get(code);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
