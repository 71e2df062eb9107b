package fr.zlv.targeting;

/** A dwelling on the map: the light projection DOMAIN.md §9 describes. */
public record MapPoint(long id, String localId, String communeCode, double longitude, double latitude, int status,
                       String occupancy, String address) {
}
