package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The fast paths of a bulk load (issue 3): owners copied onto each dwelling as it is written (instead of the
 * V28 triggers), and the secondary indexes rebuilt around a big load. Communes 59009, 59599 and 59090 and
 * millésimes 2050–2051 belong to this class only (the test database is shared by every test class).
 */
@IntegrationTest
class ImportBulkPathsIntegrationTests {

    private static final String COPIES = """
            select local_id, primary_owner_id, primary_owner_name, primary_owner_kind, primary_owner_birth_date,
                   primary_owner_location, primary_owner_multi, owners_key
              from housing where commune_code in ('59009', '59599') order by local_id""";

    @Autowired
    LovacImportManagement imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    fr.zlv.scoring.PriorityScoring scoring;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @TempDir
    Path dir;

    private ImportReport importFile(Path file, int millesime) {
        return importFile(file, millesime, "keep");
    }

    /** indexes: keep (maintained row by row) or rebuild (dropped and built again), whatever the sizes. */
    private ImportReport importFile(Path file, int millesime, String indexes) {
        System.setProperty("zlv.import.indexes", indexes);
        try {
            return Roles.asSystem(() -> imports.importFile(file, millesime, false, ImportProgressListener.NONE));
        } finally {
            System.clearProperty("zlv.import.indexes");
        }
    }

    private List<Map<String, Object>> copies() {
        return jdbc.sql(COPIES).query().listOfRows();
    }

    /** What the V28 triggers compute for the same dwellings: the import must have written exactly that. */
    private List<Map<String, Object>> copiesAsTheTriggersComputeThem() {
        jdbc.sql("""
                update housing set primary_owner_id = null, primary_owner_name = null, primary_owner_kind = null,
                       primary_owner_birth_date = null, primary_owner_location = null, primary_owner_multi = null,
                       owners_key = null
                 where commune_code in ('59009', '59599')""").update();
        jdbc.sql("select zlv_refresh_housing_owners(array(select id from housing where commune_code in ('59009', '59599')))")
                .query().listOfRows();
        return copies();
    }

    private List<String> indexesTriggersAndConstraints() {
        return jdbc.sql("""
                select indexname || ' ' || indexdef from pg_indexes where tablename in ('housing', 'owner', 'ownership')
                union all
                select tgname || ' ' || tgenabled::text from pg_trigger
                 where tgrelid in ('housing'::regclass, 'owner'::regclass, 'ownership'::regclass) and not tgisinternal
                union all
                select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                 where conrelid in ('housing'::regclass, 'owner'::regclass, 'ownership'::regclass)
                order by 1""").query(String.class).list();
    }

