package fr.zlv.housing;

import java.util.List;

/**
 * A change of the follow-up of one or several dwellings. A null field is left as it is; an empty
 * {@code subStatus} or {@code occupancyIntended} clears it; {@code precisions} replaces the whole list.
 *
 * @param status            0–5 (DOMAIN.md §4)
 * @param subStatus         stable code of a sub-status of the (new) status, e.g. {@code en-accompagnement}
 * @param precisions        stable codes {@code category/slug}
 * @param occupancy         V, L, B, RS, P, N, T, D, A or inconnu
 * @param occupancyIntended same codes
 * @param note              a note to add (bulk edit), ignored when blank
 */
public record FollowUpChange(Integer status, String subStatus, List<String> precisions, String occupancy,
                             String occupancyIntended, String note) {

    public boolean isEmpty() {
        return status == null && subStatus == null && precisions == null && occupancy == null
                && occupancyIntended == null && (note == null || note.isBlank());
    }
}
