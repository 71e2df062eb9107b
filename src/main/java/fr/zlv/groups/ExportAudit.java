package fr.zlv.groups;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.shared.TerritoryScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group or campaign export carries its owners' names, addresses and birth dates (tax data under a purpose
 * restriction, DOMAIN.md §8): each export writes one row to the personal-data log ({@code personal_data_access},
 * the same table the housing page writes when owners are shown). Written in its own transaction before the
 * first byte, because the export itself runs read-only and may be cut off mid-stream.
 */
@Component
class ExportAudit {

    private final JdbcClient jdbc;
    private final AccessManagement access;

    ExportAudit(JdbcClient jdbc, AccessManagement access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(TerritoryScope scope, String action, String subjectKind, long subjectId) {
        if (scope.systemScope()) {
            return; // jobs and the command line are not people reading data
        }
        jdbc.sql("""
                insert into personal_data_access (user_id, establishment_id, action, subject_kind, subject_id)
                values (?, ?, ?, ?, ?)""")
                .params(access.me().map(UserView::id).orElse(null), scope.establishmentId(), action, subjectKind,
                        String.valueOf(subjectId)).update();
    }
}
