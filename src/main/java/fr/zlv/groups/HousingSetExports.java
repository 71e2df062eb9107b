package fr.zlv.groups;

import fr.zlv.shared.security.AnyRole;
import java.io.OutputStream;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamed exports of a set of dwellings (a group's or a campaign's members, DOMAIN.md §6): the set is
 * checked to be the caller's establishment's before anything is written, then {@link HousingExportWriter}
 * writes the dwellings of the caller's scope. Each module's exports service extends this with its check.
 *
 * @param <V> the view of the set, returned by the check (for the file name)
 */
@Transactional(readOnly = true)
public abstract class HousingSetExports<V> {

    private final ExportSource source;
    private final HousingExportWriter writer;

    protected HousingSetExports(ExportSource source, HousingExportWriter writer) {
        this.source = source;
        this.writer = writer;
    }

    /** The set to export, checked before anything is written (another establishment's: not found). */
    @AnyRole
    public abstract V check(long id);

    /** The workbook: sheets "Logements" and "Propriétaires". */
    @AnyRole
    public void writeXlsx(long id, OutputStream out) {
        check(id);
        writer.writeXlsx(source, id, out);
    }

    /** The "Logements" sheet as CSV: {@code ;}-separated, UTF-8 with a BOM, so that French Excel opens it as is. */
    @AnyRole
    public void writeCsv(long id, OutputStream out) {
        check(id);
        writer.writeCsv(source, id, out);
    }
}
