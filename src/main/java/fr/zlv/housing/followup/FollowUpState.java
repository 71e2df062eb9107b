package fr.zlv.housing.followup;

import java.util.List;

/** The follow-up columns of one housing row as read under lock; {@code subStatus} is the stored label. */
record FollowUpState(long id, String localId, int status, String subStatus, List<String> precisions, String occupancy,
                     String occupancyIntended, boolean userModified, int version) {

    FollowUpView view() {
        var sub = subStatus == null ? null : FollowUpCatalogue.anySubStatus(subStatus).orElse(null);
        return new FollowUpView(id, status, FollowUpCatalogue.status(status).map(FollowUpCatalogue.Status::code).orElse(null),
                FollowUpCatalogue.statusLabel(status), sub == null ? subStatus : sub.code(), subStatus, precisions,
                occupancy, FollowUpCatalogue.occupancyLabel(occupancy), occupancyIntended, userModified, version);
    }
}
