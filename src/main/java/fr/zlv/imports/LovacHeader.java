package fr.zlv.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of a LOVAC file by name (case-insensitive, any order; unknown columns are ignored). */
final class LovacHeader {

    private static final List<String> ALWAYS_REQUIRED =
            List.of("annee", "ff_idlocal", "invariant", "debutvacance", "groupe", "aff", "nature");

    private final Map<String, Integer> indexes = new HashMap<>();
    private final int size;

    LovacHeader(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            indexes.putIfAbsent(name, i);
        }
        size = names.size();
    }

    int size() {
        return size;
    }

    /** The index of a column, -1 when absent. */
    int index(String name) {
        return indexes.getOrDefault(name, -1);
    }

    boolean has(String name) {
        return indexes.containsKey(name);
    }

    /** Refuses the file when a required column is missing, naming every missing one. */
    void checkRequired() {
        List<String> missing = new ArrayList<>();
        for (String column : ALWAYS_REQUIRED) {
            if (!has(column)) {
                missing.add(column);
            }
        }
        if (!has("idcom")) {
            if (!has("ccodep")) {
                missing.add("ccodep (ou idcom)");
            }
            if (!has("commune")) {
                missing.add("commune (ou idcom)");
            }
        }
        if (!has("ff_ddenom_1") && !has("proprietaire") && !has("gestre_ppre")) {
            missing.add("ff_ddenom_1 (ou proprietaire / gestre_ppre)");
        }
        if (!missing.isEmpty()) {
            throw new LovacRefusedException("Colonnes obligatoires absentes : " + String.join(", ", missing) + ".");
        }
    }
}
