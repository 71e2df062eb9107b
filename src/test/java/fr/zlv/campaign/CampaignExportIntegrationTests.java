package fr.zlv.campaign;

import static fr.zlv.campaign.CampaignTestData.call;
import static fr.zlv.campaign.CampaignTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Campaign exports read back (the group export's sheets and columns), and the "Campagnes" column in
 * both campaign and group exports: the titles of the exporting establishment's campaigns only.
 */
@IntegrationTest
class CampaignExportIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void theWorkbookAndTheCsvListTheRecipientsWithTheirCampaigns() throws Exception {
        var data = new CampaignTestData(context);
        var agent = data.agentOf("Export campagnes", Set.of("05003"));
        var other = data.agentOf("Export campagnes autre", Set.of("05003"));
        long h1 = data.housing("05003", cols("address_dgfip", new String[] {"3 RUE DE LA POSTE", "05470 AIGUILLES"}));
        long h2 = data.housing("05003", cols("occupancy", "L"));
        long o1 = data.owner("BLANC/CÉCILE", cols("kind_code", "particulier"));
        long o2 = data.owner("SCI DES ÉCRINS", cols("kind_code", "sci-copro"));
        data.ownership(h1, o1, 1);
        data.ownership(h2, o2, 1);
        data.ownership(h1, o2, 2);
        long first = create(agent, "Printemps", List.of(h1, h2));
        create(agent, "Automne", List.of(h1));
        create(other, "Secret d'un autre", List.of(h1));

        var xlsx = call(port, agent.token(), "GET", "/api/v1/campaigns/" + first + "/export.xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("campagne-Printemps");
        List<String> headers;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Logements", "Propriétaires");
            List<Row> rows = sheets.get(0).read();
            assertThat(rows).hasSize(3);
            headers = texts(rows.get(0));
            assertThat(headers).contains("Campagnes", "Adresse LOVAC", "Propriétaire principal");
            assertThat(cell(rows.get(1), headers, "Identifiant ZLV")).isEqualTo(String.valueOf(h1));
            assertThat(cell(rows.get(1), headers, "Campagnes")).isEqualTo("Printemps, Automne");
            assertThat(cell(rows.get(1), headers, "Adresse LOVAC")).isEqualTo("3 RUE DE LA POSTE 05470 AIGUILLES");
            assertThat(cell(rows.get(1), headers, "Statut de suivi")).isEqualTo("Non suivi");
            assertThat(cell(rows.get(2), headers, "Campagnes")).isEqualTo("Printemps");
            List<Row> owners = sheets.get(1).read();
            List<String> ownerHeaders = texts(owners.get(0));
            assertThat(owners.subList(1, owners.size())).extracting(r -> cell(r, ownerHeaders, "Nom"))
                    .containsExactly("BLANC/CÉCILE", "SCI DES ÉCRINS");
            assertThat(cell(owners.get(2), ownerHeaders, "Nombre de logements de la campagne")).isEqualTo("2");
        }

        var csv = call(port, agent.token(), "GET", "/api/v1/campaigns/" + first + "/export.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] bytes = csv.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> lines = new java.io.BufferedReader(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)))
                .lines().map(l -> Arrays.asList(l.split(";", -1))).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(headers);
        assertThat(lines.get(1).get(headers.indexOf("Campagnes"))).isEqualTo("Printemps, Automne");
        assertThat(lines.get(2).get(headers.indexOf("Occupation"))).isEqualTo("En location");

        // a group export has the same column
        long group = json.readTree(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Aiguilles\", \"housingIds\": [" + h1 + "]}").body()).get("group").get("id").asLong();
        var groupCsv = new String(call(port, agent.token(), "GET", "/api/v1/groups/" + group + "/export.csv", null).body(),
                StandardCharsets.UTF_8);
        assertThat(groupCsv).contains(";Campagnes;").contains("Printemps, Automne").doesNotContain("Secret d'un autre");

        // each export is in the personal-data log
        assertThat(jdbc.sql("select count(*) from personal_data_access where subject_kind = 'campaign' and subject_id = ?")
                .param(String.valueOf(first)).query(Integer.class).single()).isEqualTo(2);
    }

    private long create(CampaignTestData.Agent agent, String title, List<Long> ids) throws Exception {
        var response = call(port, agent.token(), "POST", "/api/v1/campaigns", "{\"title\": \"" + title + "\", \"housingIds\": " + ids + "}");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(response.body()).get("campaign").get("id").asLong();
    }

    private static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }

    private static String cell(Row row, List<String> headers, String header) {
        int index = headers.indexOf(header);
        assertThat(index).as(header).isNotNegative();
        return row.getOptionalCell(index).map(org.dhatim.fastexcel.reader.Cell::getText).orElse(null);
    }
}
