package fr.zlv.targeting;

import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.date;
import static fr.zlv.targeting.TargetingTestData.lines;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.Role;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every filter, search, combinations, errors and scope of {@code /api/v1/housings}, over HTTP with an
 * agent's token, on eight hand-built dwellings h1…h8 (Lyon and its arrondissements, Villeurbanne,
 * Ambérieu-en-Bugey: ACV and ORT, Berre-l'Étang: PVD) whose expected answers are known.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HousingSearchIntegrationTests {

    static final Set<String> COMMUNES = Set.of("69123", "69266", "01004", "13014");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    HousingSearch search;

    final ObjectMapper json = new ObjectMapper();
    TargetingTestData data;
    TargetingTestData.Agent agent;
    TargetingTestData.Agent rennes;
    /** Housing id → h1…h8 (and "rennes"). */
    final Map<Long, String> names = new LinkedHashMap<>();
    long perimeter;
    long perimeterOfRennes;

    @BeforeAll
    void dataset() {
        data = new TargetingTestData(context);
        agent = data.agentOf("Ciblage Lyon", COMMUNES);
        rennes = data.agentOf("Ciblage Rennes", Set.of("35238"));

        data.building("TGT-B1", 3, 1, null);
        data.building("TGT-B2", 10, 9, "C");
        data.building("TGT-B3", 25, 12, null);
        data.building("TGT-B5", null, null, null);
        data.building("TGT-B6", 60, 50, null);
        data.building("TGT-B8", 4, 0, null);

        long h1 = house("h1", "TGT000000001", "69123", cols("geo_code", "69381", "kind", "MAISON", "living_area", new BigDecimal("30"),
                "rooms", 1, "building_year", 1900, "vacancy_start_year", 2023, "status", 0, "occupancy", "V",
                "data_file_years", lines("lovac-2024", "lovac-2025"), "taxed", true, "cadastral_classification", 1,
                "mutation_type", "Vente", "mutation_date", date(2024, 3, 1), "beneficiary_count", 1, "energy_label", "A",
                "building_id", "TGT-B1", "priority_score", 90, "address_dgfip", lines("0010 RUE VICTOR HUGO", "69002 LYON"),
                "longitude", 4.8357, "latitude", 45.764));
        long h2 = house("h2", "TGT000000002", "69123", cols("geo_code", "69382", "kind", "APPART", "living_area", new BigDecimal("50"),
                "rooms", 2, "building_year", 1930, "vacancy_start_year", 2022, "status", 1, "occupancy", "L",
                "data_file_years", lines("lovac-2025"), "taxed", false, "cadastral_classification", 2, "condominium", "CL",
                "mutation_date", date(2018, 5, 1), "beneficiary_count", 2, "building_id", "TGT-B2", "priority_score", 40,
                "longitude", 4.83, "latitude", 45.75));
        long h3 = house("h3", "TGT000000003", "69266", cols("kind", "APPART", "living_area", new BigDecimal("80"), "rooms", 3,
                "building_year", 1950, "vacancy_start_year", 2021, "status", 2, "sub_status", "Intérêt potentiel / En réflexion",
                "occupancy", "B", "data_file_years", lines("lovac-2025"),
                "precisions", lines("dispositifs-incitatifs/dispositif-fiscal"), "cadastral_classification", 3,
                "condominium", "BND", "mutation_type", "Vente", "mutation_date", date(2012, 1, 1), "beneficiary_count", 3,
                "energy_label", "G", "building_id", "TGT-B3", "longitude", 4.88, "latitude", 45.77));
        long h4 = house("h4", "TGT000000004", "01004", cols("invariant", "TGTINV0004", "kind", "MAISON",
                "living_area", new BigDecimal("120"), "rooms", 6, "building_year", 1995, "vacancy_start_year", 2019, "status", 3,
                "sub_status", "En accompagnement", "occupancy", "P", "data_file_years", lines("lovac-2024"), "taxed", true,
                "cadastral_classification", 8, "mutation_type", "Vente", "mutation_date", date(2005, 6, 1),
                "beneficiary_count", 6, "priority_score", 10, "longitude", 5.36, "latitude", 45.96));
        long h5 = house("h5", "TGT000000005", "13014", cols("status", 4, "sub_status", "Sortie de la vacance", "occupancy", "inconnu",
                "taxed", false, "building_id", "TGT-B5", "priority_score", 55));
        long h6 = house("h6", "TGT000000006", "69123", cols("geo_code", "69383", "kind", "APPART", "living_area", new BigDecimal("35"),
                "rooms", 4, "building_year", 1919, "vacancy_start_year", 2016, "status", 5, "sub_status", "Tiers en cause",
                "occupancy", "RS", "data_file_years", lines("lovac-2025"),
                "precisions", lines("tiers-en-cause/expertise-judiciaire", "travaux/en-cours"), "taxed", true,
                "cadastral_classification", 5, "condominium", "CV", "mutation_type", "Donation", "mutation_date", date(2023, 2, 1),
                "beneficiary_count", 0, "energy_label", "E", "building_id", "TGT-B6", "priority_score", 70));
        long h7 = house("h7", "TGT000000007", "69266", cols("kind", "MAISON", "living_area", new BigDecimal("100"), "rooms", 5,
                "building_year", 1991, "vacancy_start_year", 2009, "status", 0, "occupancy", "V",
                "data_file_years", lines("lovac-2025"), "cadastral_classification", 4, "condominium", "",
                "mutation_type", "Vente", "mutation_date", date(2021, 9, 1), "beneficiary_count", 4, "energy_label", "B",
                "priority_score", 20, "address_dgfip", lines("8 RUE DE LA RÉPUBLIQUE", "69100 VILLEURBANNE")));
        long h8 = house("h8", "TGT000000008", "69123", cols("geo_code", "69381", "cadastral_reference", "TGT000AB0123",
                "kind", "APPART", "living_area", new BigDecimal("75"), "rooms", 2, "building_year", 1946,
                "vacancy_start_year", 2020, "status", 0, "occupancy", "A", "data_file_years", lines("ff-2024"), "taxed", false,
                "cadastral_classification", 6, "building_id", "TGT-B8", "priority_score", 0));
        long outside = house("rennes", "TGT000000099", "35238", cols("kind", "MAISON", "status", 0, "occupancy", "V",
                "data_file_years", lines("lovac-2025"), "longitude", -1.68, "latitude", 48.11));

        long o1 = data.owner("DUPONT/JEAN-ÉRIC", cols("birth_date", date(1990, 1, 1), "kind_code", "particulier",
                "address_dgfip", lines("12 RUE DE LA RÉPUBLIQUE", "69001 LYON")));
        long o2 = data.owner("SCI LES TILLEULS", cols("kind_code", "sci-copro", "multi_owner", true,
                "administrator", "MAÎTRE ÉLODIE GARÇON"));
        long o3 = data.owner("MARTIN ÉMILIE", cols("birth_date", date(1960, 4, 2), "kind_code", "promoteur",
                "address_dgfip", lines("5 AVENUE FOCH", "75016 PARIS")));
        long o4 = data.owner("BERNARD PAUL", cols("birth_date", date(1940, 1, 1), "kind_code", "etat-collectivite", "multi_owner", true));
        long o6 = data.owner("LEFÈVRE/ANNE", cols("birth_date", date(1925, 1, 1), "kind_code", "bailleur-social"));
        long o7 = data.owner("ROUX CLAIRE", cols("birth_date", date(1970, 1, 1), "address_dgfip", lines("3 PLACE BELLECOUR", "69002 LYON")));
        long o8 = data.owner("PETIT LUC", cols("birth_date", date(2000, 1, 1), "kind_code", "autres"));
        long oRennes = data.owner("DUPONT JEAN", cols("birth_date", date(1980, 1, 1), "kind_code", "particulier"));
        data.ownership(h1, o1, 1, "same-commune");
        data.ownership(h2, o2, 1, null);
        data.ownership(h3, o3, 1, "other-region");
        data.ownership(h4, o4, 1, "foreign-country");
        data.ownership(h6, o6, 1, "same-address");
        data.ownership(h6, o1, 2, "same-commune");
        data.ownership(h7, o7, 1, "same-department");
        data.ownership(h8, o8, 1, "overseas");
        data.ownership(h8, o3, 0, "other-region");
        data.ownership(outside, oRennes, 1, "same-commune");

        perimeter = data.perimeter(agent.establishment().id(), "Centre", List.of(h1, h3));
        perimeterOfRennes = data.perimeter(rennes.establishment().id(), "Rennes centre", List.of(outside));
    }

    private long house(String name, String localId, String commune, Map<String, Object> columns) {
        long id = data.housing(localId, commune, columns);
        names.put(id, name);
        return id;
    }

    // ---- one test per filter -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dataFileYearsIncluded     | lovac-2024               | h1 h4
            dataFileYearsIncluded     | lovac-2025               | h1 h2 h3 h6 h7
            dataFileYearsIncluded     | null                     | h5
            dataFileYearsExcluded     | lovac-2025               | h4 h5 h8
            occupancies               | V                        | h1 h7
            occupancies               | inconnu                  | h5
            occupancies               | V,null                   | h1 h5 h7
            vacancyYears              | 2023                     | h1
            vacancyYears              | 2022,2021                | h2 h3
            vacancyYears              | 2018to2015               | h6
            vacancyYears              | 2014to2010               | -
            vacancyYears              | before2010               | h7
            vacancyYears              | missingData              | h5
            statuses                  | 0                        | h1 h7 h8
            statuses                  | 4,5                      | h5 h6
            subStatuses               | interet-potentiel-en-reflexion | h3
            subStatuses               | sortie-de-la-vacance     | h5
            subStatuses               | null                     | h1 h2 h7 h8
            precisions                | travaux/en-cours         | h6
            precisions                | dispositifs-incitatifs/dispositif-fiscal,tiers-en-cause/expertise-judiciaire | h3 h6
            precisions                | null                     | h1 h2 h4 h5 h7 h8
            intercommunalities        | 200046977                | h1 h2 h3 h6 h7 h8
            localities                | 69123                    | h1 h2 h6 h8
            localities                | 69381                    | h1 h8
            localities                | 69266,13014              | h3 h5 h7
            localityKinds             | ACV                      | h4
            localityKinds             | PVD                      | h5
            localityKinds             | ORT,PVD                  | h4 h5
            buildingPeriods           | lt1919                   | h1
            buildingPeriods           | 1919to1945               | h2 h6
            buildingPeriods           | 1946to1990               | h3 h8
            buildingPeriods           | gte1991                  | h4 h7
            buildingPeriods           | null                     | h5
            energyConsumption         | A                        | h1
            energyConsumption         | C                        | h2
            energyConsumption         | E,G                      | h3 h6
            energyConsumption         | null                     | h4 h5 h8
            ownershipKinds            | single                   | h1 h4 h5 h7 h8
            ownershipKinds            | co                       | h2 h6
            ownershipKinds            | other                    | h3
            housingCounts             | lt5                      | h1 h8
            housingCounts             | 5to19                    | h2
            housingCounts             | 20to49                   | h3
            housingCounts             | gte50                    | h6
            housingCounts             | null                     | h4 h5 h7
            vacancyRates              | lt20                     | h8
            vacancyRates              | 20to39                   | h1
            vacancyRates              | 40to59                   | h3
            vacancyRates              | 60to79                   | -
            vacancyRates              | gte80                    | h2 h6
            vacancyRates              | null                     | h4 h5 h7
            housingKinds              | MAISON                   | h1 h4 h7
            housingKinds              | APPART                   | h2 h3 h6 h8
            housingKinds              | null                     | h5
            housingAreas              | lt35                     | h1
            housingAreas              | 35to74                   | h2 h6
            housingAreas              | 75to99                   | h3 h8
            housingAreas              | gte100                   | h4 h7
            housingAreas              | null                     | h5
            roomsCounts               | 1                        | h1
            roomsCounts               | 2                        | h2 h8
            roomsCounts               | gte5                     | h4 h7
            roomsCounts               | 3,4,null                 | h3 h5 h6
            cadastralClassifications  | 1,8                      | h1 h4
            cadastralClassifications  | null                     | h5
            lastMutationTypes         | sale                     | h1 h3 h4 h7
            lastMutationTypes         | donation                 | h2 h6
            lastMutationTypes         | null                     | h5 h8
            lastMutationYears         | 2024                     | h1
            lastMutationYears         | 2023,2021                | h6 h7
            lastMutationYears         | 2015to2020               | h2
            lastMutationYears         | 2010to2014               | h3
            lastMutationYears         | lte2009                  | h4
            lastMutationYears         | null                     | h5 h8
            ownerKinds                | particulier              | h1
            ownerKinds                | sci-copro,promoteur      | h2 h3
            ownerKinds                | null                     | h5 h7
            ownerAges                 | lt40                     | h1 h8
            ownerAges                 | 40to59                   | h7
            ownerAges                 | 60to74                   | h3
            ownerAges                 | 75to99                   | h4
            ownerAges                 | gte100                   | h6
            ownerAges                 | null                     | h2 h5
            relativeLocations         | same-commune             | h1
            relativeLocations         | same-address,overseas    | h6 h8
            relativeLocations         | foreign-country          | h4
            relativeLocations         | null                     | h2 h5
            multiOwners               | true                     | h2 h4
            multiOwners               | false                    | h1 h3 h6 h7 h8
            beneficiaryCounts         | 0                        | h6
            beneficiaryCounts         | 1                        | h1
            beneficiaryCounts         | gte5                     | h4
            beneficiaryCounts         | null                     | h5 h8
            isTaxedValues             | true                     | h1 h4 h6
            isTaxedValues             | false                    | h2 h5 h8
            isTaxedValues             | null                     | h3 h7
            scoreMin                  | 50                       | h1 h5 h6
            """)
    void eachFilterFindsExactlyItsDwellings(String parameter, String value, String expected) {
        assertThat(names(agent, parameter + "=" + enc(value))).isEqualTo(expected(expected));
    }

    @Test
    void perimetersIncludedAndExcluded() {
        assertThat(names(agent, "geoPerimetersIncluded=" + perimeter)).isEqualTo(expected("h1 h3"));
        assertThat(names(agent, "geoPerimetersExcluded=" + perimeter)).isEqualTo(expected("h2 h4 h5 h6 h7 h8"));
        var other = get(agent.token(), "/api/v1/housings?geoPerimetersIncluded=" + perimeterOfRennes);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(error(other)).contains("geoPerimetersIncluded").contains(String.valueOf(perimeterOfRennes));
    }

    @Test
    void noFilterGivesTheWholeTerritoryAndNothingOutside() {
        assertThat(names(agent, "")).isEqualTo(expected("h1 h2 h3 h4 h5 h6 h7 h8"));
    }

    // ---- search --------------------------------------------------------------------------------

    /** Queries of the search box and the dwellings of the territory they find. */
    static final String SEARCHES = """
            TGT000000003             | h3
            tgt000000003             | h3
            TGTINV0004               | h4
            TGT000AB0123             | h8
            dupont jean              | h1 h6
            Jean Dupont              | h1 h6
            jean-eric                | h1 h6
            emilie                   | h3
            Émilie MARTIN            | h3
            garcon                   | h2
            république               | h1 h6 h7
            rue victor hugo          | h1
            avenue foch paris        | h3
            lefevre                  | h6
            lefevre jean             | -
            victor dupont            | -
            zzzintrouvable           | -
            """;

    @ParameterizedTest(name = "query={0} → {1}")
    @CsvSource(delimiter = '|', textBlock = SEARCHES)
    void searchFindsIdsNamesAndAddresses(String query, String expected) {
        assertThat(names(agent, "query=" + enc(query))).isEqualTo(expected(expected));
    }

    /** Nationally the search is written for the trigram indexes (V36), in a territory not: the same dwellings. */
    @ParameterizedTest(name = "national query={0} → {1}")
    @CsvSource(delimiter = '|', textBlock = SEARCHES)
    void aNationalSearchFindsWhatTheTerritorySearchFinds(String query, String expected) {
        // the communes of the dataset: other tests' dwellings elsewhere cannot push these off the page
        String communes = "localities=69123,69266,01004,13014,35238&";
        Set<String> found = new TreeSet<>(names(data.nationalAgent(Role.VISITOR), communes + "query=" + enc(query)));
        found.remove("rennes");
        assertThat(found).isEqualTo(expected(expected));
    }

    @Test
    void searchStaysInTheTerritory() {
        assertThat(names(rennes, "query=dupont")).isEqualTo(expected("rennes"));
        assertThat(names(rennes, "query=TGT000000001")).isEmpty();
    }

    // ---- combinations --------------------------------------------------------------------------

    @Test
    void filtersAndTogetherValuesOr() {
        assertThat(names(agent, "housingKinds=APPART&statuses=0")).isEqualTo(expected("h8"));
        assertThat(names(agent, "statuses=0,1")).isEqualTo(expected("h1 h2 h7 h8"));
        assertThat(names(agent, "statuses=0&statuses=1")).isEqualTo(expected("h1 h2 h7 h8"));
        assertThat(names(agent, "statuses=0,1&localities=69266")).isEqualTo(expected("h7"));
        assertThat(names(agent, "occupancies=V,L&ownerAges=null")).isEqualTo(expected("h2"));
        assertThat(names(agent, "query=dupont&statuses=5")).isEqualTo(expected("h6"));
        assertThat(names(agent, "housingKinds=MAISON,null&isTaxedValues=false")).isEqualTo(expected("h5"));
    }

    @Test
    void selectionOfAllMatchingExceptSomeAndOfExplicitIds() {
        TerritoryScope scope = TerritoryScope.communes(agent.establishment().id(), COMMUNES);
        HousingFilter maisons = HousingFilter.parse(Map.of("housingKinds", new String[] {"MAISON"}), List.of());
        List<Long> allExcept = Roles.asSystem(() -> search.selectedIds(scope, maisons, HousingSelection.allExcept(List.of(id("h4")))));
        assertThat(named(allExcept)).isEqualTo(expected("h1 h7"));
        List<Long> explicit = Roles.asSystem(() -> search.selectedIds(scope, maisons,
                HousingSelection.of(List.of(id("h2"), id("h3"), id("rennes")))));
        assertThat(named(explicit)).as("explicit ids ignore the filter but never leave the territory").isEqualTo(expected("h2 h3"));
    }

    // ---- paging and sorting --------------------------------------------------------------------

    @Test
    void pagesAndSorts() {
        assertThat(orderedNames(agent, "sort=-score")).containsExactly("h1", "h6", "h5", "h2", "h7", "h4", "h8", "h3");
        assertThat(orderedNames(agent, "sort=-score&perPage=3&page=2")).containsExactly("h2", "h7", "h4");
        assertThat(orderedNames(agent, "sort=status,-vacancyStart")).containsExactly("h1", "h8", "h7", "h2", "h3", "h4", "h5", "h6");
        assertThat(orderedNames(agent, "sort=owner&perPage=3")).containsExactly("h4", "h1", "h6");
        JsonNode page = body(get(agent.token(), "/api/v1/housings?perPage=2&sort=-score"));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.has("total")).as("the list returns no total").isFalse();
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("localId").asString()).isEqualTo("TGT000000001");
        assertThat(first.get("ownerName").asString()).isEqualTo("DUPONT/JEAN-ÉRIC");
        assertThat(first.get("communeName").asString()).isEqualTo("Lyon");
        assertThat(first.get("score").asInt()).isEqualTo(90);
    }

    // ---- count ---------------------------------------------------------------------------------

    @Test
    void countGivesDwellingsDistinctPrimaryOwnersAndStatuses() {
        JsonNode count = body(get(agent.token(), "/api/v1/housings/count?groupBy=status"));
        assertThat(count.get("housings").asLong()).isEqualTo(8);
        assertThat(count.get("owners").asLong()).isEqualTo(7);
        JsonNode byStatus = count.get("byStatus");
        assertThat(byStatus.get("0").asLong()).isEqualTo(3);
        assertThat(byStatus.get("1").asLong()).isEqualTo(1);
        assertThat(byStatus.get("4").asLong()).isEqualTo(1);
        assertThat(byStatus.get("5").asLong()).isEqualTo(1);
        JsonNode filtered = body(get(agent.token(), "/api/v1/housings/count?query=dupont"));
        assertThat(filtered.get("housings").asLong()).isEqualTo(2);
        assertThat(filtered.get("owners").asLong()).as("h1: DUPONT, h6: LEFÈVRE as primary owner").isEqualTo(2);
        assertThat(filtered.has("byStatus")).isFalse();
    }

    // ---- map, one dwelling ---------------------------------------------------------------------

    @Test
    void mapGivesCompactPointsOfTheFilteredSetCompressed() throws IOException, InterruptedException {
        JsonNode map = body(get(agent.token(), "/api/v1/housings/map"));
        assertThat(map.get("fields").toString()).isEqualTo(
                "[\"id\",\"localId\",\"communeCode\",\"longitude\",\"latitude\",\"status\",\"occupancy\",\"address\"]");
        Set<String> localIds = new TreeSet<>();
        map.get("items").forEach(p -> localIds.add(p.get(1).asString()));
        assertThat(localIds).containsExactly("TGT000000001", "TGT000000002", "TGT000000003", "TGT000000004");
        JsonNode one = body(get(agent.token(), "/api/v1/housings/map?housingKinds=MAISON&localities=69123"));
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("items").get(0).get(3).asDouble()).isEqualTo(4.8357);
        assertThat(one.get("items").get(0).get(7).asString()).isEqualTo("0010 RUE VICTOR HUGO 69002 LYON");

        var gz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/housings/map"))
                .header("Authorization", "Bearer " + agent.token()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(gz.body())) {
            assertThat(json.readTree(in).get("items")).hasSize(4);
        }
    }

    @Test
    void oneDwellingOfTheTerritoryAnd404Outside() {
        JsonNode h6 = body(get(agent.token(), "/api/v1/housings/" + id("h6")));
        assertThat(h6.get("localId").asString()).isEqualTo("TGT000000006");
        assertThat(h6.get("precisions").toString()).contains("travaux/en-cours");
        assertThat(h6.get("owners")).hasSize(2);
        assertThat(h6.get("owners").get(0).get("fullName").asString()).isEqualTo("LEFÈVRE/ANNE");
        var outside = get(agent.token(), "/api/v1/housings/" + id("rennes"));
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain("TGT000000099");
        assertThat(get(agent.token(), "/api/v1/housings/999999999").statusCode()).isEqualTo(404);
        assertThat(get(rennes.token(), "/api/v1/housings/" + id("h1")).statusCode()).isEqualTo(404);
    }

    @Test
    void anAgentOfAnotherTerritorySeesNothingOfThisOne() {
        assertThat(names(rennes, "")).isEqualTo(expected("rennes"));
        assertThat(body(get(rennes.token(), "/api/v1/housings/count")).get("housings").asLong()).isEqualTo(1);
        assertThat(get(rennes.token(), "/api/v1/housings/map").body()).doesNotContain("TGT000000001");
    }

    @Test
    void aNationalVisitorSeesEveryTerritory() {
        var visitor = data.nationalAgent(Role.VISITOR);
        assertThat(names(visitor, "query=dupont")).isEqualTo(expected("h1 h6 rennes"));
    }

    @Test
    void withoutCredentialsTheApiRefuses() throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/housings"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(401, 403);
    }

    // ---- errors --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/housings?foo=1                        | foo
            /api/v1/housings?occupancies=Z                | Z
            /api/v1/housings?occupancies=V,Vacant         | Vacant
            /api/v1/housings?statuses=6                   | statuses
            /api/v1/housings?statuses=null                | statuses
            /api/v1/housings?ownershipKinds=null          | ownershipKinds
            /api/v1/housings?localities=99999             | 99999
            /api/v1/housings?intercommunalities=123456789 | 123456789
            /api/v1/housings?scoreMin=101                 | scoreMin
            /api/v1/housings?perPage=501                  | perPage
            /api/v1/housings?page=0                       | page
            /api/v1/housings?sort=commune                 | commune
            /api/v1/housings/count?groupBy=commune        | groupBy
            /api/v1/housings/count?page=2                 | page
            /api/v1/housings/map?sort=status              | sort
            """)
    void unknownParameterOrValueIs400NamingIt(String path, String named) {
        var response = get(agent.token(), path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("« " + named);
    }

    @Test
    void everyFilterOfTheIssueIsDocumentedInTheOpenApiDescription() {
        String openApi = get(agent.token(), "/api/v1/openapi.json").body();
        for (FilterField field : FilterField.values()) {
            assertThat(openApi).contains("\"" + field.parameter() + "\"");
        }
        assertThat(openApi).contains("/api/v1/housings/count").contains("/api/v1/housings/map").contains("/api/v1/housings/{id}")
                .contains("interet-potentiel-en-reflexion").contains("travaux/en-cours");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Set<String> names(TargetingTestData.Agent who, String query) {
        return new TreeSet<>(orderedNames(who, query));
    }

    private List<String> orderedNames(TargetingTestData.Agent who, String query) {
        String paging = query.contains("perPage=") ? "" : "perPage=500&";
        var response = get(who.token(), "/api/v1/housings?" + paging + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        body(response).get("items").forEach(item -> {
            String name = names.get(item.get("id").asLong());
            if (name != null) {
                found.add(name);
            }
        });
        return found;
    }

    private Set<String> named(List<Long> ids) {
        Set<String> found = new TreeSet<>();
        ids.forEach(id -> found.add(names.getOrDefault(id, "?" + id)));
        return found;
    }

    private long id(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }

    private static Set<String> expected(String names) {
        return names.strip().equals("-") ? Set.of() : new TreeSet<>(List.of(names.strip().split("\\s+")));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String token, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String error(HttpResponse<String> response) {
        return json.readTree(response.body()).get("error").asString();
    }
}
