package fr.zlv.ownerportal;

import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.housing.followup.FollowUpTestData;
import fr.zlv.territory.EstablishmentManagement;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every owner-portal test starts from: the running product, its owner-portal test data with the rate
 * limits forgotten, and an agent of an establishment covering the commune {@link #agentCommune()}.
 */
abstract class OwnerPortalTestCase {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    EstablishmentManagement establishments;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    OwnerAccessCodes codes;

    OwnerPortalTestData data;
    FollowUpTestData.Agent agent;

    /** The commune of the agent's establishment (and of the letters the test sends). */
    abstract String agentCommune();

    @BeforeEach
    void setUpOwnerPortal() {
        var followUp = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        data = new OwnerPortalTestData(jdbc, codes, followUp);
        data.forgetAttempts();
        agent = followUp.agent(Set.of(agentCommune()));
    }
}
