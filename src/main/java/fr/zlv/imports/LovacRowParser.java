package fr.zlv.imports;

import static fr.zlv.imports.LovacValues.blankToNull;

import fr.zlv.housing.BulkHousing;
import fr.zlv.housing.BulkOwner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one record of a LOVAC file into a dwelling with its owners, or says why it is not imported:
 * a skip (the selection rule of DOMAIN.md §2) or a rejection (a line that cannot be read).
 */
final class LovacRowParser {

    static final String MALFORMED = "malformed-line";
    static final String UNKNOWN_COMMUNE = "unknown-commune";
    static final String LOCAL_ID_MISSING = "local-id-missing";
    static final String NOT_HABITATION = "not-habitation";
    static final String NOT_A_DWELLING = "not-a-dwelling";
    static final String PUBLIC_OWNER = "public-owner";
    static final String VACANCY_START_MISSING = "vacancy-start-missing";
    static final String VACANCY_TOO_RECENT = "vacancy-too-recent";
    static final String NOT_VACANT_IN_FF = "not-vacant-in-fichiers-fonciers";

    private static final Set<String> PUBLIC_GROUPS = Set.of("1", "2", "3", "4", "5", "6", "9");

    private final LovacHeader header;
    private final int millesime;
    private final boolean all;
    private final CommuneDirectory communes;

    private final int annee, idlocal, invariant, debutvacance, groupe, aff, nature, idcom, ccodep, commune;
    private final int proprietaire, gestre, adresse1, adresse2, adresse3, adresse4;
    private final int libvoie, locNum, libcom, refcad, batloc, vlcad, anmutation, potentielTlv;
    private final int ccthp, idbat, idpar, ctpdl, stoth, dcntpa, npiece, jannath, jdatat, ndroit, dcapec2;
    private final int x4326, y4326, banLon, banLat, idprocpte, dvfLibnatmut, dvfValeur, dvfDate;
    private final int[][] ownerColumns = new int[6][];

    private String reason;
    private int invalidDates;

    // owner column offsets in ownerColumns[n]
    private static final int DENOM = 0, ADRESSE = 1, DLIGN3 = 2, DLIGN4 = 3, DLIGN5 = 4, DLIGN6 = 5, JDATNSS = 6,
            NOM_USAGE = 7, IDPRODROIT = 8, IDPERSONNE = 9, LOCPROP = 10, CATPRO2TXT = 11, CATPRO3 = 12, CCODRO = 13,
            DSIREN = 14, CCOGRM = 15;

    LovacRowParser(LovacHeader header, int millesime, boolean all, CommuneDirectory communes) {
        this.header = header;
        this.millesime = millesime;
        this.all = all;
        this.communes = communes;
        annee = header.index("annee");
        idlocal = header.index("ff_idlocal");
        invariant = header.index("invariant");
        debutvacance = header.index("debutvacance");
        groupe = header.index("groupe");
        aff = header.index("aff");
        nature = header.index("nature");
        idcom = header.index("idcom");
        ccodep = header.index("ccodep");
        commune = header.index("commune");
        proprietaire = header.index("proprietaire");
        gestre = header.index("gestre_ppre");
        adresse1 = header.index("adresse1");
        adresse2 = header.index("adresse2");
        adresse3 = header.index("adresse3");
        adresse4 = header.index("adresse4");
        libvoie = header.index("libvoie");
        locNum = header.index("loc_num");
        libcom = header.index("libcom");
        refcad = header.index("refcad");
        batloc = header.index("batloc");
        vlcad = header.index("vlcad");
        anmutation = header.index("anmutation");
        potentielTlv = header.index("potentiel_tlv_thlv");
        ccthp = header.index("ff_ccthp");
        idbat = header.index("ff_idbat");
        idpar = header.index("ff_idpar");
        ctpdl = header.index("ff_ctpdl");
        stoth = header.index("ff_stoth");
        dcntpa = header.index("ff_dcntpa");
        npiece = header.index("ff_npiece_p2");
        jannath = header.index("ff_jannath");
        jdatat = header.index("ff_jdatat");
        ndroit = header.index("ff_ndroit");
        dcapec2 = header.index("ff_dcapec2");
        x4326 = header.index("ff_x_4326");
        y4326 = header.index("ff_y_4326");
        banLon = header.index("ban_longitude");
        banLat = header.index("ban_latitude");
        idprocpte = header.index("ff_idprocpte");
        dvfLibnatmut = header.index("dvf_libnatmut");
        dvfValeur = header.index("dvf_valeurfonc");
        dvfDate = header.index("dvf_datemut");
        for (int n = 1; n <= 6; n++) {
            ownerColumns[n - 1] = new int[] {
                    header.index("ff_ddenom_" + n), header.index("cer_ff_adresse_" + n), header.index("ff_dlign3_" + n),
                    header.index("ff_dlign4_" + n), header.index("ff_dlign5_" + n), header.index("ff_dlign6_" + n),
                    header.index("ff_jdatnss_" + n), header.index("cer_nom_usage_" + n),
                    header.index("ff_idprodroit_" + n), header.index("ff_idpersonne_" + n),
                    header.index("ff_locprop_" + n), header.index("ff_catpro2txt_" + n), header.index("ff_catpro3_" + n),
                    header.index("ff_ccodro_" + n), header.index("ff_dsiren_" + n), header.index("ff_ccogrm_" + n)};
        }
    }

