package fr.zlv.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small LOVAC files for tests: a realistic default row, fields overridden per row. */
final class LovacCsv {

    static final List<String> HEADER = List.of("ccodep", "annee", "commune", "gestre_ppre", "proprietaire", "adresse3",
            "adresse4", "groupe", "nature", "aff", "loc_num", "libvoie", "libcom", "invariant", "debutvacance",
            "ff_idlocal", "ff_idbat", "ff_stoth", "ff_npiece_p2", "ff_ccthp", "ff_x_4326", "ff_y_4326",
            "ff_ddenom_1", "cer_ff_adresse_1", "ff_jdatnss_1", "ff_idpersonne_1", "ff_ccodro_1", "ff_ccogrm_1",
            "ff_ddenom_2", "cer_ff_adresse_2", "ff_jdatnss_2", "ff_idpersonne_2", "ff_ccodro_2", "ff_ccogrm_2");

    private final List<Map<String, String>> rows = new ArrayList<>();
    private final int millesime;

    LovacCsv(int millesime) {
        this.millesime = millesime;
    }

    /** A dwelling of commune {@code geo} (5 digits) with local id dep + invariant. */
    LovacCsv row(String geo, String invariant, String... overrides) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("ccodep", geo.substring(0, 2));
        r.put("annee", Integer.toString(millesime));
        r.put("commune", geo.substring(2));
        r.put("proprietaire", "MARTIN PAUL");
        r.put("adresse3", "3 PLACE DU MARCHE");
        r.put("adresse4", geo + " VILLE");
        r.put("nature", "MAISON");
        r.put("aff", "H");
        r.put("loc_num", "0003");
        r.put("libvoie", "PLACE DU MARCHE");
        r.put("libcom", "VILLE");
        r.put("invariant", invariant);
        r.put("debutvacance", Integer.toString(millesime - 5));
        r.put("ff_idlocal", geo.substring(0, 2) + invariant);
        r.put("ff_idbat", geo + "B" + invariant.substring(0, 4));
        r.put("ff_stoth", "72");
        r.put("ff_npiece_p2", "4");
        r.put("ff_ccthp", "V");
        r.put("ff_ddenom_1", "MARTIN/PAUL");
        r.put("cer_ff_adresse_1", "3 PLACE DU MARCHE " + geo + " VILLE");
        r.put("ff_jdatnss_1", "01/02/1960");
        r.put("ff_idpersonne_1", "P" + invariant.substring(3));
        r.put("ff_ccodro_1", "P");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            r.put(overrides[i], overrides[i + 1]);
        }
        rows.add(r);
        return this;
    }

    Path write(Path dir, String name) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(";", HEADER)).append('\n');
        for (Map<String, String> r : rows) {
            List<String> values = new ArrayList<>();
            for (String h : HEADER) {
                values.add(r.getOrDefault(h, ""));
            }
            sb.append(String.join(";", values)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
