package fr.zlv.perimeters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A small reader of zipped Shapefiles: the polygon records of the .shp (types 5, 15, 25), the first
 * name of the .dbf, and the projection of the .prj (Lambert-93 reprojected to WGS84 with proj4j, or
 * WGS84 as is). No maintained Shapefile library is available here; this covers what perimeters need.
 */
final class ShapefileReader {

    private static final long MAX_UNZIPPED = 100L * 1024 * 1024;
    private static final List<String> NAME_FIELDS = List.of("NOM", "NAME", "LIBELLE", "LABEL", "NOM_COM", "NOM_PERIM");

    private ShapefileReader() {
    }

    private enum Projection { LAMBERT_93, WGS84 }

    static ParsedShapes read(byte[] zip) {
        byte[] shp = null;
        byte[] dbf = null;
        byte[] prj = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            long total = 0;
            ZipEntry entry;
            boolean any = false;
            while ((entry = in.getNextEntry()) != null) {
                any = true;
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || name.contains("__macosx")) {
                    continue;
                }
                byte[] content = readLimited(in, MAX_UNZIPPED - total);
                total += content.length;
                if (name.endsWith(".shp") && shp == null) {
                    shp = content;
                } else if (name.endsWith(".dbf") && dbf == null) {
                    dbf = content;
                } else if (name.endsWith(".prj") && prj == null) {
                    prj = content;
                }
            }
            if (!any) {
                throw new PerimeterInputException("Le fichier n'est pas une archive ZIP de Shapefile lisible.");
            }
        } catch (ZipException e) {
            throw new PerimeterInputException("Le fichier n'est pas une archive ZIP lisible.");
        } catch (IOException e) {
            throw new PerimeterInputException("L'archive ZIP n'a pas pu être lue.");
        }
        List<String> missing = new ArrayList<>();
        if (shp == null) {
            missing.add(".shp");
        }
        if (dbf == null) {
            missing.add(".dbf");
        }
        if (prj == null) {
            missing.add(".prj");
        }
        if (!missing.isEmpty()) {
            throw new PerimeterInputException("L'archive doit contenir les fichiers .shp, .dbf et .prj du Shapefile (il manque : "
                    + String.join(", ", missing) + ").");
        }
        Projection projection = projection(new String(prj, StandardCharsets.ISO_8859_1));
        List<Polygon> polygons = polygons(shp, projection);
        if (polygons.isEmpty()) {
            throw new PerimeterInputException("Le Shapefile ne contient aucun polygone.");
        }
        return new ParsedShapes(Wgs84.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new)), firstName(dbf));
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        long read = 0;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw new PerimeterInputException("L'archive décompressée dépasse 100 Mo.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Lambert-93 (EPSG:2154) or WGS84 (EPSG:4326, or RGF93 geographic, the same to a metre) from the .prj's WKT. */
    static Projection projection(String wkt) {
        String text = wkt.toUpperCase(Locale.ROOT).replace(" ", "_");
        if (text.startsWith("PROJCS") || text.startsWith("PROJCRS")) {
            if (text.contains("LAMBERT_93") || text.contains("LAMBERT-93") || text.contains("2154")
                    || text.contains("RGF93") && text.contains("LAMBERT_CONFORMAL_CONIC")) {
                return Projection.LAMBERT_93;
            }
        } else if ((text.startsWith("GEOGCS") || text.startsWith("GEOGCRS"))
                && (text.contains("WGS") || text.contains("RGF93") || text.contains("4326"))) {
            return Projection.WGS84;
        }
        throw new PerimeterInputException("Projection du fichier .prj non prise en charge : seules Lambert-93 (EPSG:2154) "
                + "et WGS84 (EPSG:4326) sont acceptées.");
    }

    private static List<Polygon> polygons(byte[] shp, Projection projection) {
        CoordinateTransform toWgs84 = projection == Projection.LAMBERT_93 ? lambert93ToWgs84() : null;
        ByteBuffer buffer = ByteBuffer.wrap(shp);
        List<Polygon> polygons = new ArrayList<>();
        try {
            if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
                throw new PerimeterInputException("Le fichier .shp n'est pas un Shapefile (en-tête invalide).");
            }
            int shapeType = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            if (shapeType != 5 && shapeType != 15 && shapeType != 25) {
                throw new PerimeterInputException("Le Shapefile contient des formes de type " + shapeType
                        + " : seuls les polygones (type 5, 15 ou 25) décrivent un périmètre.");
            }
            int position = 100;
            int record = 0;
            while (position + 8 <= shp.length) {
                record++;
                int contentLength = buffer.order(ByteOrder.BIG_ENDIAN).getInt(position + 4) * 2;
                int start = position + 8;
                if (contentLength < 4 || start + contentLength > shp.length) {
                    throw new PerimeterInputException("L'enregistrement " + record + " du fichier .shp est tronqué.");
                }
                buffer.order(ByteOrder.LITTLE_ENDIAN);
                int type = buffer.getInt(start);
                if (type != 0) {
                    polygons.addAll(record(buffer, start, record, toWgs84));
                }
                position = start + contentLength;
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new PerimeterInputException("Le fichier .shp est tronqué ou mal formé.");
        }
        return polygons;
    }

    /** One polygon record: rings clockwise are shells, counter-clockwise are holes of the shell containing them. */
    private static List<Polygon> record(ByteBuffer buffer, int start, int record, CoordinateTransform toWgs84) {
        int numParts = buffer.getInt(start + 36);
        int numPoints = buffer.getInt(start + 40);
        if (numParts <= 0 || numPoints < 4 || numParts > numPoints) {
            throw new PerimeterInputException("L'enregistrement " + record + " du fichier .shp n'a pas de contour valide.");
        }
        int[] parts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            parts[i] = buffer.getInt(start + 44 + 4 * i);
        }
        parts[numParts] = numPoints;
        int points = start + 44 + 4 * numParts;
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            if (parts[p] < 0 || parts[p + 1] < parts[p] || parts[p + 1] > numPoints) {
                throw new PerimeterInputException("L'enregistrement " + record + " du fichier .shp a des parties incohérentes.");
            }
            List<Coordinate> coordinates = new ArrayList<>();
            for (int i = parts[p]; i < parts[p + 1]; i++) {
                Coordinate c = new Coordinate(buffer.getDouble(points + 16 * i), buffer.getDouble(points + 16 * i + 8));
                if (toWgs84 != null) {
                    // Lambert-93's own extent (EPSG:2154, with a margin): anything else was not written in it
                    if (!(c.x >= -400_000 && c.x <= 1_400_000 && c.y >= 6_000_000 && c.y <= 7_300_000)) {
                        throw new PerimeterInputException("Les coordonnées (" + c.x + ", " + c.y + ") de l'enregistrement " + record
                                + " ne correspondent pas à la projection Lambert-93 déclarée par le fichier .prj.");
                    }
                    ProjCoordinate out = toWgs84.transform(new ProjCoordinate(c.x, c.y), new ProjCoordinate());
                    c = new Coordinate(out.x, out.y);
                }
                Wgs84.checkRange(c, "les coordonnées ne correspondent pas à la projection déclarée par le fichier .prj");
                coordinates.add(c);
            }
            if (coordinates.size() < 3) {
                continue;
            }
            if (!coordinates.getFirst().equals2D(coordinates.getLast())) {
                coordinates.add(new Coordinate(coordinates.getFirst()));
            }
            if (coordinates.size() < 4) {
                continue;
            }
            LinearRing ring = Wgs84.FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
            (Orientation.isCCW(ring.getCoordinates()) ? holes : shells).add(ring);
        }
        if (shells.isEmpty()) {
            // a writer that ignored the ring order: every ring is a shell
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (LinearRing hole : holes) {
            for (int s = 0; s < shells.size(); s++) {
                if (Wgs84.FACTORY.createPolygon(shells.get(s)).contains(Wgs84.FACTORY.createPoint(hole.getCoordinateN(0)))) {
                    holesOf.get(s).add(hole);
                    break;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int s = 0; s < shells.size(); s++) {
            polygons.add(Wgs84.FACTORY.createPolygon(shells.get(s), holesOf.get(s).toArray(LinearRing[]::new)));
        }
        return polygons;
    }

    private static CoordinateTransform lambert93ToWgs84() {
        CRSFactory crs = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:2154"), crs.createFromName("EPSG:4326"));
    }

    /** The first non-blank value of a name-like field of the .dbf (else of its first text field). */
    static String firstName(byte[] dbf) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
            int records = buffer.getInt(4);
            int headerLength = Short.toUnsignedInt(buffer.getShort(8));
            int recordLength = Short.toUnsignedInt(buffer.getShort(10));
            List<String> names = new ArrayList<>();
            List<Character> types = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            int offset = 1;
            for (int pos = 32; pos + 32 <= headerLength && dbf[pos] != 0x0D; pos += 32) {
                int end = pos;
                while (end < pos + 11 && dbf[end] != 0) {
                    end++;
                }
                names.add(new String(dbf, pos, end - pos, StandardCharsets.ISO_8859_1).strip().toUpperCase(Locale.ROOT));
                types.add((char) dbf[pos + 11]);
                int length = Byte.toUnsignedInt(dbf[pos + 16]);
                offsets.add(offset);
                lengths.add(length);
                offset += length;
            }
            int field = -1;
            for (String candidate : NAME_FIELDS) {
                if (names.contains(candidate)) {
                    field = names.indexOf(candidate);
                    break;
                }
            }
            if (field < 0) {
                field = types.indexOf('C');
            }
            if (field < 0) {
                return null;
            }
            for (int r = 0; r < records; r++) {
                int start = headerLength + r * recordLength;
                if (start + recordLength > dbf.length) {
                    break;
                }
                if (dbf[start] == '*') {
                    continue;
                }
                String value = decode(dbf, start + offsets.get(field), lengths.get(field)).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
            return null;
        } catch (IndexOutOfBoundsException e) {
            throw new PerimeterInputException("Le fichier .dbf est tronqué ou mal formé.");
        }
    }

    /** UTF-8 when it is valid, else Latin-1 (older .dbf files). */
    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
