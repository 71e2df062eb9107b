package fr.zlv.groups;

import fr.zlv.shared.security.AnyRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamed exports of a group: rows go from a server-side cursor to the output as they are read,
 * never the whole file in memory (a 90 k-dwelling group stays a few megabytes of heap). Only the
 * dwellings of the caller's scope are exported.
 */
@Service
@Transactional(readOnly = true)
public class GroupExports extends HousingSetExports<GroupView> {

    private final GroupManagement groups;

    GroupExports(GroupManagement groups, HousingExportWriter writer) {
        super(ExportSource.GROUP, writer);
        this.groups = groups;
    }

    /** The group to export, checked before anything is written (another establishment's: not found). */
    @AnyRole
    @Override
    public GroupView check(long groupId) {
        return groups.get(groupId);
    }
}
