package fr.zlv.housing.web;

import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.followup.HousingView;
import java.util.List;

/**
 * The follow-up form of the housing page. After a refusal or a conflict the page shows it again with
 * what the agent had chosen, so that nothing typed is lost.
 *
 * @param subStatus stable code, empty for none
 */
public record FollowUpForm(Integer status, String subStatus, List<String> precisions, String occupancy,
                    String occupancyIntended, Integer version) {

    public FollowUpForm {
        // no box ticked: the browser sends no "precisions" at all
        precisions = precisions == null ? List.of() : List.copyOf(precisions);
    }

    static FollowUpForm of(HousingView housing) {
        return new FollowUpForm(housing.status(), housing.subStatusCode(), housing.precisions(), housing.occupancy(),
                housing.occupancyIntended() == null ? "" : housing.occupancyIntended(), housing.version());
    }

    FollowUpForm withVersion(int newVersion) {
        return new FollowUpForm(status, subStatus, precisions, occupancy, occupancyIntended, newVersion);
    }

    /** Precisions replace the list: none ticked means none kept. */
    FollowUpChange change() {
        return new FollowUpChange(status, subStatus == null ? "" : subStatus, precisions,
                occupancy, occupancyIntended == null ? "" : occupancyIntended, null);
    }

    public boolean has(String precision) {
        return precisions.contains(precision);
    }
}
