package fr.zlv.campaign;

import java.time.Instant;

/**
 * What an owner's access code designates. Holds no personal data of the owner: the answer page shows
 * only the dwelling's address and the establishment's name.
 */
public record OwnerCodeTarget(long codeId, String code, long campaignId, long housingId, long ownerId,
                              long establishmentId, String establishmentName, String housingAddress,
                              Instant expiresAt) {
}
