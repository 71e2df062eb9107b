package fr.zlv.territory;

/**
 * A structure that uses the product (a collectivité, a State service or a partner).
 *
 * @param siren     its SIREN when known (communes and EPCI have one in the reference data)
 * @param geoCode   INSEE code of the commune, département or région it stands for, when it does
 * @param communeCount the number of communes in its perimeter
 */
public record Establishment(long id, String siren, String name, EstablishmentKind kind, String geoCode,
                            boolean active, int communeCount) {
}
