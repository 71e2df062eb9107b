/**
 * Uploaded geographic perimeters of an establishment (GeoJSON or zipped Shapefile, Lambert-93 or
 * WGS84) and the dwellings inside each one, computed with JTS and stored so that filters stay SQL.
 * Listens to {@code imports}' LovacImported to recompute after each import.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "territory", "imports"})
package fr.zlv.perimeters;
