package fr.zlv.groups;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.support.TestData;
import fr.zlv.territory.EstablishmentManagement;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hand-made dwellings and owners inserted into the tables, and agents with an API token. */
final class GroupTestData extends TestData {

    GroupTestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments, ApiTokenManagement tokens) {
        super(jdbc, users, establishments, tokens, "groupes", "grp");
    }
}
