package fr.zlv.groups;

/** One dwelling of a group on the group page. */
public record GroupHousingView(long id, String localId, String address, String communeCode, String communeName,
                               String kind, int status, String statusLabel, String ownerName) {
}
