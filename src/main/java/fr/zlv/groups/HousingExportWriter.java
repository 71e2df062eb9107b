package fr.zlv.groups;

import de.siegmar.fastcsv.writer.CsvWriter;
import fr.zlv.access.AccessManagement;
import fr.zlv.groups.ExportColumns.Column;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the export of a set of dwellings (a group's or a campaign's members) to a stream: rows go from
 * a server-side cursor to the output as they are read, never the whole file in memory (a 90 k-dwelling
 * set stays a few megabytes of heap). Only the dwellings of the caller's scope are exported. The caller
 * checks first that the group or campaign is its establishment's.
 */
@Service
@Transactional(readOnly = true)
public class HousingExportWriter {

    private static final int FLUSH_EVERY = 1_000;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AccessManagement access;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ExportAudit audit;

    HousingExportWriter(AccessManagement access, DataSource dataSource, ExportAudit audit) {
        this.audit = audit;
        this.access = access;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The workbook: sheets "Logements" and "Propriétaires". */
    @AnyRole
    public void writeXlsx(ExportSource source, long id, OutputStream out) {
        TerritoryScope scope = access.currentScope();
        audit.record(scope, "export-" + source.subjectKind() + "-xlsx", source.subjectKind(), id);
        try {
            Workbook workbook = new Workbook(out, "Zero Logement Vacant", "1.0");
            sheet(workbook, "Logements", housingColumns(scope), ExportColumns.housingsSql(source, banColumns()), id, scope);
            sheet(workbook, "Propriétaires", ExportColumns.owners(source), ExportColumns.ownersSql(source), id, scope);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "Logements" sheet as CSV: {@code ;}-separated, UTF-8 with a BOM, so that French Excel opens it as is. */
    @AnyRole
    public void writeCsv(ExportSource source, long id, OutputStream out) {
        TerritoryScope scope = access.currentScope();
        audit.record(scope, "export-" + source.subjectKind() + "-csv", source.subjectKind(), id);
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            CsvWriter csv = CsvWriter.builder().fieldSeparator(';').build(out, StandardCharsets.UTF_8);
            List<Column> columns = housingColumns(scope);
            csv.writeRecord(columns.stream().map(Column::header).toList());
            int[] rows = {0};
            String[] texts = new String[columns.size()];
            query(ExportColumns.housingsSql(source, banColumns()), columns, id, scope, values -> {
                for (int c = 0; c < texts.length; c++) {
                    texts[c] = text(values[c]);
                }
                csv.writeRecord(texts);
                if (++rows[0] % FLUSH_EVERY == 0) {
                    csv.flush();
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(Workbook workbook, String name, List<Column> columns, String sql, long id, TerritoryScope scope)
            throws IOException {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.min(40, Math.max(12, columns.get(c).header().length() + 2)));
        }
        int[] row = {1};
        query(sql, columns, id, scope, values -> {
            int r = row[0]++;
            for (int c = 0; c < values.length; c++) {
                cell(sheet, r, c, values[c]);
            }
            if (r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        });
        sheet.finish();
    }

    /**
     * The statement's rows as cell values, read on a second thread while these are written
     * ({@link PrefetchedRows}), on the connection of the current read-only transaction.
     */
    private void query(String sql, List<Column> columns, long id, TerritoryScope scope, PrefetchedRows.RowWriter writer)
            throws IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PrefetchedRows.forEach(connection, sql, new Object[] {id, scope.national(), scope.communeArray()}, columns, writer);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("export", sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The "Logements" columns, "Campagnes" naming the caller's establishment's campaigns. */
    private List<Column> housingColumns(TerritoryScope scope) {
        return ExportColumns.housings(CampaignTitles.of(jdbc, scope.establishmentId()));
    }

    /** The BAN columns the housing table has (none until a BAN import adds them); names only, fixed by us. */
    private List<String> banColumns() {
        return jdbc.queryForList("""
                select column_name from information_schema.columns
                 where table_schema = current_schema() and table_name = 'housing' and column_name = any(?)""",
                String.class, (Object) ExportColumns.BAN_COLUMNS.toArray(String[]::new));
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        switch (value) {
            case null -> {
            }
            case LocalDate date -> {
                sheet.value(r, c, date);
                sheet.style(r, c).format("dd/mm/yyyy").set();
            }
            case BigDecimal decimal -> sheet.value(r, c, decimal.stripTrailingZeros());
            case Number number -> sheet.value(r, c, number);
            default -> text(sheet, r, c, value.toString());
        }
    }

    /**
     * Text written in the cell itself (inline) rather than in the workbook's shared-string table, which
     * fastexcel keeps in memory until the end: with ~1.5 million distinct texts in a 100,000-dwelling
     * export it grew the heap with the export and cost more than writing them. fastexcel writes inline
     * text without {@code xml:space="preserve"}, so a text with leading or trailing white space keeps
     * going through the shared table, where it is preserved.
     */
    private static void text(Worksheet sheet, int r, int c, String text) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            sheet.value(r, c, text);
        } else {
            sheet.inlineString(r, c, text);
        }
    }

    /** CSV text: dates and decimals the French way, as Excel-FR reads them. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case LocalDate date -> date.format(FRENCH_DATE);
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString().replace('.', ',');
            case Double number -> BigDecimal.valueOf(number).toPlainString().replace('.', ',');
            default -> value.toString();
        };
    }
}
