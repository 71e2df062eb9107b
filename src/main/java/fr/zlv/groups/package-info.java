/**
 * Groups of dwellings (groupes de logements): saved selections private to an establishment, with
 * stored counters, their history, and their streamed XLSX/CSV exports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "targeting"})
package fr.zlv.groups;
