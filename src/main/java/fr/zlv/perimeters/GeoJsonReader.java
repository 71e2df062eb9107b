package fr.zlv.perimeters;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the polygons of a GeoJSON FeatureCollection, Feature, Polygon or MultiPolygon in WGS84 (RFC 7946). */
final class GeoJsonReader {

    private static final String FORMAT = "un GeoJSON doit être en WGS84 (EPSG:4326)";

    private GeoJsonReader() {
    }

    static ParsedShapes read(byte[] bytes, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new PerimeterInputException("Le fichier n'est pas un GeoJSON lisible (JSON invalide).");
        }
        if (root == null || !root.isObject()) {
            throw new PerimeterInputException("Le fichier n'est pas un GeoJSON : un objet JSON est attendu.");
        }
        List<Polygon> polygons = new ArrayList<>();
        String[] name = {null};
        collect(root, polygons, name);
        if (polygons.isEmpty()) {
            throw new PerimeterInputException("Le fichier GeoJSON ne contient aucun polygone (Polygon ou MultiPolygon).");
        }
        return new ParsedShapes(Wgs84.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new)), name[0]);
    }

    private static void collect(JsonNode node, List<Polygon> polygons, String[] name) {
        String type = node.path("type").asString("");
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = node.path("features");
                if (!features.isArray()) {
                    throw new PerimeterInputException("Le GeoJSON est une FeatureCollection sans tableau « features ».");
                }
                features.forEach(feature -> collect(feature, polygons, name));
            }
            case "Feature" -> {
                if (name[0] == null) {
                    JsonNode properties = node.path("properties");
                    for (String key : List.of("nom", "name", "NOM", "NAME", "libelle", "label")) {
                        if (properties.path(key).isString() && !properties.path(key).asString().isBlank()) {
                            name[0] = properties.path(key).asString().strip();
                            break;
                        }
                    }
                }
                if (!node.path("geometry").isNull() && !node.path("geometry").isMissingNode()) {
                    collect(node.path("geometry"), polygons, name);
                }
            }
            case "Polygon" -> polygons.add(polygon(node.path("coordinates")));
            case "MultiPolygon" -> {
                JsonNode coordinates = node.path("coordinates");
                if (!coordinates.isArray()) {
                    throw new PerimeterInputException("Un MultiPolygon du GeoJSON n'a pas de tableau « coordinates ».");
                }
                coordinates.forEach(p -> polygons.add(polygon(p)));
            }
            case "GeometryCollection" -> node.path("geometries").forEach(g -> collect(g, polygons, name));
            case "Point", "MultiPoint", "LineString", "MultiLineString" -> {
                // not an area: ignored, a perimeter is made of polygons only
            }
            default -> throw new PerimeterInputException("Type GeoJSON inconnu : « " + type
                    + " » (attendus : FeatureCollection, Feature, Polygon, MultiPolygon).");
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new PerimeterInputException("Un polygone du GeoJSON n'a pas de coordonnées.");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return Wgs84.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 3) {
            throw new PerimeterInputException("Un contour de polygone du GeoJSON doit avoir au moins 4 positions.");
        }
        List<Coordinate> coordinates = new ArrayList<>();
        for (JsonNode position : positions) {
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new PerimeterInputException("Une position du GeoJSON n'est pas un couple [longitude, latitude] de nombres.");
            }
            Coordinate c = new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
            Wgs84.checkRange(c, FORMAT);
            coordinates.add(c);
        }
        if (!coordinates.getFirst().equals2D(coordinates.getLast())) {
            coordinates.add(new Coordinate(coordinates.getFirst()));
        }
        if (coordinates.size() < 4) {
            throw new PerimeterInputException("Un contour de polygone du GeoJSON doit avoir au moins 4 positions.");
        }
        return Wgs84.FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
