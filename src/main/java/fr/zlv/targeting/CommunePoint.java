package fr.zlv.targeting;

/** A commune of the territory with its approximate centre, for the map's communes layer. */
public record CommunePoint(String code, String name, double longitude, double latitude) {
}
