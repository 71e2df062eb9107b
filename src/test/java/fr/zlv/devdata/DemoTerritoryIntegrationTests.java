package fr.zlv.devdata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.UserManagement;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo territory made at start-up: two establishments, three accounts, synthetic dwellings. */
@IntegrationTest
class DemoTerritoryIntegrationTests {

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    UserManagement users;

    @Autowired
    DemoTerritory demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoEstablishmentsAndAccountsExistInTwoDepartements() {
        var epci = Roles.asSystem(() -> establishments.findBySiren(DemoTerritory.DEMO_EPCI_SIREN)).orElseThrow();
        assertThat(epci.name()).isEqualTo("CA du Grand Angoulême");
        assertThat(epci.communeCount()).isEqualTo(38);
        var roubaix = Roles.asSystem(() -> establishments.perimeter(
                establishments.search("Roubaix", 1, 10).items().getFirst().id()));
        assertThat(roubaix).containsExactly("59512");

        var agent = Roles.asSystem(() -> users.findByEmail("agent@demo.zlv.fr")).orElseThrow();
        var agent2 = Roles.asSystem(() -> users.findByEmail("agent2@demo.zlv.fr")).orElseThrow();
        var admin = Roles.asSystem(() -> users.findByEmail("admin@demo.zlv.fr")).orElseThrow();
        assertThat(admin.role().name()).isEqualTo("ADMIN");
        assertThat(agent.role().name()).isEqualTo("USUAL");
        assertThat(agent.memberships()).extracting("establishmentId").containsExactly(epci.id());
        assertThat(agent2.memberships()).extracting("establishmentId").doesNotContain(epci.id()).hasSize(1);
    }

    @Test
    void theDemoDwellingsAreGeneratedAndImportedThroughTheRealImport() throws Exception {
        // the test profile skips them at start-up (demo-dwellings: 0); import a small file the same way
        var report = Roles.asSystem(() -> {
            try {
                return demo.importDwellings(Set.of("59512"), 300);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(report.housingsCreated()).isPositive();
        long inRoubaix = jdbc.sql("select count(*) from housing where commune_code = '59512' and 'lovac-2025' = any(data_file_years)")
                .query(Long.class).single();
        assertThat(inRoubaix).isEqualTo(report.housingsCreated() + report.housingsUpdated() + report.housingsUnchanged());
    }
}
