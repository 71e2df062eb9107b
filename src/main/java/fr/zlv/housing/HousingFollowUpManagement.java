package fr.zlv.housing;

import fr.zlv.housing.followup.FollowUpService;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.CanWrite;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The follow-up of dwellings for other modules (the housing list's bulk edit, campaigns): the same
 * rules as the housing page — the *Non suivi* rule, sub-statuses of their status, optimistic locking,
 * one event per dwelling and field.
 */
@Service
public class HousingFollowUpManagement {

    private final FollowUpService followUp;

    HousingFollowUpManagement(FollowUpService followUp) {
        this.followUp = followUp;
    }

    /** Changes one dwelling read at {@code version}; returns its new version. */
    @CanWrite
    public int update(TerritoryScope scope, long housingId, int version, FollowUpChange change) {
        return followUp.update(scope, housingId, version, change).version();
    }

    /** Changes every dwelling of the selection in one transaction; returns how many dwellings changed. */
    @CanWrite
    public int bulkUpdate(TerritoryScope scope, List<Long> housingIds, FollowUpChange change) {
        return followUp.bulkUpdate(scope, housingIds, change);
    }
}