    /** Why the last record was not selected (a skip or a rejection reason). */
    String reason() {
        return reason;
    }

    static boolean isRejection(String reason) {
        return MALFORMED.equals(reason) || UNKNOWN_COMMUNE.equals(reason);
    }

    int invalidDates() {
        return invalidDates;
    }

    /** The commune a well-formed record is located in (even a skipped one), null if unknown. */
    String communeOf(List<String> f) {
        String[] resolved = communes.resolve(geoCode(f));
        return resolved == null ? null : resolved[0];
    }

    /**
     * @return the dwelling when the record is selected; null otherwise, with {@link #reason()} set
     * @throws LovacRefusedException when the record's {@code annee} is not the millésime
     */
    BulkHousing parse(List<String> f, long lineNumber) {
        reason = null;
        if (f.size() != header.size()) {
            reason = MALFORMED;
            return null;
        }
        Integer year = LovacValues.integer(get(f, annee));
        if (year != null && year != millesime) {
            throw new LovacRefusedException("Le fichier est le millésime " + year + " (colonne annee, ligne " + lineNumber
                    + ") et non " + millesime + " comme demandé.");
        }
        String localId = get(f, idlocal);
        if (localId == null) {
            return skip(LOCAL_ID_MISSING);
        }
        if (!"H".equalsIgnoreCase(get(f, aff))) {
            return skip(NOT_HABITATION);
        }
        String kind = get(f, nature);
        kind = kind == null ? null : kind.toUpperCase(Locale.ROOT);
        if (!"APPART".equals(kind) && !"MAISON".equals(kind)) {
            return skip(NOT_A_DWELLING);
        }
        String group = get(f, groupe);
        if (group != null && PUBLIC_GROUPS.contains(group)) {
            return skip(PUBLIC_OWNER);
        }
        Integer vacancyStart = vacancyStartYear(get(f, debutvacance));
        if (!all) {
            if (vacancyStart == null) {
                return skip(VACANCY_START_MISSING);
            }
            if (vacancyStart >= millesime - 2) {
                return skip(VACANCY_TOO_RECENT);
            }
            if (millesime >= 2019 && millesime <= 2024 && ccthp >= 0 && !"V".equalsIgnoreCase(get(f, ccthp))) {
                return skip(NOT_VACANT_IN_FF);
            }
        }
        String geoCode = geoCode(f);
        String[] resolved = communes.resolve(geoCode);
        if (resolved == null) {
            reason = UNKNOWN_COMMUNE;
            return null;
        }
        return build(f, lineNumber, localId, kind, group, vacancyStart, geoCode, resolved);
    }

