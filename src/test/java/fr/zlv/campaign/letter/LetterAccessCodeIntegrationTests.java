package fr.zlv.campaign.letter;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.support.IntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owners' access codes made by the first print of a campaign (all at once) and the merged PDF of a
 * campaign larger than one rendering batch: every letter carries its own recipient's distinct code, the
 * owner portal finds each code, and printing again keeps the codes.
 */
@IntegrationTest
class LetterAccessCodeIntegrationTests {

    /** More than two batches, so that the PDF is made of several rendered parts appended one after another. */
    private static final int RECIPIENTS = LetterBatchPrinter.BATCH * 2 + 37;
    private static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    OwnerAccessCodes codes;

    @Test
    void theFirstPrintGivesEveryRecipientADistinctCodeOnItsOwnLetterAndTheNextPrintsKeepThem() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Courriers codes", Set.of("23004"));
        long campaign = data.campaign(agent.establishment().id(), "Campagne codes d'accès");
        Map<Long, String> owners = new LinkedHashMap<>();
        for (int i = 1; i <= RECIPIENTS; i++) {
            String owner = "PROPRIETAIRE%04d CODE".formatted(i);
            owners.put(data.dwelling(campaign, "23004", i + " RUE DES CODES", owner, false), owner);
        }
        long secret = data.dwelling(campaign, "23004", "1 IMPASSE DISCRÈTE", "NEPASCONTACTER PAUL", true);
        long orphan = data.dwelling(campaign, "23004", "5 RUE SANS PROPRIÉTAIRE", null, false);
        assertThat(storedCodes(campaign)).isEmpty();

        List<String> firstPrint = print(agent.token(), campaign);

        Map<Long, String> first = storedCodes(campaign);
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(owners.keySet()).doesNotContain(secret, orphan);
        assertThat(new HashSet<>(first.values())).hasSize(RECIPIENTS);
        List<Long> dwellings = new ArrayList<>(owners.keySet()); // letters come in dwelling order
        for (int page = 0; page < RECIPIENTS; page++) {
            long dwelling = dwellings.get(page);
            String shown = OwnerAccessCodes.display(first.get(dwelling));
            assertThat(shown).matches(CODE);
            assertThat(firstPrint.get(page)).contains(owners.get(dwelling)).contains(shown);
            // the owner portal finds the code as printed, and it leads to this dwelling
            assertThat(codes.resolve(shown)).hasValueSatisfying(target -> assertThat(target.housingId()).isEqualTo(dwelling));
        }

        // a dwelling added after the first print gets a code at the next print; the others keep theirs
        long added = data.dwelling(campaign, "23004", "99 RUE AJOUTÉE", "PROPRIETAIRE AJOUTE", false);
        List<String> secondPrint = print(agent.token(), campaign);
        Map<Long, String> second = storedCodes(campaign);
        assertThat(second).hasSize(RECIPIENTS + 1).containsAllEntriesOf(first);
        assertThat(second.get(added)).isNotIn(first.values());
        assertThat(secondPrint.subList(0, RECIPIENTS)).isEqualTo(firstPrint);
        assertThat(secondPrint.get(RECIPIENTS)).contains("PROPRIETAIRE AJOUTE").contains(OwnerAccessCodes.display(second.get(added)));
    }

    /** The text of each page of the campaign's merged PDF, after checking the letters' count. */
    private List<String> print(String token, long campaign) throws IOException {
        var pdf = LetterTestData.call(port, token, "GET", "/api/v1/campaigns/" + campaign + "/letters.pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        int letters = Integer.parseInt(pdf.headers().firstValue("X-Letters").orElseThrow());
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(letters);
            for (int page = 1; page <= letters; page++) {
                pages.add(LetterRenderingTests.text(document, page));
            }
        }
        return pages;
    }

    private Map<Long, String> storedCodes(long campaign) {
        Map<Long, String> stored = new LinkedHashMap<>();
        jdbc.sql("select housing_id, code from owner_access_code where campaign_id = ? order by housing_id").param(campaign)
                .query(rs -> {
                    stored.put(rs.getLong(1), rs.getString(2));
                });
        return stored;
    }
}
