package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReferenceGeographyIntegrationTests {

    @Autowired
    ReferenceGeography geography;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anArrondissementResolvesToItsCommune() {
        Commune lyon = geography.resolveCommune("69383").orElseThrow();

        assertThat(lyon.code()).isEqualTo("69123");
        assertThat(lyon.name()).isEqualTo("Lyon");
        assertThat(lyon.epciSiren()).isEqualTo("200046977");
        assertThat(lyon.postalCodes()).contains("69003");
        assertThat(geography.resolveCommune("42218").orElseThrow().name()).isEqualTo("Saint-Étienne");
        assertThat(geography.resolveCommune("99999")).isEmpty();
        assertThat(geography.arrondissementCommunes()).hasSize(45).containsEntry("13201", "13055");
    }

    @Test
    void mainlandDepartementsHaveTheirContour() {
        assertThat(geography.departementContour("2A")).get().asString().startsWith("{\"type\":\"");
        assertThat(geography.departementContour("971")).isEmpty();
    }

    @Test
    void aCommuneWithoutItsOwnCentreGetsItsDepartementCentre() {
        String withoutCentre = jdbc.sql("select code from commune where longitude is null order by code limit 1")
                .query(String.class).single();

        Commune commune = geography.resolveCommune(withoutCentre).orElseThrow();

        assertThat(commune.longitude()).isNotNull();
        assertThat(commune.latitude()).isNotNull();
    }

    @Test
    void theVacancyTaxIsFoundByArrondissementThenByCommune() {
        VacancyTax paris4 = geography.vacancyTax("75104").orElseThrow();
        assertThat(paris4.taxKind()).isEqualTo("TLV");
        assertThat(paris4.code()).isEqualTo("75104");
        assertThat(paris4.communeCode()).isEqualTo("75056");

        // Paris is listed only by arrondissement: the commune gets its arrondissements' tax
        assertThat(geography.vacancyTax("75056").orElseThrow().taxKind()).isEqualTo("TLV");
        assertThat(geography.vacancyTax("69383").orElseThrow().taxKind()).isEqualTo("TLV");

        VacancyTax thlv = geography.vacancyTax("01022").orElseThrow();
        assertThat(thlv.taxKind()).isEqualTo("THLV");
        assertThat(thlv.ratePercent()).isEqualByComparingTo(new BigDecimal("15.9"));
        assertThat(geography.vacancyTax("01001")).isEmpty();
    }

    @Test
    void communeSearchIgnoresAccentsAndCaseAndMatchesCodes() {
        assertThat(geography.searchCommunes("lyon", 10)).first().extracting(Commune::code).isEqualTo("69123");
        assertThat(geography.searchCommunes("Saint-Etienne", 10)).first().extracting(Commune::name).isEqualTo("Saint-Étienne");
        assertThat(geography.searchCommunes("saint etienne", 10)).extracting(Commune::code).contains("42218");
        assertThat(geography.searchCommunes("69123", 10)).extracting(Commune::name).containsExactly("Lyon");
        assertThat(geography.searchCommunes("69383", 10)).extracting(Commune::code).containsExactly("69123");
        assertThat(geography.searchCommunes("2A004", 10)).extracting(Commune::name).containsExactly("Ajaccio");
        assertThat(geography.searchCommunes("saint", 7)).hasSize(7);
        assertThat(geography.searchCommunes("   ", 10)).isEmpty();
        assertThat(geography.searchCommunes("%", 10)).isEmpty();
    }

    @Test
    void theNationalSummaryCoversTheWholeCountry() {
        TerritorySummary summary = Roles.asSystem(() -> geography.summarize(TerritoryScope.ofSystem()));

        assertThat(summary.communes()).isEqualTo(34_969);
        assertThat(summary.population()).isEqualTo(68_952_941L);
        assertThat(summary.epciCount()).isEqualTo(1_255);
        assertThat(summary.acvCommunes()).isEqualTo(246);
        assertThat(summary.pvdCommunes()).isEqualTo(1_653);
        assertThat(summary.ortCommunes()).isEqualTo(1_891);
        assertThat(summary.tlvCommunes()).isEqualTo(1_136);
        assertThat(summary.thlvCommunes()).isEqualTo(4_638);
        assertThat(summary.zonageAbc()).extracting(TerritorySummary.ZoneCount::zone)
                .containsExactly("Abis", "A", "B1", "B2", "C");
        assertThat(summary.zonageAbc()).extracting(TerritorySummary.ZoneCount::communes)
                .containsExactly(124L, 815L, 2_215L, 3_152L, 28_561L);
    }

    @Test
    void aScopeOfCommunesIsSummarisedArrondissementsIncluded() {
        var scope = TerritoryScope.communes(-1, Set.of("42218", "69383"));

        TerritorySummary summary = Roles.asSystem(() -> geography.summarize(scope));

        assertThat(summary.communes()).isEqualTo(2);
        assertThat(summary.population()).isEqualTo(173_136L + 519_127L);
        assertThat(summary.epciNames()).hasSize(2).contains("Métropole de Lyon");
        assertThat(summary.tlvCommunes()).isEqualTo(1);
        assertThat(summary.thlvCommunes()).isEqualTo(1);
    }
}