    private BulkHousing build(List<String> f, long lineNumber, String localId, String kind, String group,
                              Integer vacancyStart, String geoCode, String[] resolved) {
        Double lon = LovacValues.real(get(f, x4326));
        Double lat = LovacValues.real(get(f, y4326));
        String source = "dgfip";
        if (!validCoordinates(lon, lat)) {
            lon = LovacValues.real(get(f, banLon));
            lat = LovacValues.real(get(f, banLat));
            source = "ban";
            if (!validCoordinates(lon, lat)) {
                lon = null;
                lat = null;
                source = null;
            }
        }
        Integer buildingYear = LovacValues.integer(get(f, jannath));
        if (buildingYear != null && buildingYear <= 100) {
            buildingYear = null; // ≤ 100 means unknown in the Fichiers fonciers
        }
        Integer classification = LovacValues.integer(get(f, dcapec2));
        if (classification != null && (classification < 1 || classification > 8)) {
            classification = null;
        }
        LocalDate mutationDate = date(get(f, dvfDate));
        String mutationType = get(f, dvfLibnatmut);
        if (mutationDate == null) {
            mutationDate = date(get(f, anmutation));
        }
        if (mutationDate == null) {
            mutationDate = date(get(f, jdatat));
        }
        List<String> address = lines(joinNonNull(" ", get(f, locNum), get(f, libvoie)), get(f, libcom));
        return new BulkHousing(lineNumber, localId, get(f, invariant), geoCode, resolved[0], resolved[1],
                get(f, idpar), get(f, refcad), get(f, idbat), get(f, batloc), address, lon, lat, source, kind,
                LovacValues.integer(get(f, npiece)), LovacValues.decimal(get(f, stoth)), buildingYear,
                LovacValues.integer(get(f, dcntpa)), classification,
                classification == null ? null : classification >= 7, get(f, ctpdl),
                "*".equals(get(f, potentielTlv)), LovacValues.integer(get(f, vlcad)), vacancyStart,
                mutationType, mutationDate, LovacValues.decimal(get(f, dvfValeur)),
                LovacValues.integer(get(f, ndroit)), owners(f, group, resolved[1]));
    }

    private List<BulkOwner> owners(List<String> f, String group, String departement) {
        List<BulkOwner> owners = new ArrayList<>(2);
        List<String> keys = new ArrayList<>(2);
        String account = get(f, idprocpte);
        for (int n = 0; n < 6; n++) {
            int[] c = ownerColumns[n];
            String name = get(f, c[DENOM]);
            String idpersonne = get(f, c[IDPERSONNE]);
            if (name == null && idpersonne == null) {
                continue;
            }
            if (name == null) {
                name = get(f, c[NOM_USAGE]);
            }
            name = name == null ? "Propriétaire inconnu" : normaliseName(name);
            LocalDate birth = date(get(f, c[JDATNSS]));
            List<String> address = c[ADRESSE] >= 0 && get(f, c[ADRESSE]) != null
                    ? splitAddress(get(f, c[ADRESSE]))
                    : lines(get(f, c[DLIGN3]), get(f, c[DLIGN4]), get(f, c[DLIGN5]), get(f, c[DLIGN6]));
            String key = idpersonne != null
                    ? "p:" + departement + ":" + idpersonne
                    : "f:" + hash(name + "|" + birth + "|" + String.join("|", address == null ? List.of() : address));
            if (keys.contains(key)) {
                continue;
            }
            keys.add(key);
            String legalGroup = get(f, c[CCOGRM]);
            String entity = get(f, c[CATPRO2TXT]);
            owners.add(new BulkOwner(key, owners.size() + 1, idpersonne, name, null, birth, address,
                    get(f, c[DSIREN]), ownerKind(legalGroup, entity, get(f, c[CATPRO3])), entity, legalGroup,
                    propertyRight(get(f, c[CCODRO])), account, get(f, c[IDPRODROIT]), get(f, c[LOCPROP])));
        }
        if (owners.isEmpty()) {
            // no owner of the Fichiers fonciers: one owner from the tax part (owner, else manager)
            String owner = get(f, proprietaire);
            String manager = get(f, gestre);
            String name = owner != null ? owner : manager;
            if (name != null) {
                String administrator = owner != null && manager != null && !manager.equals(owner) ? manager : null;
                List<String> address = lines(get(f, adresse1), get(f, adresse2), get(f, adresse3), get(f, adresse4));
                String key = "t:" + hash(name + "|" + administrator + "|" + String.join("|", address == null ? List.of() : address));
                owners.add(new BulkOwner(key, 1, null, normaliseName(name), administrator, null, address, null,
                        group == null ? "particulier" : ownerKind(group, null, null), null, group,
                        "proprietaire-entier", account, null, null));
            }
        }
        return owners;
    }

