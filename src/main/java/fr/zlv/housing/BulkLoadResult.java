package fr.zlv.housing;

/**
 * What a bulk load changed. {@code rowsStaged - duplicatesDropped = created + updated + unchanged}.
 *
 * @param owners     distinct owners linked to the loaded dwellings
 * @param ownerships links created or kept for them
 */
public record BulkLoadResult(long rowsStaged, long duplicatesDropped, long housingsCreated, long housingsUpdated,
                             long housingsUnchanged, long exitsFromVacancy, long owners, long ownerships) {
}
