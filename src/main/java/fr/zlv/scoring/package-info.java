/**
 * The priority score of a dwelling (0–100) from transparent factors, their weights per establishment,
 * the stored scores (national default and per establishment) and the breakdown that explains a score.
 * Listens to {@code imports}' LovacImported to recompute after each import, and gives the housing module's
 * bulk load the default score of the dwellings it creates ({@code housing.BulkLoadColumn}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "territory", "imports", "housing"})
package fr.zlv.scoring;
