/**
 * Dwellings (housing), buildings, owners, ownerships and their history (events). Owns every SQL
 * statement that writes these tables, including the bulk load that imports hand their rows to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "platform"})
package fr.zlv.housing;
