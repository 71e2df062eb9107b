package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.housing.CampaignFollowUp;
import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.HousingFollowUpManagement;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yearly rules of DOMAIN.md §2 that the other import tests leave open: on both merge paths (indexes kept, and
 * a big load's indexes rebuilt), work of users other than a status change, dwellings back in the file, Marseille's
 * arrondissements, owners without a person id or from the tax part, and where owners live. Communes of
 * Haute-Vienne (87001–87004), Brive (19031) and Marseille's local ids 1320… with millésimes 2060–2062 belong to
 * this class only (the test database is shared by every test class).
 */
@IntegrationTest
class LovacRulesAuditIntegrationTests {

    @Autowired
    LovacImportManagement imports;

    @Autowired
    HousingFollowUpManagement followUps;

    @Autowired
    CampaignFollowUp campaigns;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    /** indexes: keep (maintained row by row) or rebuild (a big load's path), whatever the sizes. */
    private ImportReport importFile(Path file, int millesime, boolean all, String indexes) {
        System.setProperty("zlv.import.indexes", indexes);
        try {
            ImportReport report = Roles.asSystem(() -> imports.importFile(file, millesime, all, ImportProgressListener.NONE));
            assertThat(report.rowsRead()).isEqualTo(report.rowsSelected() + report.totalSkipped() + report.totalRejected());
            assertThat(report.rowsSelected() - report.duplicatesDropped())
                    .isEqualTo(report.housingsCreated() + report.housingsUpdated() + report.housingsUnchanged());
            return report;
        } finally {
            System.clearProperty("zlv.import.indexes");
        }
    }

    private Map<String, Object> housing(String localId) {
        return jdbc.sql("select * from housing where local_id = :id").param("id", localId).query().singleRow();
    }

    private long id(String localId) {
        return jdbc.sql("select id from housing where local_id = :id").param("id", localId).query(Long.class).single();
    }

    private List<String> events(String localId) {
        return jdbc.sql("select e.kind from event e join housing h on h.id = e.housing_id where h.local_id = :id order by e.id")
                .param("id", localId).query(String.class).list();
    }

    private long allEvents() {
        return jdbc.sql("select count(*) from event").query(Long.class).single();
    }

    @Test
    void aDwellingWhoseOccupancyAUserChangedNeverLeavesVacancyByImportOnEitherPath() throws Exception {
        new LovacCsv(2060).row("87001", "0010000001").row("87001", "0010000002").row("87001", "0010000003")
                .row("87001", "0010000004").row("87002", "0020000001").write(dir, "lovac-2060.csv");
        assertThat(importFile(dir.resolve("lovac-2060.csv"), 2060, false, "keep").housingsCreated()).isEqualTo(5);

        // an agent learnt dwelling 2 is let: its occupancy changes, its status stays « Non suivi »
        Roles.asSystem(() -> followUps.bulkUpdate(TerritoryScope.ofSystem(), List.of(id("870010000002")),
                new FollowUpChange(null, null, null, "L", null, null)));
        assertThat(housing("870010000002")).containsEntry("status", 0).containsEntry("occupancy", "L")
                .containsEntry("user_modified", true);
        // dwelling 3 was in a campaign: « En attente de retour », still vacant
        Roles.asSystem(() -> campaigns.moveToWaiting(List.of(id("870010000003")), "Campagne d'audit", null));

        // the next millésime, a big load: only dwelling 1 (bigger now) in Aixe-sur-Vienne; Ambazac not covered
        new LovacCsv(2061).row("87001", "0010000001", "ff_stoth", "91").write(dir, "lovac-2061.csv");
        ImportReport next = importFile(dir.resolve("lovac-2061.csv"), 2061, false, "rebuild");
        assertThat(next.housingsUpdated()).isEqualTo(1);
        assertThat(housing("870010000001")).containsEntry("living_area", new java.math.BigDecimal("91.00"))
                .containsEntry("last_lovac_year", 2061);
        // the user's occupancy is kept: the import never overwrites a user's work
        assertThat(housing("870010000002")).containsEntry("status", 0).containsEntry("occupancy", "L")
                .containsEntry("sub_status", null);
        assertThat(events("870010000002")).doesNotContain("housing-exit-from-vacancy");
        // still vacant and untouched by users (Non suivi, En attente de retour): out of vacancy, with an event
        assertThat(housing("870010000003")).containsEntry("status", 4).containsEntry("occupancy", "inconnu")
                .containsEntry("sub_status", "Sortie de la vacance");
        assertThat(housing("870010000004")).containsEntry("status", 4).containsEntry("occupancy", "inconnu");
        assertThat(events("870010000004")).containsExactly("housing-exit-from-vacancy");
        assertThat(next.exitsFromVacancy()).isEqualTo(2);
        assertThat(housing("870020000001")).containsEntry("status", 0).containsEntry("occupancy", "V");
        // a big load puts back every index it dropped
        assertThat(jdbc.sql("select count(*) from bulk_pending_index").query(Long.class).single()).isZero();

        // dwelling 4 is back the year after: vacant and « Non suivi » again, its history says why
        new LovacCsv(2062).row("87001", "0010000001", "ff_stoth", "91").row("87001", "0010000004")
                .write(dir, "lovac-2062.csv");
        ImportReport back = importFile(dir.resolve("lovac-2062.csv"), 2062, false, "keep");
        assertThat(back.housingsUpdated()).isEqualTo(2);
        assertThat(back.exitsFromVacancy()).isZero();
        assertThat(housing("870010000004")).containsEntry("status", 0).containsEntry("occupancy", "V")
                .containsEntry("sub_status", null);
        assertThat(events("870010000004")).containsExactly("housing-exit-from-vacancy", "housing-reset-by-import");
        assertThat(housing("870010000002")).containsEntry("occupancy", "L");

        // the same file again: nothing written, no event
        long eventsBefore = allEvents();
        ImportReport again = importFile(dir.resolve("lovac-2062.csv"), 2062, false, "rebuild");
        assertThat(again.housingsCreated() + again.housingsUpdated() + again.exitsFromVacancy()).isZero();
        assertThat(again.housingsUnchanged()).isEqualTo(2);
        assertThat(allEvents()).isEqualTo(eventsBefore);
    }

    /** Blanks every field of the file's owner {@code n} (1 or 2). */
    private static String[] noOwner(int n) {
        return new String[] {"ff_ddenom_" + n, "", "cer_ff_adresse_" + n, "", "ff_jdatnss_" + n, "",
                "ff_idpersonne_" + n, "", "ff_ccodro_" + n, "", "ff_ccogrm_" + n, ""};
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** name|rank|right|where the owner lives|kind|administrator|key kind of each link of a dwelling, by rank. */
    private List<String> links(String localId) {
        return jdbc.sql("""
                select o.full_name || '|' || w.rank || '|' || coalesce(w.property_right, '') || '|' || w.relative_location
                       || '|' || o.kind_code || '|' || coalesce(o.administrator, '') || '|' || left(o.owner_key, 1)
                  from ownership w join owner o on o.id = w.owner_id join housing h on h.id = w.housing_id
                 where h.local_id = :id order by w.rank < 1, w.rank, o.full_name""").param("id", localId).query(String.class).list();
    }

    private boolean multiOwner(String fullName, String keyPrefix) {
        // owners of this class's dwellings only: generated files of other classes may hold the same names
        return jdbc.sql("""
                select distinct o.multi_owner from owner o join ownership w on w.owner_id = o.id
                  join housing h on h.id = w.housing_id
                 where o.full_name = :name and o.owner_key like :prefix and h.local_id like '87003%'""")
                .param("name", fullName).param("prefix", keyPrefix + "%").query(Boolean.class).single();
    }

    @Test
    void ownersWithoutPersonIdFromTheTaxPartAndWhereTheyLiveThenANewOwnerList() throws Exception {
        // Arnac-la-Poste (87003, postcode 87160); the dwellings' street is « 0003 PLACE DU MARCHE »
        String[] luc = {"ff_ddenom_1", "BERNARD/LUC", "ff_idpersonne_1", "", "ff_jdatnss_1", "01/01/1950",
                "cer_ff_adresse_1", "1 RUE HAUTE 87160 ARNAC LA POSTE"};
        String[] eva = {"ff_ddenom_2", "BERNARD/EVA", "ff_idpersonne_2", "87EVA001", "ff_ccodro_2", "N",
                "cer_ff_adresse_2", "5 AVENUE FOCH 75016 PARIS"};
        LovacCsv year = new LovacCsv(2060)
                .row("87003", "0030000001", with(luc, eva))
                .row("87003", "0030000002", with(luc, "ff_ddenom_2", "LEGRAND/PAUL", "ff_idpersonne_2", "87LEG001",
                        "ff_ccodro_2", "P", "cer_ff_adresse_2", "2 COURS DE L'INTENDANCE 33000 BORDEAUX"))
                // no owner of the Fichiers fonciers: the tax part's owner, its manager as administrator
                .row("87003", "0030000003", with(noOwner(1), "proprietaire", "SCI DU PARC", "gestre_ppre", "AGENCE CENTRE",
                        "groupe", "0", "adresse3", "3 PLACE DU MARCHE", "adresse4", "87160 ARNAC LA POSTE"))
                // owners of the Fichiers fonciers: the tax part's owner is not added
                .row("87003", "0030000004", "ff_ddenom_1", "MOREAU/ANNE", "ff_idpersonne_1", "87MOR001",
                        "cer_ff_adresse_1", "2 RUE DE LA GARE 87000 LIMOGES", "proprietaire", "MOREAU ANNE",
                        "ff_ddenom_2", "SMITH/JOHN", "ff_idpersonne_2", "87SMI001", "ff_ccodro_2", "U",
                        "cer_ff_adresse_2", "12 HIGH STREET LONDON")
                .row("87003", "0030000005", "ff_ddenom_1", "PAYET/ZOE", "ff_idpersonne_1", "87PAY001",
                        "cer_ff_adresse_1", "1 RUE DE PARIS 97400 SAINT DENIS",
                        "ff_ddenom_2", "SANS/ADRESSE", "ff_idpersonne_2", "87SAN001", "ff_ccodro_2", "P")
                // the same person id in another département: another owner
                .row("19031", "0310000001", "ff_ddenom_1", "MOREAU/ANNE", "ff_idpersonne_1", "87MOR001",
                        "cer_ff_adresse_1", "2 RUE DE LA GARE 87000 LIMOGES");
        year.write(dir, "lovac-2060-owners.csv");
        ImportReport first = importFile(dir.resolve("lovac-2060-owners.csv"), 2060, false, "keep");
        assertThat(first.housingsCreated()).isEqualTo(6);

        assertThat(links("870030000001")).containsExactly(
                "BERNARD LUC|1|proprietaire-entier|same-commune|particulier||f",
                "BERNARD EVA|2|nu-proprietaire|other-region|particulier||p");
        assertThat(links("870030000002")).containsExactly(
                "BERNARD LUC|1|proprietaire-entier|same-commune|particulier||f",
                "LEGRAND PAUL|2|proprietaire-entier|same-region|particulier||p");
        assertThat(links("870030000003")).containsExactly(
                "SCI DU PARC|1|proprietaire-entier|same-address|sci-copro|AGENCE CENTRE|t");
        assertThat(links("870030000004")).containsExactly(
                "MOREAU ANNE|1|proprietaire-entier|same-department|particulier||p",
                "SMITH JOHN|2|usufruitier|foreign-country|particulier||p");
        assertThat(links("870030000005")).containsExactly(
                "PAYET ZOE|1|proprietaire-entier|overseas|particulier||p",
                "SANS ADRESSE|2|proprietaire-entier|other|particulier||p");
        // without a person id, the same name, birth date and address are one owner, of two dwellings
        assertThat(jdbc.sql("""
                select count(distinct w.owner_id) from ownership w join owner o on o.id = w.owner_id
                  join housing h on h.id = w.housing_id
                 where o.full_name = 'BERNARD LUC' and h.local_id like '87003%'""").query(Long.class).single()).isOne();
        assertThat(multiOwner("BERNARD LUC", "f:")).isTrue();
        assertThat(jdbc.sql("select owner_key from owner where owner_key like 'p:%:87MOR001' order by 1").query(String.class).list())
                .containsExactly("p:19:87MOR001", "p:87:87MOR001");
        assertThat(multiOwner("MOREAU ANNE", "p:87:")).isFalse();
        assertThat(first.owners()).isEqualTo(9);
        assertThat(first.ownerships()).isEqualTo(10);

        // the same file again: every key found again, nothing written
        long owners = jdbc.sql("select count(*) from owner").query(Long.class).single();
        long events = allEvents();
        ImportReport again = importFile(dir.resolve("lovac-2060-owners.csv"), 2060, false, "keep");
        assertThat(again.housingsUnchanged()).isEqualTo(6);
        assertThat(again.housingsCreated() + again.housingsUpdated()).isZero();
        assertThat(again.owners()).isEqualTo(9);
        assertThat(again.ownerships()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from owner").query(Long.class).single()).isEqualTo(owners);
        assertThat(allEvents()).isEqualTo(events);

        // the next millésime no longer lists LUC on the first dwelling: a previous owner there, and an owner of one
        // dwelling only
        new LovacCsv(2061)
                .row("87003", "0030000001", with(noOwner(2), "ff_ddenom_1", "BERNARD/EVA", "ff_idpersonne_1", "87EVA001",
                        "ff_ccodro_1", "N", "cer_ff_adresse_1", "5 AVENUE FOCH 75016 PARIS"))
                .row("87003", "0030000002", with(luc, "ff_ddenom_2", "LEGRAND/PAUL", "ff_idpersonne_2", "87LEG001",
                        "ff_ccodro_2", "P", "cer_ff_adresse_2", "2 COURS DE L'INTENDANCE 33000 BORDEAUX"))
                .write(dir, "lovac-2061-owners.csv");
        ImportReport next = importFile(dir.resolve("lovac-2061-owners.csv"), 2061, false, "keep");
        assertThat(next.housingsUpdated()).isEqualTo(2);
        assertThat(links("870030000001")).containsExactly(
                "BERNARD EVA|1|nu-proprietaire|other-region|particulier||p",
                "BERNARD LUC|0|proprietaire-entier|same-commune|particulier||f");
        assertThat(multiOwner("BERNARD LUC", "f:")).isFalse();
        assertThat(housing("870030000001")).containsEntry("primary_owner_name", "BERNARD EVA");
        assertThat(housing("870030000002")).containsEntry("primary_owner_name", "BERNARD LUC")
                .containsEntry("primary_owner_multi", false);
        assertThat(next.owners()).isEqualTo(3);
        assertThat(next.ownerships()).isEqualTo(3);
        // Arnac-la-Poste is covered: the three dwellings it no longer lists leave vacancy; Brive is not covered
        assertThat(next.exitsFromVacancy()).isEqualTo(3);
        assertThat(housing("190310000001")).containsEntry("status", 0);
    }

    @Test
    void marseillesArrondissementsCoverTheCommune() throws Exception {
        new LovacCsv(2060).row("13201", "2010000001").row("13202", "2020000001").write(dir, "lovac-2060-marseille.csv");
        importFile(dir.resolve("lovac-2060-marseille.csv"), 2060, false, "keep");
        assertThat(housing("132020000001")).containsEntry("geo_code", "13202").containsEntry("commune_code", "13055");

        // the next file lists the 1st arrondissement only: it covers Marseille, whose 2nd arrondissement's dwelling left
        new LovacCsv(2061).row("13201", "2010000001").write(dir, "lovac-2061-marseille.csv");
        ImportReport next = importFile(dir.resolve("lovac-2061-marseille.csv"), 2061, false, "rebuild");
        assertThat(next.exitsFromVacancy()).isEqualTo(1);
        assertThat(housing("132020000001")).containsEntry("status", 4).containsEntry("geo_code", "13202");
        assertThat(housing("132010000001")).containsEntry("status", 0).containsEntry("last_lovac_year", 2061);
        assertThat(jdbc.sql("select commune_code from lovac_coverage where commune_code like '132%' or commune_code = '13055'")
                .query(String.class).list()).containsExactly("13055");
    }

    @Test
    void everyDurationKeepsTheEarliestKnownVacancyStartAmongDuplicates() throws Exception {
        // --all: a blank vacancy start is imported, but a known start is earlier than an unknown one
        new LovacCsv(2060)
                .row("87004", "0040000001", "debutvacance", "", "ff_stoth", "50")
                .row("87004", "0040000001", "debutvacance", "2059", "ff_stoth", "60")
                .row("87004", "0040000001", "debutvacance", "2059", "ff_stoth", "70")
                .row("87004", "0040000002", "debutvacance", "")
                .write(dir, "lovac-2060-all.csv");
        ImportReport all = importFile(dir.resolve("lovac-2060-all.csv"), 2060, true, "keep");
        assertThat(all.rowsSelected()).isEqualTo(4);
        assertThat(all.duplicatesDropped()).isEqualTo(2);
        assertThat(all.housingsCreated()).isEqualTo(2);
        assertThat(housing("870040000001")).containsEntry("vacancy_start_year", 2059)
                .containsEntry("living_area", new java.math.BigDecimal("60.00"));
        assertThat(housing("870040000002")).containsEntry("vacancy_start_year", null);
    }
}
