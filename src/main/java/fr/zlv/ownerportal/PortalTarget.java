package fr.zlv.ownerportal;

/**
 * What the answer page may show and needs: the dwelling's address and the establishment's name, never
 * the owner's name or any other personal data.
 */
public record PortalTarget(long codeId, long campaignId, long housingId, long ownerId, long establishmentId,
                           String establishmentName, String housingAddress) {
}