    /** Owner kind of DOMAIN.md §4 from the legal-entity group (blank = a person) and the Cerema category. */
    static String ownerKind(String legalGroup, String entity, String category) {
        String text = ((entity == null ? "" : entity) + " " + (category == null ? "" : category)).toUpperCase(Locale.ROOT);
        if (text.contains("PROMOT") || text.contains("INVESTISSEUR PRIV")) {
            return "promoteur";
        }
        if (text.contains("BAILLEUR") || text.contains("HLM") || text.contains("AMENAG")) {
            return "bailleur-social";
        }
        if (legalGroup == null) {
            return "particulier";
        }
        return switch (legalGroup) {
            case "0", "7", "8" -> "sci-copro";
            case "1", "2", "3", "4", "9" -> "etat-collectivite";
            case "5" -> "bailleur-social";
            case "6" -> "promoteur";
            default -> "autres";
        };
    }

    static String propertyRight(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "P" -> "proprietaire-entier";
            case "U" -> "usufruitier";
            case "N" -> "nu-proprietaire";
            case "G" -> "administrateur";
            case "S" -> "syndic";
            case "H" -> "associe-sci-ir";
            default -> "autre";
        };
    }

    private String geoCode(List<String> f) {
        String code = get(f, idcom);
        if (code != null) {
            return LovacValues.leftPad(code, 5);
        }
        String dep = get(f, ccodep);
        String com = get(f, commune);
        if (dep == null || com == null) {
            return null;
        }
        if (dep.length() == 3 && com.length() <= 2) {
            return dep + LovacValues.leftPad(com, 2); // overseas: 3-char département
        }
        return LovacValues.leftPad(dep, 2).substring(0, 2) + LovacValues.leftPad(com, 3);
    }

    /** The year vacancy started; an impossible date (31/02, a year 0…) becomes empty and is counted like any date. */
    private Integer vacancyStartYear(String value) {
        Integer year = LovacValues.year(value);
        if (year == null && value != null && !value.isBlank()) {
            invalidDates++;
        }
        return year;
    }

    private LocalDate date(String value) {
        LocalDate d = LovacValues.date(value);
        if (d == LovacValues.INVALID) {
            invalidDates++;
            return null;
        }
        return d;
    }

    private BulkHousing skip(String why) {
        reason = why;
        return null;
    }

    private static String get(List<String> f, int index) {
        return index < 0 || index >= f.size() ? null : blankToNull(f.get(index));
    }

    private static boolean validCoordinates(Double lon, Double lat) {
        return lon != null && lat != null && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 && !(lon == 0 && lat == 0);
    }

    /** "DUPONT/JEAN" → "DUPONT JEAN": slashes and runs of white space as one space (by hand: once per owner). */
    private static String normaliseName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                gap = true;
            } else {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitAddress(String address) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (start <= address.length()) {
            int end = address.indexOf('\n', start);
            if (end < 0) {
                end = address.length();
            }
            String s = blankToNull(address.substring(start, end > start && address.charAt(end - 1) == '\r' ? end - 1 : end));
            if (s != null) {
                out.add(s);
            }
            start = end + 1;
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> lines(String... values) {
        List<String> out = new ArrayList<>(values.length);
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String joinNonNull(String separator, String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (v != null) {
                if (!sb.isEmpty()) {
                    sb.append(separator);
                }
                sb.append(v);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
