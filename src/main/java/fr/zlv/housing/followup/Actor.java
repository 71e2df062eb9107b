package fr.zlv.housing.followup;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import org.springframework.stereotype.Component;

/** Who acts: the signed-in user's id for events and the audit log, null for the system (imports, jobs). */
@Component
class Actor {

    private final AccessManagement access;

    Actor(AccessManagement access) {
        this.access = access;
    }

    Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }
}
