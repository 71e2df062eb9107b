package fr.zlv.devdata.lovac;

import fr.zlv.devdata.lovac.ReferenceCommunes.Place;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic file in the raw LOVAC format (real column names, owners 1–6): dwellings over
 * real communes in proportion to population, realistic distributions, coordinates around the commune
 * centres, and — at the dirty rate — the defects of real files. Deterministic: each dwelling is drawn
 * from its own random stream (seed, index), so the same options give the same file and the next
 * millésime keeps the same dwellings (~10 % gone, ~10 % new).
 */
public final class LovacGenerator {

    private static final String[] SURNAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
            "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
            "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFÈVRE",
            "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND",
            "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU"};
    private static final String[] FIRST_NAMES = {"JEAN", "MARIE", "PIERRE", "MICHEL", "ANNE", "FRANÇOISE", "ANDRÉ",
            "MONIQUE", "PHILIPPE", "CATHERINE", "ALAIN", "NATHALIE", "BERNARD", "ISABELLE", "JACQUES", "SYLVIE", "DANIEL",
            "CHRISTINE", "CHRISTIAN", "MARTINE", "NICOLAS", "HÉLÈNE", "PATRICK", "VALÉRIE", "ÉRIC", "SANDRINE", "LOUIS",
            "JOSÉ", "CHLOÉ", "LÉA", "THÉO", "GAËL", "NOÉMIE", "JÉRÔME", "CÉLINE", "FRÉDÉRIC"};
    private static final String[] STREETS = {"RUE DE LA RÉPUBLIQUE", "RUE VICTOR HUGO", "GRANDE RUE", "RUE DE L'ÉGLISE",
            "PLACE DU MARCHÉ", "AVENUE JEAN JAURÈS", "RUE PASTEUR", "RUE DU MOULIN", "CHEMIN DES VIGNES",
            "RUE DE LA GARE", "BOULEVARD GAMBETTA", "RUE DES ÉCOLES", "IMPASSE DES LILAS", "ROUTE DE LA FORÊT",
            "RUE DU CHÂTEAU", "ALLÉE DES CHÊNES", "QUAI DE LA LOIRE", "RUE SAINT-MARTIN", "RUE DU FOUR", "RUE NEUVE"};
    private static final String[] ABROAD = {"1201 GENÈVE SUISSE", "1000 BRUXELLES BELGIQUE", "L-1111 LUXEMBOURG",
            "SW1A 1AA LONDRES ROYAUME-UNI", "28001 MADRID ESPAGNE", "H3A 1A1 MONTRÉAL CANADA"};
    private static final String[] SCI_NAMES = {"SCI LES TILLEULS", "SCI DU CENTRE", "SCI FAMILLE", "SCI LE PATRIMOINE",
            "SCI DES QUATRE VENTS", "SARL IMMO GESTION", "SCI LA FONTAINE", "SCI BEAU SITE"};

    private LovacGenerator() {
    }

    /** The columns written, in order, for a millésime (older files have owner address lines, 2026+ idcom). */
    public static List<String> columns(int millesime) {
        List<String> c = new ArrayList<>(List.of("ccodep", "annee", "dir", "sip"));
        c.add(millesime >= 2026 ? "idcom" : "commune");
        c.addAll(List.of("intercommunalite", "gestre_ppre", "proprietaire", "adresse1", "adresse2", "adresse3",
                "adresse4", "groupe", "nature", "aff", "loc_voie", "loc_num", "libvoie", "libcom", "invariant", "refcad",
                "batloc", "vlcad", "vl_revpro", "anmutation", "debutvacance", "anrefthlv", "txtlv", "potentiel_tlv_thlv",
                "ff_millesime", "ff_idlocal", "ff_idbat", "ff_idpar", "ff_idsec", "ff_ctpdl", "ff_stoth", "ff_slocal",
                "ff_dcntpa", "ff_npiece_p2", "ff_jannath", "ff_jdatat", "ff_ndroit", "ff_dnbbai", "ff_dnbdou", "ff_dnbwc",
                "ff_dcapec2", "ff_ccthp", "ff_dvltrt", "ff_x", "ff_y", "ff_x_4326", "ff_y_4326", "ff_idprocpte"));
        for (int n = 1; n <= 6; n++) {
            c.add("ff_ddenom_" + n);
            if (millesime >= 2023) {
                c.add("cer_ff_adresse_" + n);
            } else {
                c.addAll(List.of("ff_dlign3_" + n, "ff_dlign4_" + n, "ff_dlign5_" + n, "ff_dlign6_" + n));
            }
            c.addAll(List.of("ff_jdatnss_" + n, "ff_dldnss_" + n, "cer_nom_usage_" + n, "ff_idprodroit_" + n,
                    "ff_idpersonne_" + n, "ff_locprop_" + n, "ff_catpro2txt_" + n, "ff_catpro3_" + n, "ff_ccodro_" + n,
                    "ff_dsiren_" + n, "ff_ccogrm_" + n));
        }
        c.addAll(List.of("ban_result_score", "ban_result_label", "ban_postcode", "ban_latitude", "ban_longitude",
                "dvf_datemut", "dvf_valeurfonc", "dvf_libnatmut", "rnb_id"));
        return c;
    }

    /** Writes the file; deterministic for the options. */
    public static GenerationResult generate(GeneratorOptions options, Path out) throws IOException {
        ReferenceCommunes places = ReferenceCommunes.load(options.departements(), options.communes());
        List<String> columns = columns(options.millesime());
        int width = columns.size();
        var positions = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < width; i++) {
            positions.put(columns.get(i), i);
        }
        // dwellings [offset, offset + rows): the next millésime drops the first 10 % and adds 10 % new ones
        long offset = (long) Math.max(0, options.millesime() - 2019) * options.rows() / 10;
        long lines = 0;
        long dirty = 0;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), options.encoding()), 1 << 16)) {
            writeLine(w, columns.toArray(String[]::new), options.delimiter());
            String[] row = new String[width];
            for (long i = offset; i < offset + options.rows(); i++) {
                SplittableRandom rnd = new SplittableRandom(mix(options.seed(), i));
                Arrays.fill(row, "");
                Dwelling d = new Dwelling(row, positions, options.millesime());
                d.fill(rnd, i, places, options.seed());
                SplittableRandom defects = new SplittableRandom(mix(options.seed() ^ 0x5EED, i * 31 + options.millesime()));
                if (defects.nextDouble() < options.dirtyRate()) {
                    dirty++;
                    int kind = defects.nextInt(7);
                    switch (kind) {
                        case 0 -> { // duplicate local id with another vacancy start
                            writeLine(w, row, options.delimiter());
                            lines++;
                            d.set("debutvacance", Integer.toString(Integer.parseInt(d.get("debutvacance").isEmpty()
                                    ? "2015" : d.get("debutvacance")) - 1 - defects.nextInt(3)));
                        }
                        case 1 -> d.set("ff_jdatnss_1", "31/02/19" + (40 + defects.nextInt(50)));
                        case 2 -> { // truncated line
                            String line = join(row, options.delimiter());
                            w.write(line, 0, Math.max(10, line.length() / 3));
                            w.write('\n');
                            lines++;
                            continue;
                        }
                        case 3 -> d.set("debutvacance", "");
                        case 4 -> { // decimal commas (the areas are whole numbers: the comma goes to the coordinates)
                            d.set("ff_stoth", d.get("ff_stoth") + ",0");
                            d.set("ff_x_4326", d.get("ff_x_4326").replace('.', ','));
                            d.set("ff_y_4326", d.get("ff_y_4326").replace('.', ','));
                        }
                        case 5 -> d.set("anmutation", "30/02/20" + (10 + defects.nextInt(10)));
                        default -> d.set("nature", d.get("nature").toLowerCase(Locale.ROOT));
                    }
                }
                writeLine(w, row, options.delimiter());
                lines++;
            }
        }
        return new GenerationResult(options.rows(), lines, dirty);
    }

    /** One row being filled, by column name. */
    private static final class Dwelling {
        private final String[] row;
        private final java.util.Map<String, Integer> positions;
        private final int millesime;

        Dwelling(String[] row, java.util.Map<String, Integer> positions, int millesime) {
            this.row = row;
            this.positions = positions;
            this.millesime = millesime;
        }

        void set(String column, String value) {
            Integer i = positions.get(column);
            if (i != null) {
                row[i] = value == null ? "" : value;
            }
        }

        String get(String column) {
            Integer i = positions.get(column);
            return i == null ? "" : row[i];
        }

        void fill(SplittableRandom r, long index, ReferenceCommunes places, long seed) {
            Place place = places.pick(r.nextLong());
            String dep = place.departement();
            String code = place.code();
            String suffix = code.substring(code.length() - 3);
            set("ccodep", dep);
            set("annee", Integer.toString(millesime));
            set("dir", dep.substring(0, 2) + "0");
            set("sip", "0" + r.nextInt(10));
            set("commune", suffix); // always 3 digits, overseas too: lpad(ccodep, 2) || commune gives 97222
            set("idcom", code);
            set("intercommunalite", "2" + String.format("%08d", r.nextInt(100_000_000)));
            String invariant = suffix + String.format("%07d", index % 10_000_000);
            String localId = code.substring(0, 2) + invariant;
            set("invariant", invariant);
            set("ff_idlocal", localId);
            set("ff_millesime", Integer.toString(millesime - 1));

            // kind, size, age
            boolean rural = place.population() < 2000;
            double kindDraw = r.nextDouble();
            String nature = kindDraw < (rural ? 0.2 : 0.6) ? "APPART" : "MAISON";
            double other = r.nextDouble();
            if (other < 0.015) {
                nature = "DEPEND";
            } else if (other < 0.025) {
                set("aff", "C");
            }
            if (get("aff").isEmpty()) {
                set("aff", "H");
            }
            set("nature", nature);
            boolean flat = "APPART".equals(nature);
            double area = flat ? clamp(gaussian(r, 52, 22), 12, 180) : clamp(gaussian(r, 92, 30), 25, 320);
            set("ff_stoth", Long.toString(Math.round(area)));
            set("ff_slocal", Long.toString(Math.round(area * 1.1)));
            set("ff_npiece_p2", Integer.toString((int) clamp(Math.round(area / 22 + gaussian(r, 0, 0.7)), 1, 9)));
            double period = r.nextDouble();
            int year = period < 0.30 ? 1850 + r.nextInt(69) : period < 0.42 ? 1919 + r.nextInt(27)
                    : period < 0.80 ? 1946 + r.nextInt(45) : 1991 + r.nextInt(Math.max(1, millesime - 1993));
            set("ff_jannath", r.nextDouble() < 0.03 ? "0" : Integer.toString(year));
            set("ff_dcntpa", flat ? Integer.toString(200 + r.nextInt(2000)) : Integer.toString(150 + r.nextInt(3000)));
            set("ff_dcapec2", Integer.toString(pick(r, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {0.005, 0.01, 0.04, 0.12, 0.38, 0.36, 0.07, 0.015})));
            set("ff_ctpdl", flat ? pick(r, new String[] {"CL", "", "BND", "MP", "CV"}, new double[] {0.6, 0.28, 0.05, 0.05, 0.02})
                    : pick(r, new String[] {"", "CL", "TF"}, new double[] {0.92, 0.05, 0.03}));
            set("ff_dnbbai", Integer.toString(r.nextInt(2)));
            set("ff_dnbdou", Integer.toString(r.nextInt(2)));
            set("ff_dnbwc", Integer.toString(1 + r.nextInt(2)));
            set("ff_ccthp", "V");
            set("vlcad", Integer.toString((int) (area * (8 + r.nextInt(12)))));
            set("vl_revpro", get("vlcad"));
            set("potentiel_tlv_thlv", place.population() > 20_000 && r.nextDouble() < 0.7 ? "*" : "");
            // vacancy start, last sale and owners' birth dates: anchored so that a dwelling keeps them from one
            // millésime to the next, as in the real files (a next millésime changes what really changed)
            int anchor = Math.min(2025, millesime);
            double v = r.nextDouble();
            String start = v < 0.01 ? "" : v < 0.10 ? Integer.toString(anchor - 1 - r.nextInt(2))
                    : Integer.toString(Math.max(1980, anchor - 3 - (int) Math.floor(-Math.log(1 - r.nextDouble()) * 4)));
            set("debutvacance", start);
            set("anrefthlv", Integer.toString(millesime - 1));

            // address and location
            int number = 1 + r.nextInt(120);
            String street = STREETS[r.nextInt(STREETS.length)];
            set("loc_num", String.format("%04d", number));
            set("loc_voie", String.format("%04d", r.nextInt(9999)));
            set("libvoie", street);
            set("libcom", place.name().toUpperCase(Locale.ROOT));
            String section = String.format("%03d000%s%04d", Integer.parseInt(suffix.replaceAll("\\D", "0")),
                    "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)), r.nextInt(2000));
            set("refcad", section);
            set("ff_idpar", dep.substring(0, 2) + section);
            set("ff_idsec", dep.substring(0, 2) + section.substring(0, 11));
            set("ff_idbat", code + "B" + String.format("%05d", r.nextInt(flat ? 2000 : 99_999)));
            set("batloc", flat ? "A" + String.format("%02d", r.nextInt(8)) : "");
            if (r.nextDouble() >= 0.05) {
                double spread = Math.min(0.05, 0.004 * Math.sqrt(Math.max(1, place.population()) / 100.0));
                double lon = place.lon() + gaussian(r, 0, spread);
                double lat = place.lat() + gaussian(r, 0, spread * 0.7);
                set("ff_x_4326", String.format(Locale.ROOT, "%.6f", lon));
                set("ff_y_4326", String.format(Locale.ROOT, "%.6f", lat));
                set("ban_longitude", get("ff_x_4326"));
                set("ban_latitude", get("ff_y_4326"));
                set("ban_result_score", String.format(Locale.ROOT, "%.2f", 0.5 + r.nextDouble() / 2));
                set("ban_result_label", number + " " + street + " " + place.postcode() + " " + place.name());
                set("ban_postcode", place.postcode());
            }
            if (r.nextDouble() < 0.35) {
                int y = anchor - 1 - r.nextInt(20);
                set("anmutation", String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), y));
                set("ff_jdatat", String.format("%02d%02d%d", 1 + r.nextInt(28), 1 + r.nextInt(12), y));
                if (r.nextDouble() < 0.5) {
                    set("dvf_datemut", get("anmutation"));
                    set("dvf_valeurfonc", Integer.toString((int) (area * (800 + r.nextInt(4000)))));
                    set("dvf_libnatmut", "Vente");
                }
            }
            set("rnb_id", r.nextDouble() < 0.8 ? Long.toString(Math.abs(r.nextLong()) % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT) : "");

            // owners
            double g = r.nextDouble();
            String groupe = g < 0.88 ? "" : g < 0.95 ? "0" : g < 0.97 ? (r.nextBoolean() ? "7" : "8")
                    : new String[] {"1", "2", "3", "4", "5", "6", "9"}[r.nextInt(7)];
            set("groupe", groupe);
            String account = dep.substring(0, 2) + suffix + String.format("%06d", index % 1_000_000);
            set("ff_idprocpte", account);
            int owners = groupe.isEmpty() ? pick(r, new int[] {1, 2, 3, 4, 5, 6}, new double[] {0.55, 0.30, 0.08, 0.04, 0.02, 0.01}) : 1 + r.nextInt(2);
            boolean usufruct = owners == 2 && groupe.isEmpty() && r.nextDouble() < 0.3;
            String firstName = null;
            for (int n = 1; n <= owners; n++) {
                boolean legal = !groupe.isEmpty() && n == 1;
                boolean pooled = !legal && r.nextDouble() < 0.10;
                long ownerIndex = pooled ? 2_000_000_000L + r.nextInt(Math.max(1, 50_000)) : index * 6 + n;
                SplittableRandom o = pooled ? new SplittableRandom(mix(seed, ownerIndex * 7919 + dep.hashCode())) : r;
                String surname = n > 1 && !pooled && o.nextDouble() < 0.6 && firstName != null ? firstName
                        : SURNAMES[o.nextInt(SURNAMES.length)];
                if (n == 1) {
                    firstName = surname;
                }
                String name = legal ? SCI_NAMES[o.nextInt(SCI_NAMES.length)] + " " + (1 + o.nextInt(99))
                        : surname + "/" + FIRST_NAMES[o.nextInt(FIRST_NAMES.length)];
                set("ff_ddenom_" + n, name);
                set("ff_idpersonne_" + n, dep.substring(0, 2) + base36(ownerIndex, 6));
                set("ff_idprodroit_" + n, account + String.format("%02d", n));
                String address = ownerAddress(o, pooled ? places.inDepartement(dep).get(o.nextInt(places.inDepartement(dep).size())) : null,
                        place, number, street, places);
                if (millesime >= 2023) {
                    set("cer_ff_adresse_" + n, address);
                } else {
                    int cut = address.lastIndexOf(' ', Math.max(0, address.length() - 1));
                    String[] parts = splitPostcode(address);
                    set("ff_dlign4_" + n, parts[0]);
                    set("ff_dlign6_" + n, parts[1]);
                    if (cut < 0) {
                        set("ff_dlign6_" + n, address);
                    }
                }
                if (legal) {
                    set("ff_dsiren_" + n, String.format("%09d", o.nextInt(1_000_000_000)));
                    set("ff_ccogrm_" + n, groupe);
                    set("ff_catpro2txt_" + n, "0".equals(groupe) ? "SOCIETE CIVILE IMMOBILIERE" : "7".equals(groupe) ? "COPROPRIETE"
                            : "8".equals(groupe) ? "ASSOCIES" : "PERSONNE MORALE PUBLIQUE");
                    set("ff_catpro3_" + n, "0".equals(groupe) ? "G1a" : "P");
                    set("ff_ccodro_" + n, "P");
                } else {
                    int age = (int) clamp(gaussian(o, 63, 14), 22, 102);
                    int birthYear = anchor - age;
                    set("ff_jdatnss_" + n, String.format("%02d/%02d/%d", 1 + o.nextInt(28), 1 + o.nextInt(12), birthYear));
                    set("ff_dldnss_" + n, String.format("%02d", 1 + o.nextInt(95)) + " " + places.any(o.nextInt(1 << 30)).name().toUpperCase(Locale.ROOT));
                    set("ff_catpro2txt_" + n, "PERSONNE PHYSIQUE");
                    set("ff_catpro3_" + n, "X1a");
                    set("ff_ccodro_" + n, usufruct ? (n == 1 ? "U" : "N") : !groupe.isEmpty() ? "G" : "P");
                }
                set("ff_locprop_" + n, Integer.toString(1 + o.nextInt(6)));
            }
            set("ff_ndroit", Integer.toString(owners));
            set("proprietaire", get("ff_ddenom_1").replace('/', ' '));
            String tax = get("cer_ff_adresse_1").isEmpty() ? get("ff_dlign4_1") + " " + get("ff_dlign6_1") : get("cer_ff_adresse_1");
            String[] parts = splitPostcode(tax);
            set("adresse3", parts[0]);
            set("adresse4", parts[1]);
            if (!groupe.isEmpty() && r.nextDouble() < 0.3) {
                set("gestre_ppre", "CABINET " + SURNAMES[r.nextInt(SURNAMES.length)] + " IMMOBILIER");
            }
        }

        private static String ownerAddress(SplittableRandom o, Place pooledHome, Place place, int number, String street,
                                           ReferenceCommunes places) {
            if (pooledHome != null) {
                return (1 + o.nextInt(99)) + " " + STREETS[o.nextInt(STREETS.length)] + " " + pooledHome.postcode() + " "
                        + pooledHome.name().toUpperCase(Locale.ROOT);
            }
            double where = o.nextDouble();
            if (where < 0.35) {
                return number + " " + street + " " + place.postcode() + " " + place.name().toUpperCase(Locale.ROOT);
            }
            Place home = where < 0.50 ? place
                    : where < 0.72 ? places.inDepartement(place.departement()).get(o.nextInt(places.inDepartement(place.departement()).size()))
                    : where < 0.97 ? places.any(o.nextInt(1 << 30)) : null;
            String line = (1 + o.nextInt(99)) + " " + STREETS[o.nextInt(STREETS.length)];
            if (home == null) {
                return line + " " + ABROAD[o.nextInt(ABROAD.length)];
            }
            return line + " " + home.postcode() + " " + home.name().toUpperCase(Locale.ROOT);
        }

        private static String[] splitPostcode(String address) {
            var m = java.util.regex.Pattern.compile("^(.*?)\\s*(\\d{5}\\s+\\D+)$").matcher(address);
            return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {"", address};
        }
    }

    private static void writeLine(BufferedWriter w, String[] row, char delimiter) throws IOException {
        w.write(join(row, delimiter));
        w.write('\n');
    }

    private static String join(String[] row, char delimiter) {
        StringBuilder sb = new StringBuilder(1024);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            String v = row[i];
            if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double gaussian(SplittableRandom r, double mean, double sd) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int pick(SplittableRandom r, int[] values, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String base36(long value, int width) {
        String s = Long.toString(value, 36).toUpperCase(Locale.ROOT);
        return s.length() >= width ? s.substring(s.length() - width) : "0".repeat(width - s.length()) + s;
    }
}
