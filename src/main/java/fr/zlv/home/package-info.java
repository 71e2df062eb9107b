/**
 * The home page: the key figures of the territory the signed-in user works on (or of the whole
 * country for national roles), read from the reference geography.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory", "access"})
package fr.zlv.home;
