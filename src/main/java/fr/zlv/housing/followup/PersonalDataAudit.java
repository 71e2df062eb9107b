package fr.zlv.housing.followup;

import fr.zlv.shared.TerritoryScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owners' personal data comes from tax files under a purpose restriction (DOMAIN.md §8): every read
 * and change is written to the access module's {@code personal_data_access} log (V4), in the
 * caller's transaction, so that no data is shown without its trace.
 */
@Component
class PersonalDataAudit {

    static final String VIEW_OWNERS = "view-owners";
    static final String EDIT_OWNER = "edit-owner";

    private final JdbcClient jdbc;

    PersonalDataAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Long userId, TerritoryScope scope, String action, String subjectKind, long subjectId) {
        if (scope.systemScope()) {
            return; // jobs and the command line are not people reading data
        }
        jdbc.sql("""
                insert into personal_data_access (user_id, establishment_id, action, subject_kind, subject_id)
                values (?, ?, ?, ?, ?)""")
                .params(userId, scope.establishmentId(), action, subjectKind, String.valueOf(subjectId)).update();
    }
}
