package fr.zlv.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.access.TestTenants;
import fr.zlv.support.CrossTenantHarness;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A national LOVAC load locks the dwellings for minutes: a page or an API call that needs them gives up after the
 * connections' lock timeout with a 503 saying to retry, instead of hanging (and holding a pooled connection) until
 * the load commits.
 */
@IntegrationTest
class LockedDataIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    @Timeout(120)
    void whileTheDwellingsAreLockedPagesAndApiAnswer503RetryThenWorkAgain() throws Exception {
        try (Connection any = dataSource.getConnection(); var rs = any.createStatement().executeQuery("show lock_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).as("the connections' lock timeout").isEqualTo("5s");
        }
        var agent = new TestTenants(context).create(CrossTenantHarness.TERRITORY_A);
        var browser = new Browser(port).withHeader("Accept", "text/html");
        browser.signIn(agent.email(), agent.password());
        assertThat(Browser.bearer(port, "GET", "/api/v1/housings", agent.token(), null).status()).isEqualTo(200);

        try (Connection load = dataSource.getConnection()) {
            load.setAutoCommit(false);
            // what a big load does inside its transaction (it drops the tables' indexes)
            load.createStatement().execute("lock table housing in access exclusive mode");
            long start = System.nanoTime();

            var api = Browser.bearer(port, "GET", "/api/v1/housings", agent.token(), null);
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.body()).contains("en cours de mise à jour").contains("Réessayez dans quelques minutes");

            var page = browser.get("/logements");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("Données en cours de mise à jour").contains("Réessayez dans quelques minutes");

            // each waited for the lock timeout (5 s), not for the lock
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            load.rollback();
        }

        assertThat(Browser.bearer(port, "GET", "/api/v1/housings", agent.token(), null).status()).isEqualTo(200);
        var again = browser.get("/logements");
        assertThat(again.status()).isEqualTo(302); // to its default filter
        var list = browser.get(again.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Logements");
    }
}
