/**
 * Runs the product: configuration, the database (embedded PostgreSQL or an external one), the
 * command-line dispatcher, error pages and health. Technical only; see docs/adr/0001-platform-module.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package fr.zlv.platform;
