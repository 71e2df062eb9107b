package fr.zlv.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one reference file strictly into rows ready for COPY (all values as text, null for empty
 * optional values). Everything structural is checked here, before the database is touched, so a bad
 * file is refused with its name and line and changes nothing.
 */
final class ReferenceParser {

    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z]{1,15}");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,10}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record ParsedFile(ReferenceFile file, List<String[]> rows) {
    }

    private ReferenceParser() {
    }

    static ParsedFile parse(ReferenceFile file, InputStream in) throws IOException {
        return file.isCsv() ? parseCsv(file, in) : parseGeoJson(file, in);
    }

    private static ParsedFile parseCsv(ReferenceFile file, InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        int lineNumber = 0;
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    checkHeader(file, line);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] row = parseLine(file, lineNumber, line);
                Integer previous = keys.putIfAbsent(row[0], lineNumber);
                if (previous != null) {
                    throw new ReferenceDataException(file.fileName, lineNumber,
                            "le code « " + row[0] + " » figure déjà ligne " + previous + ".");
                }
                rows.add(row);
            }
        } catch (CharacterCodingException e) {
            throw new ReferenceDataException(file.fileName, lineNumber + 1, "encodage invalide (UTF-8 attendu).");
        }
        if (lineNumber == 0) {
            throw new ReferenceDataException(file.fileName, 0, "le fichier est vide (en-tête « " + file.header() + " » attendu).");
        }
        return new ParsedFile(file, rows);
    }

    private static void checkHeader(ReferenceFile file, String line) {
        String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (!header.strip().equals(file.header())) {
            throw new ReferenceDataException(file.fileName, 1,
                    "en-tête « " + file.header() + " » attendu, « " + header.strip() + " » trouvé.");
        }
    }

    private static String[] parseLine(ReferenceFile file, int lineNumber, String line) {
        List<String> fields = splitFields(file, lineNumber, line);
        List<ReferenceFile.Column> columns = file.columns;
        if (fields.size() != columns.size()) {
            throw new ReferenceDataException(file.fileName, lineNumber,
                    columns.size() + " colonnes attendues, " + fields.size() + " trouvées.");
        }
        String[] row = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            row[i] = convert(file, lineNumber, columns.get(i), fields.get(i).strip());
        }
        return row;
    }

    /** Splits on ';' with RFC 4180 quoting ("a ""quoted"" name"); fields never span lines in these files. */
    static List<String> splitFields(ReferenceFile file, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        var current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == ';') {
                fields.add(current.toString());
                current.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && current.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || wasQuoted) {
                throw new ReferenceDataException(file.fileName, lineNumber, "guillemet mal placé dans la colonne " + (fields.size() + 1) + ".");
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new ReferenceDataException(file.fileName, lineNumber, "guillemet non fermé.");
        }
        fields.add(current.toString());
        return fields;
    }

    private static String convert(ReferenceFile file, int line, ReferenceFile.Column column, String value) {
        return switch (column.type()) {
            case KEY -> {
                if (!KEY.matcher(value).matches()) {
                    throw invalid(file, line, column, value, "un code");
                }
                yield value;
            }
            case TEXT -> {
                if (value.isEmpty()) {
                    throw new ReferenceDataException(file.fileName, line, "la colonne « " + column.name() + " » est vide.");
                }
                yield value;
            }
            case OPTIONAL_TEXT -> value.isEmpty() ? null : value;
            case INTEGER -> {
                if (value.isEmpty()) {
                    yield null;
                }
                if (!INTEGER.matcher(value).matches() || Long.parseLong(value) > Integer.MAX_VALUE) {
                    throw invalid(file, line, column, value, "un nombre entier");
                }
                yield value;
            }
            case FLAG -> switch (value) {
                case "0" -> "f";
                case "1" -> "t";
                default -> throw invalid(file, line, column, value, "0 ou 1");
            };
            case DECIMAL -> {
                if (value.isEmpty()) {
                    yield null;
                }
                try {
                    BigDecimal decimal = new BigDecimal(value.replace(',', '.'));
                    if (decimal.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
                        throw new NumberFormatException();
                    }
                    yield decimal.toPlainString();
                } catch (NumberFormatException e) {
                    throw invalid(file, line, column, value, "un nombre décimal");
                }
            }
            case COORDINATE -> {
                try {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d) || Math.abs(d) > 180) {
                        throw new NumberFormatException();
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw invalid(file, line, column, value, "une coordonnée en degrés");
                }
            }
            case LIST -> {
                if (value.isEmpty()) {
                    yield "{}";
                }
                var array = new StringBuilder("{");
                for (String item : value.split("\\|", -1)) {
                    if (item.isBlank()) {
                        throw invalid(file, line, column, value, "une liste de valeurs séparées par |");
                    }
                    if (array.length() > 1) {
                        array.append(',');
                    }
                    array.append('"').append(item.strip().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                yield array.append('}').toString();
            }
        };
    }

    private static ReferenceDataException invalid(ReferenceFile file, int line, ReferenceFile.Column column, String value, String expected) {
        return new ReferenceDataException(file.fileName, line,
                "la colonne « " + column.name() + " » vaut « " + value + " », " + expected + " est attendu.");
    }

    /** A FeatureCollection whose features carry {@code properties.code} and a Polygon or MultiPolygon geometry. */
    private static ParsedFile parseGeoJson(ReferenceFile file, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ReferenceDataException(file.fileName, Math.max(line, 0), "JSON illisible (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !"FeatureCollection".equals(text(root.path("type"))) || !root.path("features").isArray()) {
            throw new ReferenceDataException(file.fileName, 0, "une FeatureCollection GeoJSON est attendue.");
        }
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            index++;
            String code = text(feature.path("properties").path("code")).strip();
            JsonNode geometry = feature.path("geometry");
            String type = text(geometry.path("type"));
            if (!KEY.matcher(code).matches()) {
                throw new ReferenceDataException(file.fileName, 0, "l'objet n° " + index + " n'a pas de propriété « code » valide.");
            }
            if (!type.equals("Polygon") && !type.equals("MultiPolygon") || !geometry.path("coordinates").isArray()) {
                throw new ReferenceDataException(file.fileName, 0, "l'objet n° " + index + " (" + code + ") n'a pas de géométrie Polygon ou MultiPolygon.");
            }
            Integer previous = keys.putIfAbsent(code, index);
            if (previous != null) {
                throw new ReferenceDataException(file.fileName, 0, "le code « " + code + " » figure déjà dans l'objet n° " + previous + ".");
            }
            rows.add(new String[] {code, JSON.writeValueAsString(geometry)});
        }
        return new ParsedFile(file, rows);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }
}
