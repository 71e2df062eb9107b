package fr.zlv.targeting;

import static fr.zlv.targeting.TargetingTestData.cols;
import static fr.zlv.targeting.TargetingTestData.lines;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list reads the primary owner and the owners' search texts that V28 copies onto housing: after
 * every kind of change to links and owners (new link, rank change, removal, owner edit), the list, its
 * owner filters, its owner count and its search answer as if they read ownership and owner directly.
 */
@IntegrationTest
class PrimaryOwnerCopyIntegrationTests {

    static final String TULLE = "19272";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    HousingSearch search;

    TargetingTestData data;
    TerritoryScope scope;
    long house;

    @BeforeEach
    void dwelling() {
        data = new TargetingTestData(context);
        var agent = data.agentOf("Copies Tulle", Set.of(TULLE));
        scope = TerritoryScope.communes(agent.establishment().id(), Set.of(TULLE));
        jdbc.sql("delete from housing where commune_code = ?").param(TULLE).update();
        house = data.housing("CPY000000001", TULLE, cols("address_dgfip", lines("3 AVENUE DES LILAS", "19000 TULLE")));
    }

    @Test
    void aNewPrimaryLinkGivesTheListItsOwnerAndTheOwnerFiltersTheirValues() {
        long durand = data.owner("DURAND PAUL", cols("kind_code", "particulier", "birth_date", LocalDate.of(1940, 1, 1)));
        assertThat(ids("ownerKinds", "null")).containsExactly(house);

        data.ownership(house, durand, 1, "same-commune");

        assertThat(list(Map.of()).getFirst().ownerName()).isEqualTo("DURAND PAUL");
        assertThat(ids("ownerKinds", "particulier")).containsExactly(house);
        assertThat(ids("ownerKinds", "null")).isEmpty();
        assertThat(ids("ownerAges", "75to99")).containsExactly(house);
        assertThat(ids("relativeLocations", "same-commune")).containsExactly(house);
        assertThat(ids("multiOwners", "false")).containsExactly(house);
        assertThat(count().owners()).isEqualTo(1);
    }

    @Test
    void editingTheOwnerChangesWhatItsDwellingsMatch() {
        long durand = data.owner("DURAND PAUL", cols("kind_code", "particulier"));
        data.ownership(house, durand, 1, null);

        jdbc.sql("update owner set kind_code = 'sci-copro', birth_date = null, multi_owner = true where id = ?").param(durand).update();

        assertThat(ids("ownerKinds", "sci-copro")).containsExactly(house);
        assertThat(ids("ownerAges", "null")).containsExactly(house);
        assertThat(ids("multiOwners", "true")).containsExactly(house);
    }

    @Test
    void swappingRanksMovesThePrimaryOwnerAndRemovingTheLinkLeavesNone() {
        long durand = data.owner("DURAND PAUL", cols("kind_code", "particulier"));
        long sci = data.owner("SCI DES TILLEULS", cols("kind_code", "sci-copro"));
        data.ownership(house, durand, 1, null);
        data.ownership(house, sci, 2, null);

        jdbc.sql("update ownership set rank = case owner_id when ? then 2 else 1 end where housing_id = ?")
                .params(durand, house).update();
        assertThat(list(Map.of()).getFirst().ownerName()).isEqualTo("SCI DES TILLEULS");
        assertThat(ids("ownerKinds", "sci-copro")).containsExactly(house);

        jdbc.sql("delete from ownership where housing_id = ? and owner_id = ?").params(house, sci).update();
        assertThat(list(Map.of()).getFirst().ownerName()).isNull();
        assertThat(ids("ownerKinds", "null")).containsExactly(house);
        assertThat(count().owners()).isZero();
    }

    @Test
    void searchFindsCurrentOwnersOnlyAndEveryWordInOneText() {
        long durand = data.owner("DURAND PAUL", cols("address_dgfip", lines("12 RUE DES ROSES", "75011 PARIS")));
        long martin = data.owner("MARTIN JEANNE", cols());
        data.ownership(house, durand, 1, null);
        data.ownership(house, martin, 2, null);

        assertThat(ids("query", "paul durand")).containsExactly(house);
        assertThat(ids("query", "jeanne martin")).containsExactly(house);
        assertThat(ids("query", "roses paris")).containsExactly(house);
        assertThat(ids("query", "lilas tulle")).containsExactly(house);
        // words of different texts (a name and an address) do not make a match, as before the copies
        assertThat(ids("query", "durand roses")).isEmpty();
        assertThat(ids("query", "durand lilas")).isEmpty();

        jdbc.sql("update ownership set rank = 0 where housing_id = ? and owner_id = ?").params(house, martin).update();
        assertThat(ids("query", "jeanne martin")).isEmpty();

        jdbc.sql("update owner set full_name = 'DURAND-MOREAU PAUL' where id = ?").param(durand).update();
        assertThat(ids("query", "moreau")).containsExactly(house);
    }

    private List<Long> ids(String parameter, String value) {
        return list(Map.of(parameter, new String[] {value})).stream().map(HousingListItem::id).toList();
    }

    private List<HousingListItem> list(Map<String, String[]> parameters) {
        HousingFilter filter = HousingFilter.parse(parameters, ListRequest.PARAMETERS);
        return Roles.asSystem(() -> search.list(scope, filter, ListRequest.parse(Map.of())));
    }

    private HousingCount count() {
        return Roles.asSystem(() -> search.count(scope, HousingFilter.none(), false));
    }
}
