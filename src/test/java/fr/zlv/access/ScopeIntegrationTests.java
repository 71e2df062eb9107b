package fr.zlv.access;

import static fr.zlv.access.AccessTestData.PASSWORD;
import static fr.zlv.access.AccessTestData.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The TerritoryScope of a caller, and the establishment switch that changes it. */
@IntegrationTest
class ScopeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    AccessManagement access;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    /** Runs as the user, within one browser session (a mock request keeps the session attribute). */
    private <T> T as(UserView user, Long tokenEstablishmentId, boolean token, Supplier<T> work) {
        var principal = new AccessPrincipal(user.id(), user.email(), user.role(), token ? 1L : null, tokenEstablishmentId);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anAgentSeesTheCommunesOfItsActiveEstablishmentAndSwitchesToAnother() {
        Establishment a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        Establishment b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        Establishment c = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_C);
        UserView agent = AccessTestData.user(users, AccessTestData.email("scope"), Role.USUAL, List.of(a.id(), b.id()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        TerritoryScope first = as(agent, null, false, access::currentScope);
        assertThat(first.national()).isFalse();
        assertThat(first.establishmentId()).isEqualTo(a.id());
        assertThat(first.communeCodes()).hasSize(7).contains("74042").doesNotContain("29232");

        as(agent, null, false, () -> access.switchEstablishment(b.id()));
        TerritoryScope second = as(agent, null, false, access::currentScope);
        assertThat(second.establishmentId()).isEqualTo(b.id());
        assertThat(second.communeCodes()).containsExactly("29232");

        assertThatThrownBy(() -> as(agent, null, false, () -> access.switchEstablishment(c.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(agent, null, false, access::currentScope).establishmentId()).isEqualTo(b.id());
    }

    @Test
    void anAdminCanNarrowAUsersPerimeterToSomeCommunesOfTheEstablishment() {
        Establishment a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        UserView agent = AccessTestData.user(users, AccessTestData.email("narrow"), Role.USUAL, List.of(a.id()));

        Roles.asSystem(() -> {
            users.narrowPerimeter(agent.id(), a.id(), List.of("74042", "74024"));
            return null;
        });

        assertThat(as(agent, null, false, access::currentScope).communeCodes()).containsExactlyInAnyOrder("74042", "74024");
        assertThatThrownBy(() -> Roles.asSystem(() -> {
            users.narrowPerimeter(agent.id(), a.id(), List.of("74042", "29232"));
            return null;
        })).isInstanceOf(AccessInputException.class).hasMessageContaining("29232");
        assertThat(as(agent, null, false, access::currentScope).communeCodes()).as("nothing changed")
                .containsExactlyInAnyOrder("74042", "74024");

        Roles.asSystem(() -> {
            users.narrowPerimeter(agent.id(), a.id(), List.of());
            return null;
        });
        assertThat(as(agent, null, false, access::currentScope).communeCodes()).hasSize(7);
    }

    @Test
    void adminsAndVisitorsAreNationalTokensActForTheirEstablishmentAndTheSystemIsSystem() {
        Establishment a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        Establishment b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        UserView admin = AccessTestData.user(users, AccessTestData.email("admin"), Role.ADMIN, List.of());
        UserView visitor = AccessTestData.user(users, AccessTestData.email("visitor"), Role.VISITOR, List.of(a.id()));
        UserView agent = AccessTestData.user(users, AccessTestData.email("agent"), Role.USUAL, List.of(a.id(), b.id()));
        UserView nowhere = AccessTestData.user(users, AccessTestData.email("nowhere"), Role.USUAL, List.of());

        assertThat(as(admin, null, false, access::currentScope).national()).isTrue();
        assertThat(as(visitor, null, false, access::currentScope).national()).isTrue();
        TerritoryScope token = as(agent, b.id(), true, access::currentScope);
        assertThat(token.communeCodes()).containsExactly("29232");
        TerritoryScope none = as(nowhere, null, false, access::currentScope);
        assertThat(none.national()).isFalse();
        assertThat(none.communeCodes()).isEmpty();
        assertThat(Roles.asSystem(access::currentScope).systemScope()).isTrue();
    }

    @Test
    void theAgentsOfADeactivatedEstablishmentSeeNothingUntilItIsReactivated() {
        Establishment c = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_C);
        UserView agent = AccessTestData.user(users, AccessTestData.email("inactive"), Role.USUAL, List.of(c.id()));
        try {
            Roles.asSystem(() -> establishments.setActive(c.id(), false));
            assertThat(as(agent, null, false, access::currentScope).communeCodes()).isEmpty();
        } finally {
            Roles.asSystem(() -> establishments.setActive(c.id(), true));
        }
        assertThat(as(agent, null, false, access::currentScope).communeCodes()).isNotEmpty();
    }

    @Test
    void theHeaderSwitchChangesTheEstablishmentOfMeAndRefusesAnEstablishmentOfSomeoneElse() {
        Establishment a = AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        Establishment b = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_B);
        Establishment c = AccessTestData.establishment(establishments, AccessTestData.COMMUNE_C);
        String email = AccessTestData.email("switch");
        AccessTestData.user(users, email, Role.USUAL, List.of(a.id(), b.id()));
        Browser browser = new Browser(port);
        browser.signIn(email, PASSWORD);
        assertThat(json(browser.api("/api/v1/me").body()).path("establishment").path("id").asLong()).isEqualTo(a.id());
        assertThat(browser.get("/compte").body()).contains("Établissement actif");

        var switched = browser.post("/compte/etablissement", Map.of("establishmentId", String.valueOf(b.id())));

        assertThat(switched.status()).isEqualTo(302);
        assertThat(json(browser.api("/api/v1/me").body()).path("establishment").path("id").asLong()).isEqualTo(b.id());
        assertThat(browser.post("/compte/etablissement", Map.of("establishmentId", String.valueOf(c.id()))).status()).isEqualTo(403);
        assertThat(json(browser.api("/api/v1/me").body()).path("establishment").path("id").asLong()).isEqualTo(b.id());
    }

}
