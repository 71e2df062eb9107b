package fr.zlv.groups;

import static fr.zlv.groups.GroupTestData.call;
import static fr.zlv.groups.GroupTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The cells that the export computes from several rows of other tables — campaigns, owners, precisions —
 * for a dwelling that has many of them, and texts with white space at their ends: the same in the
 * workbook and in the CSV, whatever the export does to be fast (campaign titles looked up per export,
 * texts written inline in the sheet).
 */
@IntegrationTest
class GroupExportCellsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void aDwellingWithSeveralCampaignsOwnersAndPrecisionsExportsTheSameCellsInBothFiles() throws Exception {
        var data = new GroupTestData(context);
        var agent = data.agentOf("Export cellules", Set.of("05004"));
        var other = data.agentOf("Export cellules autre", Set.of("05004"));
        long busy = data.housing("05004", cols("precisions", new String[] {"blocage-involontaire/succession-en-cours",
                "dispositifs-incitatifs/ma-prime-renov", "code/inconnu"}));
        long quiet = data.housing("05004", cols("sub_status", "  en attente  "));
        long second = data.owner("ARNAUD/PAUL", cols("additional_address", "  BP 12 "));
        long first = data.owner("ARNAUD/LUCIE", cols());
        long secondary = data.owner("ARNAUD/JEANNE", cols());
        long previous = data.owner("ANCIEN/PROPRIÉTAIRE", cols());
        // two rank-1 owners: the one with the smaller id is the primary owner
        data.ownership(busy, Math.min(first, second), 1);
        data.ownership(busy, Math.max(first, second), 1);
        data.ownership(busy, secondary, 2);
        data.ownership(busy, previous, 0);
        data.ownership(quiet, second, 1);
        long establishment = agent.establishment().id();
        // three campaigns of the establishment: "Été" and "Hiver, relance" made at the same instant (ordered by id),
        // "Automne" earlier; another establishment's campaign holds the dwelling too
        long autumn = campaign(establishment, "Automne", "2025-09-01T10:00:00Z");
        long summer = campaign(establishment, "Été", "2026-06-01T10:00:00Z");
        long winter = campaign(establishment, "Hiver, relance", "2026-06-01T10:00:00Z");
        long foreign = campaign(other.establishment().id(), "Secret d'un autre", "2024-01-01T10:00:00Z");
        for (long campaign : List.of(winter, foreign, summer, autumn)) {
            jdbc.sql("insert into campaign_housing (campaign_id, housing_id) values (?, ?)").params(campaign, busy).update();
        }
        long group = json.readTree(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Cellules\", \"housingIds\": [" + busy + ", " + quiet + "]}").body()).get("group").get("id").asLong();

        String primary = first < second ? "ARNAUD/LUCIE" : "ARNAUD/PAUL";
        Map<String, String> busyCells = Map.of(
                "Campagnes", "Automne, Été, Hiver, relance",
                "Précisions", "Succession en cours ; Ma Prime Renov ; code/inconnu",
                "Propriétaire principal", primary,
                "Nombre de propriétaires", "3");
        Map<String, String> quietCells = Map.of(
                "Campagnes", "",
                "Sous-statut de suivi", "  en attente  ",
                "Adresse complémentaire du propriétaire", "  BP 12 ",
                "Nombre de propriétaires", "1");

        var xlsx = call(port, agent.token(), "GET", "/api/v1/groups/" + group + "/export.xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            List<String> headers = rows.get(0).stream().map(Cell::getText).toList();
            assertThat(cells(rows.get(1), headers, busyCells.keySet())).isEqualTo(busyCells);
            assertThat(cells(rows.get(2), headers, quietCells.keySet())).isEqualTo(quietCells);
        }

        var csv = call(port, agent.token(), "GET", "/api/v1/groups/" + group + "/export.csv", null);
        byte[] bytes = csv.body();
        List<List<String>> lines = new java.io.BufferedReader(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)))
                .lines().map(ExportCsv::fields).toList();
        assertThat(lines).hasSize(3);
        List<String> headers = lines.get(0);
        assertThat(pick(lines.get(1), headers, busyCells.keySet())).isEqualTo(busyCells);
        assertThat(pick(lines.get(2), headers, quietCells.keySet())).isEqualTo(quietCells);
    }

    private long campaign(long establishmentId, String title, String createdAt) {
        return jdbc.sql("insert into campaign (establishment_id, title, created_at) values (?, ?, ?::timestamptz) returning id")
                .params(establishmentId, title, createdAt).query(Long.class).single();
    }

    private static Map<String, String> cells(Row row, List<String> headers, Set<String> wanted) {
        return wanted.stream().collect(Collectors.toMap(h -> h, h -> row.getOptionalCell(headers.indexOf(h)).map(Cell::getText).orElse("")));
    }

    private static Map<String, String> pick(List<String> line, List<String> headers, Set<String> wanted) {
        return wanted.stream().collect(Collectors.toMap(h -> h, h -> line.get(headers.indexOf(h))));
    }

    /** The fields of a CSV line as fastcsv writes them (quoted when they hold the separator or a quote). */
    private static final class ExportCsv {
        static List<String> fields(String line) {
            var reader = de.siegmar.fastcsv.reader.CsvReader.builder().fieldSeparator(';').ofCsvRecord(line);
            return reader.stream().findFirst().orElseThrow().getFields();
        }
    }
}
