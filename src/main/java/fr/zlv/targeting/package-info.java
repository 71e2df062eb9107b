/**
 * Finding and targeting dwellings: the filters of the housing list, search, list/count/map read
 * models over a TerritoryScope, saved views of the list page. Reads the housing tables; never writes them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "platform"})
package fr.zlv.targeting;
