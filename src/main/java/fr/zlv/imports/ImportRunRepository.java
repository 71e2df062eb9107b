package fr.zlv.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import runs, and the reference geography the importer resolves codes against. */
@Repository
class ImportRunRepository {

    private final JdbcClient jdbc;

    ImportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String startedBy, String fileName, long fileSize, int millesime, boolean all) {
        return jdbc.sql("""
                insert into import_run (started_by, file_name, file_size, millesime, all_durations, status)
                values (:by, :file, :size, :m, :all, 'running') returning id""")
                .param("by", startedBy).param("file", fileName).param("size", fileSize).param("m", millesime)
                .param("all", all).query(Long.class).single();
    }

    void finish(long id, String status, String message, String reportJson, long durationMs, String rejectsPath) {
        jdbc.sql("""
                update import_run set status = :status, message = :message, report = cast(:report as jsonb),
                       duration_ms = :duration, rejects_path = :rejects, finished_at = now()
                 where id = :id""")
                .param("status", status).param("message", message).param("report", reportJson)
                .param("duration", durationMs).param("rejects", rejectsPath).param("id", id).update();
    }

    /** Runs left "running" by a process that died: only called while holding the import lock. */
    void markInterrupted(long currentId) {
        jdbc.sql("""
                update import_run set status = 'failed', message = 'Import interrompu (arrêt du serveur) : rien n''a été importé.',
                       finished_at = coalesce(finished_at, now())
                 where status = 'running' and id <> :id""").param("id", currentId).update();
    }

    List<ImportRunView> list(int limit) {
        return jdbc.sql("select * from import_run order by started_at desc, id desc limit :limit")
                .param("limit", limit).query(ImportRunRepository::map).list();
    }

    Optional<ImportRunView> find(long id) {
        return jdbc.sql("select * from import_run where id = :id").param("id", id).query(ImportRunRepository::map).optional();
    }

    Optional<String> rejectsPath(long id) {
        return jdbc.sql("select rejects_path from import_run where id = :id").param("id", id)
                .query(String.class).optional();
    }

    CommuneDirectory communes() {
        Map<String, String[]> entries = jdbc.sql("""
                select c.code, c.code as commune, c.departement from commune c
                union all
                select a.code, a.commune, c.departement from arrondissement a join commune c on c.code = a.commune""")
                .query((rs, n) -> Map.entry(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        return new CommuneDirectory(entries);
    }

    private static ImportRunView map(ResultSet rs, int n) throws SQLException {
        String report = rs.getString("report");
        return new ImportRunView(rs.getLong("id"), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("file_name"), (Long) rs.getObject("file_size"), rs.getInt("millesime"),
                rs.getBoolean("all_durations"), rs.getString("status"), rs.getString("message"),
                report == null ? null : ImportReport.fromJson(report), (Long) rs.getObject("duration_ms"),
                rs.getString("rejects_path") != null);
    }
}
