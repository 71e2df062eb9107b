/**
 * Groups of dwellings (groupes de logements): saved selections private to an establishment, with
 * stored counters, their history, and their streamed XLSX/CSV exports. Campaigns are sets of dwellings too
 * and reuse from here the selection input ({@code SelectionInput}), the rules of a set ({@code HousingSets}:
 * name, description, event payloads, history) and the export base ({@code HousingSetExports}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "targeting"})
package fr.zlv.groups;
