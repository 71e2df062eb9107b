package fr.zlv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The status part of a run's page, as the page polls it: once the data is committed the report shows, and while
 * a big load's indexes are still being built the page says so and keeps polling.
 */
@IntegrationTest
class ImportRunPageIntegrationTests {

    @Autowired
    TemplateEngine templates;

    private String status(ImportProgress progress) {
        var report = new ImportReport(2070, 10, 10, new TreeMap<>(), new TreeMap<>(), 0, 10, 0, 0, 0, 10, 10, 0, 1_500);
        var run = new ImportRunView(7, "admin@demo.zlv.fr", OffsetDateTime.now(), OffsetDateTime.now(), "lovac.csv", 100L,
                2070, false, "succeeded", null, report, 1_500L, false);
        // a request of the page's own (links are built against it)
        var servlet = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse());
        var context = new WebContext(exchange, java.util.Locale.FRANCE, Map.of("run", run));
        if (progress != null) {
            context.setVariable("progress", progress);
        }
        return templates.process("imports/run", Set.of("status"), context);
    }

    @Test
    void aSucceededRunWhoseIndexesAreBeingBuiltSaysSoAndKeepsPolling() {
        String html = status(new ImportProgress("construction des index de recherche : 3 sur 20", 10, 5, 100));
        assertThat(html).contains("Import terminé")
                .contains("Les données sont enregistrées ; construction des index de recherche : 3 sur 20")
                .contains("hx-get=\"/admin/imports/7/progression\"");
    }

    @Test
    void aSucceededRunWithNothingLeftToBuildStopsPolling() {
        String html = status(null);
        assertThat(html).contains("Import terminé").doesNotContain("Les données sont enregistrées").doesNotContain("hx-get");
    }
}
