package fr.zlv.campaign;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.support.TestData;
import fr.zlv.territory.EstablishmentManagement;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hand-made dwellings and owners inserted into the tables, and agents with an API token. */
final class CampaignTestData extends TestData {

    CampaignTestData(JdbcClient jdbc, UserManagement users, EstablishmentManagement establishments, ApiTokenManagement tokens) {
        super(jdbc, users, establishments, tokens, "campagnes", "cmp");
    }

    CampaignTestData(ApplicationContext context) {
        super(context, "campagnes", "cmp");
    }
}
