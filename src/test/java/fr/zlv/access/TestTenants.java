package fr.zlv.access;

import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.UUID;

/**
 * The standard tenants of the cross-tenant harness: a new USUAL user in the establishment made from
 * the reference geography, with a token acting for it. Other modules' tests use it as
 * {@code new CrossTenantHarness(port, new TestTenants(context))}.
 */
public class TestTenants implements CrossTenantHarness.TenantFactory {

    private final UserManagement users;
    private final EstablishmentManagement establishments;
    private final ApiTokenManagement tokens;

    public TestTenants(UserManagement users, EstablishmentManagement establishments, ApiTokenManagement tokens) {
        this.users = users;
        this.establishments = establishments;
        this.tokens = tokens;
    }

    /** The same, with the services taken from the test's application context. */
    public TestTenants(org.springframework.context.ApplicationContext context) {
        this(context.getBean(UserManagement.class), context.getBean(EstablishmentManagement.class),
                context.getBean(ApiTokenManagement.class));
    }

    @Override
    public CrossTenantHarness.Account create(String reference) {
        String email = "tenant-" + UUID.randomUUID() + "@cross.zlv.test";
        String password = "mot-de-passe-" + UUID.randomUUID();
        return Roles.asSystem(() -> {
            var establishment = establishments.createFromReference(reference);
            var user = users.upsertUser(email, "Locataire", reference, Role.USUAL, List.of(establishment.id()), password);
            var token = tokens.createFor(email, establishment.siren(), "harness");
            return new CrossTenantHarness.Account(user.id(), email, password, establishment.id(), establishment.name(),
                    token.secret(), token.id());
        });
    }
}
