package fr.zlv.perimeters;

import java.time.OffsetDateTime;

/**
 * An uploaded perimeter.
 *
 * @param kind         "geojson" or "shapefile": the format it came in
 * @param housingCount dwellings of the establishment's communes inside it
 */
public record PerimeterView(long id, String name, String kind, long housingCount, OffsetDateTime createdAt) {
}
