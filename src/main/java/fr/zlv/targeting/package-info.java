/**
 * Finding and targeting dwellings: the filters of the housing list, search, list/count/map read
 * models over a TerritoryScope, saved views of the list page. Reads the housing tables; never writes them:
 * the list's bulk edit goes through housing's follow-up API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "platform", "housing"})
package fr.zlv.targeting;
