/**
 * Reading source files (the yearly LOVAC CSV), selection, millésime rules, import runs and their
 * reports. Hands clean rows to the bulk-load API of {@code housing}, which owns the SQL of its tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "housing", "platform"})
package fr.zlv.imports;
