package fr.zlv.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.ZlvApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * With ZLV_DB_URL the product runs on an external PostgreSQL (here a second embedded instance known
 * only by its URL): the same migrations are applied there and nothing is started in the data folder.
 */
class ExternalDatabaseIntegrationTests {

    @TempDir
    Path unusedDataFolder;

    @Test
    void runsOnTheDatabaseGivenByUrl() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (var context = new SpringApplicationBuilder(ZlvApplication.class)
                    // command-line arguments: they win over application.yml, as environment variables do
                    .run("--zlv.db-url=" + url,
                            "--zlv.db-user=postgres",
                            "--zlv.db-password=",
                            "--zlv.data-dir=" + unusedDataFolder,
                            "--server.port=0")) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                var health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).contains("\"UP\"");
            }
            try (var db = DriverManager.getConnection(url, "postgres", "");
                 var rs = db.createStatement().executeQuery(
                         "select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
            }
            // demo data is off by default with an external database
            try (var db = DriverManager.getConnection(url, "postgres", "");
                 var rs = db.createStatement().executeQuery("select count(*) from establishment")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThat(unusedDataFolder.resolve("pg")).doesNotExist();
        }
    }
}
