package fr.zlv.housing.followup;

import java.util.List;

/**
 * The follow-up of a dwelling as the API answers it after a change.
 *
 * @param subStatus  stable code of the sub-status, null when none
 * @param precisions stable codes {@code category/slug}
 * @param version    to send back with the next change (optimistic locking)
 */
public record FollowUpView(long id, int status, String statusCode, String statusLabel, String subStatus,
                           String subStatusLabel, List<String> precisions, String occupancy, String occupancyLabel,
                           String occupancyIntended, boolean userModified, int version) {
}
