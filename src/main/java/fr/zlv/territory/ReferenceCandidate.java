package fr.zlv.territory;

/**
 * An entity of the reference geography an establishment can be created from (admin search box).
 *
 * @param reference       what to pass to {@link EstablishmentManagement#createFromReference(String)}
 * @param code            its SIREN (EPCI) or INSEE code (commune, département, région)
 * @param departement     the département it lies in, when it is a commune
 * @param establishmentId the establishment already created from it, or null
 */
public record ReferenceCandidate(String reference, EstablishmentKind kind, String name, String code,
                                 String departement, long population, int communeCount, Long establishmentId) {
}
