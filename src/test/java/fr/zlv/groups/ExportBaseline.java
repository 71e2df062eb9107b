package fr.zlv.groups;

import de.siegmar.fastcsv.writer.CsvWriter;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * What the export benchmarks share: downloading an export through the API as an agent, and the baseline
 * measured in the same run, the spreadsheet libraries alone writing a file of the same shape (every data row
 * a copy of the product's first one).
 */
public final class ExportBaseline {

    /** A sheet of the product's workbook: its name, its data rows count, its header and its first data row. */
    public record SheetShape(String name, int rows, Row header, Row sample) {
    }

    private ExportBaseline() {
    }

    /** An API token of a new agent of the establishment. */
    public static String token(UserManagement users, ApiTokenManagement tokens, long establishmentId, String lastName) {
        String email = "bench-" + UUID.randomUUID() + "@bench.zlv.test";
        return Roles.asSystem(() -> {
            users.upsertUser(email, "Banc", lastName, Role.USUAL, List.of(establishmentId), "mot-de-passe-" + UUID.randomUUID());
            return tokens.createFor(email, null, "benchmark").secret();
        });
    }

    /** Downloads with the token into the file; returns its size. */
    public static long download(HttpClient http, String url, String token, Path target) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + Files.readString(target));
        }
        return Files.size(target);
    }

    public static List<SheetShape> xlsxShape(Path xlsx) throws Exception {
        List<SheetShape> sheets = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (var sheet : workbook.getSheets().toList()) {
                List<Row> rows = sheet.read();
                sheets.add(new SheetShape(sheet.getName(), rows.size() - 1, rows.get(0), rows.size() > 1 ? rows.get(1) : rows.get(0)));
            }
        }
        return sheets;
    }

    /** fastexcel alone: the same sheets, each data row a copy of the sample. */
    public static long writeXlsx(List<SheetShape> sheets, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target)) {
            Workbook workbook = new Workbook(out, "bench", "1.0");
            for (SheetShape shape : sheets) {
                Worksheet sheet = workbook.newWorksheet(shape.name());
                for (int c = 0; c < shape.header().getCellCount(); c++) {
                    sheet.value(0, c, shape.header().getCellText(c));
                }
                for (int r = 1; r <= shape.rows(); r++) {
                    for (int c = 0; c < shape.sample().getCellCount(); c++) {
                        Cell cell = shape.sample().getCell(c);
                        if (cell == null) {
                            continue;
                        }
                        switch (cell.getType()) {
                            case NUMBER -> sheet.value(r, c, (BigDecimal) cell.getValue());
                            case EMPTY -> {
                            }
                            default -> sheet.value(r, c, cell.getText());
                        }
                    }
                    if (r % 1000 == 0) {
                        sheet.flush();
                    }
                }
                sheet.finish();
            }
            workbook.finish();
        }
        return Files.size(target);
    }

    /** fastcsv alone: the header, then the sample {@code rows} times, as the product writes its CSV (BOM, ';'). */
    public static long writeCsv(List<String> header, List<String> sample, long rows, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            CsvWriter csv = CsvWriter.builder().fieldSeparator(';').build(out, StandardCharsets.UTF_8);
            csv.writeRecord(header);
            for (long r = 0; r < rows; r++) {
                csv.writeRecord(sample);
            }
            csv.flush();
        }
        return Files.size(target);
    }
}
