package fr.zlv.perimeters;

import org.locationtech.jts.geom.Geometry;

/**
 * What a file gave: its polygons (WGS84, longitude/latitude) and the name of its first feature, if any.
 */
record ParsedShapes(Geometry geometry, String firstName) {
}
