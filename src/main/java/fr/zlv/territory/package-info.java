/**
 * Reference geography (communes, arrondissements, EPCI, départements, régions, programmes, vacancy
 * tax, zonage ABC, centres) and establishments with their perimeters of communes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package fr.zlv.territory;
