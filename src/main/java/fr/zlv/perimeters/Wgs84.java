package fr.zlv.perimeters;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;

/** Checks and normalises polygons in WGS84 (longitude, latitude), and writes them as GeoJSON. */
final class Wgs84 {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Wgs84() {
    }

    static void checkRange(Coordinate c, String format) {
        if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
            throw new PerimeterInputException("La coordonnée (" + c.x + ", " + c.y + ") n'est pas une longitude/latitude WGS84 : "
                    + format + ".");
        }
    }

    /** Repairs self-intersections and the like (a hand-drawn polygon often has some) and keeps polygons only. */
    static MultiPolygon normalise(Geometry geometry) {
        Geometry fixed = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
        java.util.List<Polygon> polygons = new java.util.ArrayList<>();
        for (int i = 0; i < fixed.getNumGeometries(); i++) {
            Geometry part = fixed.getGeometryN(i);
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(polygon);
            } else if (part instanceof MultiPolygon multi) {
                for (int j = 0; j < multi.getNumGeometries(); j++) {
                    polygons.add((Polygon) multi.getGeometryN(j));
                }
            }
        }
        if (polygons.isEmpty() || polygons.stream().allMatch(p -> p.getArea() == 0)) {
            throw new PerimeterInputException("Le fichier ne contient aucun polygone utilisable.");
        }
        return FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** GeoJSON text of a MultiPolygon, as stored in {@code geo_perimeter.geometry} and drawn on the map. */
    static String geoJson(MultiPolygon multi) {
        StringBuilder out = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < multi.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) multi.getGeometryN(i);
            out.append(i == 0 ? "[" : ",[");
            ring(out, polygon.getExteriorRing().getCoordinates());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                out.append(',');
                ring(out, polygon.getInteriorRingN(h).getCoordinates());
            }
            out.append(']');
        }
        return out.append("]}").toString();
    }

    private static void ring(StringBuilder out, Coordinate[] coordinates) {
        out.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[').append(round(coordinates[i].x)).append(',').append(round(coordinates[i].y)).append(']');
        }
        out.append(']');
    }

    /** Seven decimals: about 1 cm, more than any perimeter needs. */
    private static String round(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(7, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
