package fr.zlv.territory;

import fr.zlv.territory.ReferenceLoadReport.FileReport;
import fr.zlv.territory.ReferenceParser.ParsedFile;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes parsed reference files set-based: COPY into temporary tables, drop the rows whose code is
 * unknown to the other lists (counted as skipped), then update only the rows whose values differ
 * ({@code IS DISTINCT FROM}), insert the new ones and delete the ones gone. Must run inside the
 * caller's transaction, so that a failure leaves the database as it was.
 */
@Component
class ReferenceDataWriter {

    /** Serialises concurrent loads (a server start and a command-line run on the same database). */
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataWriter.class);

    private static final long LOCK_KEY = 0x5A4C565245464CL;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EstablishmentPerimeters perimeters;

    ReferenceDataWriter(JdbcClient jdbc, DataSource dataSource, EstablishmentPerimeters perimeters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.perimeters = perimeters;
    }

    private static final class Counts {
        int read;
        int inserted;
        int updated;
        int skipped;
        int deleted;
    }

    List<FileReport> write(List<ParsedFile> files) {
        // waits for another load (and for the locks it needs) as long as it takes
        jdbc.sql("set local lock_timeout = 0").update();
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
        Map<ReferenceFile, Counts> counts = new EnumMap<>(ReferenceFile.class);
        long start = System.nanoTime();
        for (ParsedFile parsed : files) {
            copyToTemporaryTable(parsed);
            counts.computeIfAbsent(parsed.file(), f -> new Counts()).read = parsed.rows().size();
        }
        start = logStep("copy", start);
        skipUnknownCodes(counts);
        start = logStep("skip", start);
        upsertAll(counts);
        start = logStep("upsert", start);
        deleteGoneAttributes(counts);
        start = logStep("delete attributes", start);
        // derived perimeters follow the new geography before stale communes can be deleted
        perimeters.refreshAll();
        start = logStep("perimeters", start);
        deleteGoneGeography(counts);
        logStep("delete geography", start);
        return counts.entrySet().stream().map(e -> {
            Counts c = e.getValue();
            return new FileReport(e.getKey().fileName, c.read, c.inserted, c.updated,
                    c.read - c.skipped - c.inserted - c.updated, c.skipped, c.deleted);
        }).toList();
    }

    private static long logStep(String step, long since) {
        long now = System.nanoTime();
        log.debug("Reference load step '{}' took {} ms", step, (now - since) / 1_000_000);
        return now;
    }

    private void copyToTemporaryTable(ParsedFile parsed) {
        ReferenceFile file = parsed.file();
        String columns = file.columns.stream().map(ReferenceFile.Column::name).collect(Collectors.joining(", "));
        String definitions = file.columns.stream()
                .map(c -> c.name() + " " + c.type().sqlType + (c.type() == ReferenceFile.Type.KEY ? " primary key" : ""))
                .collect(Collectors.joining(", "));
        jdbc.sql("create temporary table " + file.tempTable + " (" + definitions + ") on commit drop").update();
        var text = new StringBuilder(parsed.rows().size() * 64);
        for (String[] row : parsed.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendCopyValue(text, row[i]);
            }
            text.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + file.tempTable + " (" + columns + ") from stdin", new StringReader(text.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("COPY of " + file.fileName + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // temporary tables get no statistics otherwise, and the planner then picks nested loops
        jdbc.sql("analyze " + file.tempTable).update();
    }

    /** COPY text format: \N is null; backslash, tab and line breaks are escaped. */
    private static void appendCopyValue(StringBuilder text, String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** The lists come from different years: rows pointing to a code absent from the parent list are skipped. */
    private void skipUnknownCodes(Map<ReferenceFile, Counts> counts) {
        skip(counts, ReferenceFile.DEPARTEMENTS, """
                delete from tmp_departement s where not exists (select 1 from tmp_region r where r.code = s.region)""");
        skip(counts, ReferenceFile.COMMUNES, """
                delete from tmp_commune s
                 where not exists (select 1 from tmp_departement d where d.code = s.departement)
                    or not exists (select 1 from tmp_region r where r.code = s.region)
                    or (s.epci_siren is not null and not exists (select 1 from tmp_epci e where e.siren = s.epci_siren))""");
        skip(counts, ReferenceFile.ARRONDISSEMENTS, """
                delete from tmp_arrondissement s where not exists (select 1 from tmp_commune c where c.code = s.commune)""");
        for (ReferenceFile file : List.of(ReferenceFile.PROGRAMMES, ReferenceFile.ZONAGE_ABC, ReferenceFile.CENTROIDS)) {
            skip(counts, file, "delete from " + file.tempTable
                    + " s where not exists (select 1 from tmp_commune c where c.code = s.code)");
        }
        // a tax row may name an arrondissement (Paris, Lyon, Marseille) or a commune
        jdbc.sql("alter table tmp_vacancy_tax add column commune_code text").update();
        jdbc.sql("""
                update tmp_vacancy_tax s
                   set commune_code = coalesce((select a.commune from tmp_arrondissement a where a.code = s.code),
                                               (select c.code from tmp_commune c where c.code = s.code))""").update();
        skip(counts, ReferenceFile.VACANCY_TAX, "delete from tmp_vacancy_tax where commune_code is null");
        skip(counts, ReferenceFile.CONTOURS, """
                delete from tmp_contour s where not exists (select 1 from tmp_departement d where d.code = s.code)""");
    }

    private void skip(Map<ReferenceFile, Counts> counts, ReferenceFile file, String sql) {
        counts.get(file).skipped = jdbc.sql(sql).update();
    }

    private void upsertAll(Map<ReferenceFile, Counts> counts) {
        upsert(counts.get(ReferenceFile.REGIONS), "region", "code", "tmp_region", "code",
                List.of("name", "zone"), List.of("name", "zone"));
        upsert(counts.get(ReferenceFile.DEPARTEMENTS), "departement", "code", "tmp_departement", "code",
                List.of("name", "region", "zone"), List.of("name", "region", "zone"));
        upsert(counts.get(ReferenceFile.EPCI), "epci", "siren", "tmp_epci", "siren",
                List.of("name", "kind", "population"), List.of("name", "kind", "population"));
        List<String> communeColumns = List.of("name", "zone", "departement", "region", "epci_siren", "siren",
                "population", "postal_codes");
        Counts centroids = counts.get(ReferenceFile.CENTROIDS);
        // new communes get their centre as they are inserted: a second pass would rewrite every row and index entry
        int centresOfNewCommunes = jdbc.sql("""
                select count(*) from tmp_centroid s where not exists (select 1 from commune c where c.code = s.code)""")
                .query(Integer.class).single();
        upsert(counts.get(ReferenceFile.COMMUNES), "commune", "code",
                "(select t.*, s.longitude, s.latitude from tmp_commune t left join tmp_centroid s on s.code = t.code)", "code",
                communeColumns, communeColumns, List.of("longitude", "latitude"));
        upsert(counts.get(ReferenceFile.ARRONDISSEMENTS), "arrondissement", "code", "tmp_arrondissement", "code",
                List.of("name", "commune", "population"), List.of("name", "commune", "population"));
        upsert(counts.get(ReferenceFile.PROGRAMMES), "commune_programme", "commune_code", "tmp_programme", "code",
                List.of("acv", "pvd", "ort"), List.of("acv", "pvd", "ort"));
        upsert(counts.get(ReferenceFile.VACANCY_TAX), "vacancy_tax", "code", "tmp_vacancy_tax", "code",
                List.of("commune_code", "tax_kind", "rate_percent"), List.of("commune_code", "tax_kind", "tax_rate_percent"));
        upsert(counts.get(ReferenceFile.ZONAGE_ABC), "zonage_abc", "commune_code", "tmp_zonage_abc", "code",
                List.of("zone"), List.of("zone"));
        upsert(counts.get(ReferenceFile.CONTOURS), "departement_contour", "code", "tmp_contour", "code",
                List.of("geometry"), List.of("geometry"));
        centroids.updated = jdbc.sql("""
                update commune c set longitude = s.longitude, latitude = s.latitude
                  from tmp_centroid s
                 where c.code = s.code and (c.longitude is not null or c.latitude is not null)
                   and row(c.longitude, c.latitude) is distinct from row(s.longitude, s.latitude)""").update();
        centroids.inserted = jdbc.sql("""
                update commune c set longitude = s.longitude, latitude = s.latitude
                  from tmp_centroid s
                 where c.code = s.code and c.longitude is null and c.latitude is null""").update()
                + centresOfNewCommunes;
    }

    /**
     * Updates the rows whose values differ, then inserts the missing ones.
     *
     * @param targetColumns the table's columns besides the key
     * @param sourceColumns the temporary table's columns feeding them, in the same order
     */
    private void upsert(Counts counts, String table, String key, String source, String sourceKey,
                        List<String> targetColumns, List<String> sourceColumns) {
        upsert(counts, table, key, source, sourceKey, targetColumns, sourceColumns, List.of());
    }

    /** @param insertOnlyColumns columns of the same name on both sides that are set on insert only */
    private void upsert(Counts counts, String table, String key, String source, String sourceKey,
                        List<String> targetColumns, List<String> sourceColumns, List<String> insertOnlyColumns) {
        String insertOnly = insertOnlyColumns.stream().map(c -> ", " + c).collect(Collectors.joining());
        String insertOnlySources = insertOnlyColumns.stream().map(c -> ", s." + c).collect(Collectors.joining());
        String targets = String.join(", ", targetColumns);
        String sources = sourceColumns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String current = targetColumns.stream().map(c -> "t." + c).collect(Collectors.joining(", "));
        counts.updated = jdbc.sql("update " + table + " t set (" + targets + ") = row(" + sources + ") from " + source
                + " s where t." + key + " = s." + sourceKey
                + " and row(" + current + ") is distinct from row(" + sources + ")").update();
        counts.inserted = jdbc.sql("insert into " + table + " (" + key + ", " + targets + insertOnly + ") select s."
                + sourceKey + ", " + sources + insertOnlySources + " from " + source + " s where not exists (select 1 from " + table + " t where t." + key
                + " = s." + sourceKey + ")").update();
    }

    private void deleteGoneAttributes(Map<ReferenceFile, Counts> counts) {
        counts.get(ReferenceFile.PROGRAMMES).deleted = deleteGone("commune_programme", "commune_code", "tmp_programme", "code", "");
        counts.get(ReferenceFile.VACANCY_TAX).deleted = deleteGone("vacancy_tax", "code", "tmp_vacancy_tax", "code", "");
        counts.get(ReferenceFile.ZONAGE_ABC).deleted = deleteGone("zonage_abc", "commune_code", "tmp_zonage_abc", "code", "");
        counts.get(ReferenceFile.CONTOURS).deleted = deleteGone("departement_contour", "code", "tmp_contour", "code", "");
        counts.get(ReferenceFile.CENTROIDS).deleted = jdbc.sql("""
                update commune c set longitude = null, latitude = null
                 where (c.longitude is not null or c.latitude is not null)
                   and not exists (select 1 from tmp_centroid s where s.code = c.code)""").update();
    }

    /** Communes still in a hand-made perimeter are kept (the admin has to fix the perimeter first). */
    private void deleteGoneGeography(Map<ReferenceFile, Counts> counts) {
        counts.get(ReferenceFile.ARRONDISSEMENTS).deleted = deleteGone("arrondissement", "code", "tmp_arrondissement", "code", "");
        counts.get(ReferenceFile.COMMUNES).deleted = deleteGone("commune", "code", "tmp_commune", "code", """
                and not exists (select 1 from establishment_commune ec where ec.commune_code = t.code)
                and not exists (select 1 from arrondissement a where a.commune = t.code)
                and not exists (select 1 from vacancy_tax v where v.commune_code = t.code)""");
        counts.get(ReferenceFile.EPCI).deleted = deleteGone("epci", "siren", "tmp_epci", "siren",
                "and not exists (select 1 from commune c where c.epci_siren = t.siren)");
        counts.get(ReferenceFile.DEPARTEMENTS).deleted = deleteGone("departement", "code", "tmp_departement", "code",
                "and not exists (select 1 from commune c where c.departement = t.code)"
                        + " and not exists (select 1 from departement_contour dc where dc.code = t.code)");
        counts.get(ReferenceFile.REGIONS).deleted = deleteGone("region", "code", "tmp_region", "code",
                "and not exists (select 1 from commune c where c.region = t.code)"
                        + " and not exists (select 1 from departement d where d.region = t.code)");
    }

    private int deleteGone(String table, String key, String source, String sourceKey, String guard) {
        return jdbc.sql("delete from " + table + " t where not exists (select 1 from " + source + " s where s."
                + sourceKey + " = t." + key + ") " + guard).update();
    }
}
