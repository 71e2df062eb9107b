/**
 * The priority score of a dwelling (0–100) from transparent factors, their weights per establishment,
 * the stored scores (national default and per establishment) and the breakdown that explains a score.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "territory"})
package fr.zlv.scoring;