    @Test
    void ownersAreCopiedOntoEveryDwellingTheImportWritesAndOntoTheirOtherDwellings() throws Exception {
        // DURAND ALICE owns one dwelling in each commune (same person id, same département): a multi-owner
        new LovacCsv(2050)
                .row("59009", "0090000001", "ff_ddenom_1", "DURAND/ALICE", "ff_idpersonne_1", "P59DURAND",
                        "ff_ddenom_2", "LEROY/MARC", "cer_ff_adresse_2", "12 RUE DE PARIS 75001 PARIS",
                        "ff_idpersonne_2", "P59LEROY", "ff_ccodro_2", "N")
                .row("59599", "5990000002", "ff_ddenom_1", "DURAND/ALICE", "ff_idpersonne_1", "P59DURAND")
                .row("59599", "5990000003", "ff_ddenom_1", "PETIT/LEA", "ff_idpersonne_1", "P59PETIT")
                .write(dir, "lovac-2050.csv");
        // when LovacImported fires (inside the import, before scoring's own listener), the new dwellings already
        // carry their score: scoring contributed it to their insert instead of rewriting them afterwards
        var unscoredWhenAnnounced = new java.util.concurrent.atomic.AtomicLong(-1);
        var announced = new java.util.ArrayList<LovacImported>();
        var probe = new ScoresWhenAnnounced(event -> {
            announced.add(event);
            unscoredWhenAnnounced.set(jdbc.sql(
                    "select count(*) from housing where commune_code in ('59009', '59599') and priority_score is null")
                    .query(Long.class).single());
        });
        context.addApplicationListener(probe);
        try {
            assertThat(importFile(dir.resolve("lovac-2050.csv"), 2050).housingsCreated()).isEqualTo(3);
        } finally {
            context.removeApplicationListener(probe);
        }
        assertThat(unscoredWhenAnnounced.get()).isZero();
        // only new dwellings and new owners: scoring need not recompute them
        assertThat(announced).extracting(LovacImported::onlyCreated).containsExactly(true);

        List<Map<String, Object>> imported = copies();
        assertThat(imported).extracting(r -> r.get("local_id") + "|" + r.get("primary_owner_name") + "|"
                        + r.get("primary_owner_multi"))
                .containsExactly("590090000001|DURAND ALICE|true", "595990000002|DURAND ALICE|true",
                        "595990000003|PETIT LEA|false");
        assertThat((String) imported.get(0).get("owners_key")).contains("durand alice").contains("leroy marc")
                .contains("rue de paris");
        assertThat(imported).isEqualTo(copiesAsTheTriggersComputeThem());
        // the bulk load wrote the search keys itself (their triggers are off during the load)
        assertThat(searchKeysUnlikeTheTriggers()).isZero();
        assertThat(jdbc.sql("select name_key from owner where owner_key like '%P59DURAND'").query(String.class).single())
                .isEqualTo("durand alice");
        // the default score was written with each new dwelling (scoring contributes the column): recomputing
        // it changes nothing
        assertThat(jdbc.sql("select count(*) from housing where commune_code in ('59009', '59599') and priority_score is null")
                .query(Long.class).single()).isZero();
        assertThat(Roles.asSystem(() -> scoring.recompute(java.util.Set.of("59009", "59599")))).isZero();

        // the next millésime covers Villeneuve-d'Ascq only: the owner's new name reaches her Tourcoing dwelling
        // too, which the file does not list (and which does not leave vacancy: Tourcoing is not covered)
        new LovacCsv(2051)
                .row("59009", "0090000001", "ff_ddenom_1", "DURAND-MOREL/ALICE", "ff_idpersonne_1", "P59DURAND")
                .write(dir, "lovac-2051.csv");
        context.addApplicationListener(probe);
        ImportReport next;
        try {
            next = importFile(dir.resolve("lovac-2051.csv"), 2051);
        } finally {
            context.removeApplicationListener(probe);
        }
        assertThat(next.housingsUpdated()).isEqualTo(1);
        assertThat(announced).extracting(LovacImported::onlyCreated).containsExactly(true, false);
        assertThat(next.exitsFromVacancy()).isZero();

        List<Map<String, Object>> after = copies();
        assertThat(after).extracting(r -> r.get("local_id") + "|" + r.get("primary_owner_name") + "|"
                        + r.get("primary_owner_multi"))
                .containsExactly("590090000001|DURAND-MOREL ALICE|true", "595990000002|DURAND-MOREL ALICE|true",
                        "595990000003|PETIT LEA|false");
        // LEROY MARC is no longer listed: a previous owner, out of the search texts
        assertThat((String) after.get(0).get("owners_key")).doesNotContain("leroy");
        assertThat(after).isEqualTo(copiesAsTheTriggersComputeThem());
        assertThat(searchKeysUnlikeTheTriggers()).isZero();

        // the triggers are back on for everyday edits: a user's link is copied at once
        jdbc.sql("""
                update ownership set rank = 0 where owner_id = (select id from owner where owner_key like '%P59DURAND')
                   and housing_id = (select id from housing where local_id = '595990000002')""").update();
        assertThat(jdbc.sql("select primary_owner_name from housing where local_id = '595990000002'")
                .query(String.class).list()).containsExactly((String) null);
        // and an everyday edit of an owner's name or a dwelling's address gets its search key at once
        jdbc.sql("update owner set full_name = 'ÉLODIE MARTIN' where owner_key like '%P59DURAND'").update();
        jdbc.sql("update housing set address_dgfip = array['3 RUE DE L''ÉGLISE'] where local_id = '595990000002'").update();
        assertThat(jdbc.sql("select name_key from owner where owner_key like '%P59DURAND'").query(String.class).single())
                .isEqualTo("elodie martin");
        assertThat(jdbc.sql("select address_key from housing where local_id = '595990000002'").query(String.class).single())
                .isEqualTo("3 rue de l'eglise");
    }

    /** Owners and dwellings whose stored search keys differ from what V33's triggers compute. */
    private long searchKeysUnlikeTheTriggers() {
        return jdbc.sql("""
                select (select count(*) from owner
                         where name_key is distinct from immutable_unaccent(lower(full_name))
                            or administrator_key is distinct from immutable_unaccent(lower(administrator))
                            or address_key is distinct from zlv_address_key(address_dgfip))
                     + (select count(*) from housing where address_key is distinct from zlv_address_key(address_dgfip))""")
                .query(Long.class).single();
    }

    @Test
    void aBigLoadRebuildsTheIndexesItDroppedAndLeavesTheSchemaAsItWas() throws Exception {
        List<String> before = indexesTriggersAndConstraints();
        new LovacCsv(2050).row("59090", "0900000011", "ff_idpersonne_1", "P59BLANC", "ff_ddenom_1", "BLANC/ROSE")
                .write(dir, "lovac-2050-big.csv");
        assertThat(importFile(dir.resolve("lovac-2050-big.csv"), 2050, "rebuild").housingsCreated()).isEqualTo(1);
        // the search index and the other non-unique ones were built after the commit, none is left pending
        assertThat(indexesTriggersAndConstraints()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from bulk_pending_index").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select primary_owner_name from housing where local_id = '590900000011'")
                .query(String.class).single()).isEqualTo("BLANC ROSE");
        // the dwellings' key trigger was off in this big load: the load wrote the key itself
        assertThat(searchKeysUnlikeTheTriggers()).isZero();
        assertThat(jdbc.sql("select address_key from housing where local_id = '590900000011'").query(String.class)
                .single()).isNotBlank();

        // the link's reference to its dwelling is checked at once again outside imports
        assertThatThrownBy(() -> jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank) select -1, id, 1 from owner limit 1""").update())
                .hasMessageContaining("ownership_housing_id_fkey");
    }

    /** Runs before every other listener of LovacImported. */
    private record ScoresWhenAnnounced(java.util.function.Consumer<LovacImported> check)
            implements org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<LovacImported>>,
                       org.springframework.core.Ordered {
        @Override
        public void onApplicationEvent(org.springframework.context.PayloadApplicationEvent<LovacImported> event) {
            check.accept(event.getPayload());
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }
}
