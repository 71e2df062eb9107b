package fr.zlv.ownerportal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy ({@code ZLV_FORWARDED_HEADERS=native}), the owner page's limit of wrong codes counts
 * the address the proxy says the request came from, not the proxy's own: one guesser is blocked, another
 * owner behind the same proxy is not.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedAddressIntegrationTests extends OwnerPortalTestCase {

    @Override
    String agentCommune() {
        return OwnerPortalTestData.PONTARLIER;
    }

    @Test
    void theLimitOfWrongCodesCountsTheAddressTheProxyForwards() {
        var letter = data.letter(agent.establishment().id(), OwnerPortalTestData.PONTARLIER, 1, "3 RUE DU PROXY", "Proxy");
        // the test's requests come from 127.0.0.1, an address Tomcat trusts as a proxy (private and loopback networks)
        Browser guesser = new Browser(port).withHeader("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < RateLimits.WRONG_CODES_PER_ADDRESS; i++) {
            assertThat(guesser.post("/proprietaire", Map.of("code", "AAAA-BBBB-CD" + (10 + i))).status()).isEqualTo(400);
        }
        assertThat(guesser.post("/proprietaire", Map.of("code", letter.code())).status()).isEqualTo(429);
        assertThat(new Browser(port).withHeader("X-Forwarded-For", "203.0.113.7")
                .post("/proprietaire", Map.of("code", letter.code())).status()).isEqualTo(429);

        var owner = new Browser(port).withHeader("X-Forwarded-For", "198.51.100.20");
        assertThat(owner.post("/proprietaire", Map.of("code", letter.code())).status()).isEqualTo(302);
        data.forgetAttempts();
    }
}
