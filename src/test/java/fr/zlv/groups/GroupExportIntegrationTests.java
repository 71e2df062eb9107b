package fr.zlv.groups;

import static fr.zlv.groups.GroupTestData.call;
import static fr.zlv.groups.GroupTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/** Group exports read back: the XLSX's two sheets and the CSV, row by row and column by column. */
@IntegrationTest
class GroupExportIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void theWorkbookHasOneRowPerDwellingAndOnePerOwnerAndTheCsvMatchesItsFirstSheet() throws Exception {
        var data = new GroupTestData(context);
        var agent = data.agentOf("Export Hautes-Alpes", Set.of("05001"));
        long h1 = data.housing("05001", cols("cadastral_reference", "05001000AB0012", "kind", "MAISON", "living_area", 82.5,
                "rooms", 4, "building_year", 1930, "vacancy_start_year", 2019, "status", 2,
                "sub_status", "En pré-accompagnement", "longitude", 6.93, "latitude", 44.78, "energy_label", "F",
                "address_dgfip", new String[] {"12 RUE DU TORRENT", "05460 ABRIES-RISTOLAS"}));
        long h2 = data.housing("05001", cols("kind", "APPART", "occupancy", "L"));
        long o1 = data.owner("ROUX/ÉLISE", cols("birth_date", LocalDate.of(1948, 3, 2), "kind_code", "particulier",
                "email", "elise.roux@example.test"));
        long o2 = data.owner("SCI DU QUEYRAS", cols("kind_code", "sci-copro"));
        data.ownership(h1, o1, 1);
        data.ownership(h1, o2, 2);
        data.ownership(h2, o2, 1);
        var created = json.readTree(new String(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Queyras été\", \"housingIds\": [" + h1 + ", " + h2 + "]}").body(), StandardCharsets.UTF_8));
        long id = created.get("group").get("id").asLong();

        var xlsx = call(port, agent.token(), "GET", "/api/v1/groups/" + id + "/export.xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
        List<String> headers;
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Logements", "Propriétaires");
            List<Row> rows = sheets.get(0).read();
            assertThat(rows).hasSize(3);
            headers = texts(rows.get(0));
            assertThat(headers).startsWith("Identifiant ZLV", "Identifiant fiscal national")
                    .contains("Référence cadastrale", "Code INSEE de la commune", "Adresse LOVAC", "Adresse BAN",
                            "Fiabilité de l'adresse BAN", "Longitude", "Latitude", "Étiquette DPE", "Date du DPE",
                            "Surface (m²)", "Nombre de pièces", "Année de construction", "Occupation",
                            "Année de début de vacance", "Statut de suivi", "Sous-statut de suivi", "Précisions",
                            "Propriétaire principal", "Date de naissance du propriétaire");
            assertThat(headers.indexOf("Propriétaire principal")).isGreaterThan(headers.indexOf("Précisions"));
            Row first = rows.get(1);
            assertThat(cell(first, headers, "Identifiant fiscal national")).isEqualTo(data.localId(h1));
            assertThat(cell(first, headers, "Référence cadastrale")).isEqualTo("05001000AB0012");
            assertThat(cell(first, headers, "Code INSEE de la commune")).isEqualTo("05001");
            assertThat(cell(first, headers, "Adresse LOVAC")).isEqualTo("12 RUE DU TORRENT 05460 ABRIES-RISTOLAS");
            assertThat(cell(first, headers, "Type de logement")).isEqualTo("Maison");
            assertThat(cell(first, headers, "Étiquette DPE")).isEqualTo("F");
            assertThat(cell(first, headers, "Surface (m²)")).isEqualTo("82.5");
            assertThat(cell(first, headers, "Occupation")).isEqualTo("Vacant");
            assertThat(cell(first, headers, "Statut de suivi")).isEqualTo("Premier contact");
            assertThat(cell(first, headers, "Sous-statut de suivi")).isEqualTo("En pré-accompagnement");
            assertThat(cell(first, headers, "Propriétaire principal")).isEqualTo("ROUX/ÉLISE");
            assertThat(cell(first, headers, "Courriel du propriétaire")).isEqualTo("elise.roux@example.test");
            assertThat(cell(first, headers, "Nombre de propriétaires")).isEqualTo("2");
            assertThat(first.getCellAsDate(headers.indexOf("Date de naissance du propriétaire")))
                    .hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(1948, 3, 2)));
            Row second = rows.get(2);
            assertThat(cell(second, headers, "Occupation")).isEqualTo("En location");
            assertThat(cell(second, headers, "Propriétaire principal")).isEqualTo("SCI DU QUEYRAS");

            List<Row> owners = sheets.get(1).read();
            assertThat(owners).hasSize(3);
            List<String> ownerHeaders = texts(owners.get(0));
            assertThat(owners.subList(1, 3)).extracting(r -> cell(r, ownerHeaders, "Nom")).containsExactly("ROUX/ÉLISE", "SCI DU QUEYRAS");
            assertThat(cell(owners.get(2), ownerHeaders, "Nombre de logements du groupe")).isEqualTo("2");
            assertThat(cell(owners.get(2), ownerHeaders, "Type de propriétaire")).isEqualTo("SCI, Copropriété, Autres personnes morales");
        }

        var csv = call(port, agent.token(), "GET", "/api/v1/groups/" + id + "/export.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] bytes = csv.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> lines = new java.io.BufferedReader(new StringReader(text)).lines()
                .map(l -> Arrays.asList(l.split(";", -1))).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(headers);
        assertThat(lines.get(1).get(headers.indexOf("Surface (m²)"))).isEqualTo("82,5");
        assertThat(lines.get(1).get(headers.indexOf("Date de naissance du propriétaire"))).isEqualTo("02/03/1948");
        assertThat(lines.get(2).get(headers.indexOf("Occupation"))).isEqualTo("En location");
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
