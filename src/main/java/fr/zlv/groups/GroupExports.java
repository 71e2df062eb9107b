package fr.zlv.groups;

import fr.zlv.shared.security.AnyRole;
import java.io.OutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamed exports of a group: rows go from a server-side cursor to the output as they are read,
 * never the whole file in memory (a 90 k-dwelling group stays a few megabytes of heap). Only the
 * dwellings of the caller's scope are exported.
 */
@Service
@Transactional(readOnly = true)
public class GroupExports {

    private final GroupManagement groups;
    private final HousingExportWriter writer;

    GroupExports(GroupManagement groups, HousingExportWriter writer) {
        this.groups = groups;
        this.writer = writer;
    }

    /** The group to export, checked before anything is written (another establishment's: not found). */
    @AnyRole
    public GroupView check(long groupId) {
        return groups.get(groupId);
    }

    /** The workbook: sheets "Logements" and "Propriétaires". */
    @AnyRole
    public void writeXlsx(long groupId, OutputStream out) {
        groups.get(groupId);
        writer.writeXlsx(ExportSource.GROUP, groupId, out);
    }

    /** The "Logements" sheet as CSV: {@code ;}-separated, UTF-8 with a BOM, so that French Excel opens it as is. */
    @AnyRole
    public void writeCsv(long groupId, OutputStream out) {
        groups.get(groupId);
        writer.writeCsv(ExportSource.GROUP, groupId, out);
    }
}
