package fr.zlv.groups;

import fr.zlv.ZlvApplication;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/letters/exports.sh: where the time of a 100,000-dwelling group export goes. The dwellings'
 * statement alone (EXPLAIN ANALYZE, then streamed and every column read), the same with the columns'
 * mapping, the product's XLSX and CSV through the HTTP API, and fastexcel / fastcsv alone writing rows
 * of the same shape, all in one run. The product's files are kept ({@code --keep DIR}) so that two
 * versions of the code can be compared byte for byte (CSV) and cell for cell (XLSX). Not a test (no
 * *Tests name). Dataset (made once, local ids "BX…"): one primary owner each, a second owner for every
 * 4th dwelling, precisions on every 3rd, and 3 campaigns of the establishment (all, every 2nd, every 5th).
 */
public final class ExportBenchmark {

    private static final String[] SURNAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "LEFÈVRE", "MÜLLER"};
    private static final String[] GIVEN = {"JEAN", "MARIE", "HÉLÈNE", "FRANÇOIS", "ÉMILIE"};

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int size = Integer.parseInt(options.getOrDefault("dwellings", "100000"));
        Path keep = Path.of(options.getOrDefault("keep", "target-export-bench/files"));
        Files.createDirectories(keep);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZlvApplication.class)
                .properties("zlv.demo=false", "server.port=0", "logging.level.root=WARN").run();
        try {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            var establishments = context.getBean(EstablishmentManagement.class);
            Establishment dep = Roles.asSystem(() -> establishments.createFromReference("DEP-23"));
            List<String> communes = List.copyOf(Roles.asSystem(() -> establishments.perimeter(dep.id())));
            long t0 = System.nanoTime();
            boolean made = generate(jdbc, size, communes, dep.id());
            System.out.printf(Locale.ROOT, "dataset: %,d dwellings, %s in %.0f s; load %s%n", size, made ? "generated" : "already there",
                    (System.nanoTime() - t0) / 1e9, load());
            long group = group(jdbc, dep.id(), size);
            String[] communeArray = communes.toArray(String[]::new);
            Object[] housingParams = {group, false, communeArray};
            Object[] ownerParams = {group, false, communeArray};

            boolean apiOnly = Boolean.parseBoolean(options.getOrDefault("api-only", "false"));
            if (!apiOnly) {
                sqlPhases(dataSource, dep.id(), housingParams, ownerParams, keep);
            }

            String token = ExportBaseline.token(context.getBean(UserManagement.class), context.getBean(ApiTokenManagement.class), dep.id(), "Exports");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port + "/api/v1/groups/" + group;
            Path xlsx = keep.resolve("group.xlsx");
            Path csv = keep.resolve("group.csv");
            for (int round = 1; round <= 2; round++) {
                time("API export.xlsx (round " + round + ")", () -> ExportBaseline.download(http, base + "/export.xlsx", token, xlsx));
                time("API export.csv (round " + round + ")", () -> ExportBaseline.download(http, base + "/export.csv", token, csv));
                List<ExportBaseline.SheetShape> shape = ExportBaseline.xlsxShape(xlsx);
                time("fastexcel alone, same shape (round " + round + ")", () -> ExportBaseline.writeXlsx(shape, keep.resolve("alone.xlsx")));
                time("fastcsv alone, same shape (round " + round + ")", () -> aloneCsv(shape.getFirst(), keep.resolve("alone.csv")));
            }
            System.out.printf(Locale.ROOT, "load at the end: %s%n", load());
            if (options.containsKey("compare-with")) {
                compare(Path.of(options.get("compare-with")), keep);
            }
        } finally {
            context.close();
        }
    }

    private static void sqlPhases(DataSource dataSource, long establishmentId, Object[] housingParams, Object[] ownerParams, Path keep)
            throws Exception {
        List<ExportColumns.Column> columns = ExportColumns.housings(CampaignTitles.of(new JdbcTemplate(dataSource), establishmentId));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            explain(connection, ExportColumns.housingsSql(ExportSource.GROUP, List.of()), housingParams, keep.resolve("plan-housings.txt"));
            explain(connection, ExportColumns.ownersSql(ExportSource.GROUP), ownerParams, keep.resolve("plan-owners.txt"));
            for (int round = 1; round <= 2; round++) {
                time("SQL alone, dwellings (every column read)", () -> stream(connection, ExportColumns.housingsSql(ExportSource.GROUP, List.of()),
                        housingParams, rs -> {
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                rs.getObject(c);
                            }
                        }));
                time("SQL + column mapping, dwellings", () -> stream(connection, ExportColumns.housingsSql(ExportSource.GROUP, List.of()),
                        housingParams, rs -> {
                            for (ExportColumns.Column column : columns) {
                                column.value().read(rs);
                            }
                        }));
                time("SQL alone, owners (every column read)", () -> stream(connection, ExportColumns.ownersSql(ExportSource.GROUP),
                        ownerParams, rs -> {
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                rs.getObject(c);
                            }
                        }));
            }
            connection.rollback();
        }
    }

    /** The CSV byte for byte, and the workbook cell for cell (sheet names, cell types and texts), against an earlier run's. */
    private static void compare(Path before, Path after) throws Exception {
        long csvMismatch = Files.mismatch(before.resolve("group.csv"), after.resolve("group.csv"));
        System.out.println("CSV identical byte for byte: " + (csvMismatch < 0 ? "yes" : "NO, first difference at byte " + csvMismatch));
        long cells = 0;
        List<String> differences = new ArrayList<>();
        try (InputStream a = Files.newInputStream(before.resolve("group.xlsx")); InputStream b = Files.newInputStream(after.resolve("group.xlsx"));
             ReadableWorkbook wa = new ReadableWorkbook(a); ReadableWorkbook wb = new ReadableWorkbook(b)) {
            var sa = wa.getSheets().toList();
            var sb = wb.getSheets().toList();
            if (sa.size() != sb.size()) {
                differences.add("sheets " + sa.size() + " vs " + sb.size());
            }
            for (int s = 0; s < Math.min(sa.size(), sb.size()); s++) {
                if (!sa.get(s).getName().equals(sb.get(s).getName())) {
                    differences.add("sheet name " + sa.get(s).getName() + " vs " + sb.get(s).getName());
                }
                try (var ra = sa.get(s).openStream(); var rb = sb.get(s).openStream()) {
                    var ia = ra.iterator();
                    var ib = rb.iterator();
                    while (ia.hasNext() && ib.hasNext()) {
                        Row x = ia.next();
                        Row y = ib.next();
                        for (int c = 0; c < Math.max(x.getCellCount(), y.getCellCount()); c++) {
                            Cell cx = x.getOptionalCell(c).orElse(null);
                            Cell cy = y.getOptionalCell(c).orElse(null);
                            String tx = cx == null || cx.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY ? "" : cx.getType() + ":" + cx.getText();
                            String ty = cy == null || cy.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY ? "" : cy.getType() + ":" + cy.getText();
                            cells++;
                            if (!tx.equals(ty) && differences.size() < 10) {
                                differences.add(sa.get(s).getName() + " row " + x.getRowNum() + " col " + c + ": " + tx + " vs " + ty);
                            }
                        }
                    }
                    if (ia.hasNext() || ib.hasNext()) {
                        differences.add(sa.get(s).getName() + ": row counts differ");
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "XLSX cells compared: %,d; differences: %s%n", cells, differences.isEmpty() ? "none" : differences);
    }

    interface Work {
        long run() throws Exception;
    }

    interface RowWork {
        void accept(ResultSet rs) throws Exception;
    }

    /**
     * Wall time, and the CPU time of this JVM and of the PostgreSQL processes during the phase: on a shared
     * machine the wall time swings with the load, the CPU times much less.
     */
    private static void time(String name, Work work) throws Exception {
        long jvm0 = jvmCpuNanos();
        long pg0 = postgresCpuTicks();
        long start = System.nanoTime();
        long result = work.run();
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-50s %6.2f s  CPU: JVM %5.2f s, PostgreSQL %5.2f s  (%,d)  load %s%n", name, wall,
                (jvmCpuNanos() - jvm0) / 1e9, (postgresCpuTicks() - pg0) / 100.0, result, load());
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of this database's postmaster and its live children, in clock ticks (1/100 s). */
    private static long postgresCpuTicks() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            String postmaster = Files.readAllLines(Path.of(System.getenv("ZLV_DATA_DIR"), "pg", "postmaster.pid")).getFirst().trim();
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (!process.getFileName().toString().equals(postmaster) && !fields[1].equals(postmaster)) {
                        continue;
                    }
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return ticks;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static void explain(Connection connection, String sql, Object[] params, Path target) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
            bind(connection, statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        Files.writeString(target, plan);
        String[] lines = plan.toString().split("\n");
        System.out.println("plan (" + target + "), last lines: " + lines[lines.length - 2].trim() + " / " + lines[lines.length - 1].trim());
    }

    private static long stream(Connection connection, String sql, Object[] params, RowWork work) throws Exception {
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(2_000);
            bind(connection, statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    work.accept(rs);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            statement.setObject(i + 1, p instanceof String[] array ? connection.createArrayOf("text", array) : p);
        }
    }

    /** Dwellings "BX…" with owners, precisions and three campaigns, made once in SQL. */
    private static boolean generate(JdbcClient jdbc, int size, List<String> communes, long establishmentId) {
        int existing = jdbc.sql("select count(*) from housing where local_id like 'BX%'").query(Integer.class).single();
        if (existing >= size) {
            return false;
        }
        jdbc.sql("""
                insert into housing (local_id, invariant, commune_code, geo_code, departement, address_dgfip, kind, living_area,
                                     rooms, building_year, vacancy_start_year, cadastral_reference, plot_id, energy_label,
                                     energy_label_date, occupancy, status, sub_status, precisions, data_file_years, longitude, latitude)
                select 'BX' || lpad(i::text, 10, '0'), lpad(i::text, 10, '0'), c, c, '23',
                       array[(i % 140 + 1) || ' RUE DE LA RÉPUBLIQUE', '23000 GUÉRET'], case when i % 3 = 0 then 'APPART' else 'MAISON' end,
                       30 + (i % 120) + 0.5, 1 + i % 6, 1850 + i % 170, 2010 + i % 13, 'AB ' || lpad((i % 9999)::text, 4, '0'),
                       c || '000AB' || lpad((i % 9999)::text, 4, '0'), (array['A','B','C','D','E','F','G'])[i % 7 + 1],
                       case when i % 4 = 0 then date '2021-03-01' + i % 900 end, case when i % 7 = 0 then 'L' else 'V' end,
                       i % 6, case when i % 6 = 2 then 'En pré-accompagnement' end,
                       case when i % 3 = 0 then array['dispositifs-incitatifs/ma-prime-renov', 'blocage-involontaire/succession-en-cours'] else '{}' end,
                       case when i % 2 = 0 then array['lovac-2024', 'lovac-2025'] else array['lovac-2025'] end,
                       1.8 + (i % 1000) / 1000.0, 46.1 + (i % 1000) / 1000.0
                  from generate_series(?, ?) i, lateral (select (?::text[])[i % ? + 1] as c) commune
                on conflict (local_id) do nothing""")
                .params(existing + 1, size, communes.toArray(String[]::new), communes.size()).update();
        jdbc.sql("""
                insert into owner (owner_key, full_name, address_dgfip, do_not_contact, birth_date, kind_code, email)
                select 'bench-exports-' || i, (?::text[])[i % 7 + 1] || ' ' || (?::text[])[i % 5 + 1],
                       array[(i % 90 + 1) || ' AVENUE JEAN JAURÈS', '75011 PARIS'], i % 50 = 0,
                       date '1940-01-01' + i % 15000, case when i % 10 = 0 then 'sci-copro' else 'particulier' end,
                       case when i % 5 = 0 then 'proprietaire' || i || '@example.test' end
                  from generate_series(?, ?) i
                on conflict (owner_key) do nothing""").params(SURNAMES, GIVEN, existing + 1, size + size / 4).update();
        jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank, property_right)
                select h.id, o.id, 1, 'proprietaire-entier'
                  from generate_series(?, ?) i
                  join housing h on h.local_id = 'BX' || lpad(i::text, 10, '0')
                  join owner o on o.owner_key = 'bench-exports-' || i""").params(existing + 1, size).update();
        // every 4th dwelling has a second owner
        jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank, property_right)
                select h.id, o.id, 2, 'usufruitier'
                  from generate_series(?, ?) i
                  join housing h on h.local_id = 'BX' || lpad((i * 4)::text, 10, '0')
                  join owner o on o.owner_key = 'bench-exports-' || (? + i)""").params(existing / 4 + 1, size / 4, size).update();
        for (int[] every : new int[][] {{1}, {2}, {5}}) {
            long campaign = jdbc.sql("insert into campaign (establishment_id, title) values (?, ?) returning id")
                    .params(establishmentId, "Banc exports, un logement sur " + every[0]).query(Long.class).single();
            jdbc.sql("""
                    insert into campaign_housing (campaign_id, housing_id)
                    select ?, id from housing where local_id like 'BX%' and substr(local_id, 3)::bigint % ? = 0""")
                    .params(campaign, every[0]).update();
        }
        jdbc.sql("analyze housing; analyze owner; analyze ownership; analyze campaign_housing; analyze campaign").update();
        return true;
    }

    private static long group(JdbcClient jdbc, long establishmentId, int size) {
        long group = jdbc.sql("select id from housing_group where name = 'Banc exports BX'").query(Long.class).optional().orElse(0L);
        if (group > 0) {
            return group;
        }
        group = jdbc.sql("insert into housing_group (establishment_id, name, housing_count, owner_count) values (?, ?, ?, ?) returning id")
                .params(establishmentId, "Banc exports BX", size, size).query(Long.class).single();
        jdbc.sql("""
                insert into housing_group_housing (group_id, housing_id)
                select ?, id from housing where local_id like 'BX%' order by local_id limit ?""").params(group, size).update();
        jdbc.sql("analyze housing_group_housing").update();
        return group;
    }
    /** fastcsv alone, with the first sheet's header and first row (the CSV has the dwellings' columns). */
    private static long aloneCsv(ExportBaseline.SheetShape shape, Path target) throws Exception {
        List<String> headers = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int c = 0; c < shape.header().getCellCount(); c++) {
            headers.add(shape.header().getCellText(c));
            values.add(c < shape.sample().getCellCount() && shape.sample().getCell(c) != null ? shape.sample().getCellText(c) : "");
        }
        return ExportBaseline.writeCsv(headers, values, shape.rows(), target);
    }

    private ExportBenchmark() {
    }
}
