package fr.zlv.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.housing.followup.FollowUpTestData;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.BrowserSupport;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs axe-core (WCAG 2.0 and 2.1, levels A and AA: what the RGAA builds on) on the pages an agent and an
 * owner use all day, in the states that matter (filter groups open, form errors, phone width, dark theme).
 * A test fails on any WCAG violation of impact « serious » or « critical », listing for each page the rule,
 * its help and the offending elements. Moderate and minor ones, axe's best practices (heading order,
 * landmarks) and what axe leaves undecided are printed only ({@code [axe]} lines of the test output).
 * Text contrast is measured a second time with the DSFR's background images hidden (see
 * {@link #checkContrastWithoutBackgroundImages}). Screenshots of the pages go to {@link BrowserSupport#screenshotDir()}.
 * The data lives in Gap (05061), a commune no other test uses.
 */
@IntegrationTest
class AccessibilityBrowserTests {

    private static final String GAP = "05061";
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * Elements axe may not judge, each for a reason outside our templates (a vendored library's markup).
     * Keyed by page name; a selector here is excluded from that page's analysis only. None is needed today:
     * MapLibre's canvas and controls pass since the housing map's container is a group, not an image.
     */
    private static final Map<String, List<String>> VENDOR_EXCLUSIONS = Map.of();

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

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

    private FollowUpTestData data;
    private FollowUpTestData.Agent agent;
    private final List<String> blocking = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new FollowUpTestData(jdbc, users, establishments, tokens, port);
        agent = data.agent(Set.of(GAP));
        // every test comes from the same address: forget the owner portal's attempts
        jdbc.sql("delete from owner_code_attempt").update();
    }

    @AfterEach
    void failOnBlockingViolations() {
        if (!blocking.isEmpty()) {
            Assertions.fail("Violations d’accessibilité bloquantes (serious/critical) :\n" + String.join("\n", blocking));
        }
    }

    @Test
    void signInHomeHousingListAndHousingPage() {
        long housing = dwellingWithHistory("12 RUE DE L’ACCESSIBILITÉ");

        Page page = browser.newPage(port);
        page.navigate("/accessibilite");
        check(page, "déclaration d’accessibilité");
        page.navigate("/connexion");
        check(page, "connexion");
        page.getByLabel("Adresse électronique").fill(agent.email());
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("pas-le-bon-mot-de-passe");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator(".fr-alert--error, .fr-error-text").first()).isVisible();
        check(page, "connexion (erreur)");
        BrowserSupport.signIn(page, agent.email(), agent.password());
        check(page, "accueil");

        page.navigate("/logements");
        check(page, "liste des logements");
        // the DSFR opens one filter group at a time: each is opened and checked in turn
        Locator groups = page.locator("aside .fr-accordion__btn");
        for (int i = 0; i < groups.count(); i++) {
            Locator button = groups.nth(i);
            if (!"true".equals(button.getAttribute("aria-expanded"))) {
                button.click();
            }
            String panel = "#" + button.getAttribute("aria-controls");
            assertThat(page.locator(panel)).isVisible();
            check(page, "liste des logements (filtres « " + button.innerText() + " » ouverts)", panel);
        }

        page.navigate("/logements/carte");
        // the points are on the map: MapLibre has put its canvas and controls in place
        assertThat(page.locator("#carte")).hasAttribute("data-points", java.util.regex.Pattern.compile("\\d+"));
        // its controls speak French (map-locale.js), as on the dwelling's map below
        assertThat(page.locator("#carte .maplibregl-ctrl-zoom-in")).hasAttribute("aria-label", "Zoomer");
        check(page, "carte des logements");

        page.navigate("/logements/" + housing);
        assertThat(page.locator("h1")).containsText("12 RUE DE L’ACCESSIBILITÉ");
        // the location map has put its canvas and zoom buttons in place
        assertThat(page.locator("#carte-logement")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#carte-logement .maplibregl-ctrl-zoom-out")).hasAttribute("aria-label", "Dézoomer");
        check(page, "fiche logement");
    }

    @Test
    void groupsAndCampaignPages() {
        long h1 = dwellingWithHistory("3 RUE DU GROUPE");
        long h2 = data.housing(GAP, 0, "5 RUE DU GROUPE");
        data.owner(h2, "PETIT/LOUISE", 1);
        long group = jdbc.sql("insert into housing_group (establishment_id, name, description, housing_count) values (?, 'Centre de Gap', 'Rues du centre', 2) returning id")
                .param(agent.establishment().id()).query(Long.class).single();
        jdbc.sql("insert into housing_group_housing (group_id, housing_id) values (?, ?), (?, ?)").params(group, h1, group, h2).update();
        long campaign = campaignOf(h1, h2);

        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, agent.email(), agent.password());
        page.navigate("/groupes");
        check(page, "liste des groupes");
        page.navigate("/groupes/" + group);
        check(page, "groupe");
        page.navigate("/campagnes");
        check(page, "liste des campagnes");
        page.navigate("/campagnes/nouvelle?groupe=" + group);
        check(page, "nouvelle campagne");
        page.navigate("/campagnes/" + campaign);
        check(page, "campagne (destinataires)");
        page.navigate("/campagnes/" + campaign + "/courrier");
        check(page, "campagne (courrier)");
        page.navigate("/campagnes/" + campaign + "/documents");
        check(page, "campagne (documents)");
        answerAsOwner(codeOf(campaign, h1));
        page.navigate("/campagnes/" + campaign + "/reponses");
        assertThat(page.locator("#reponses")).containsText("Le vendre");
        check(page, "campagne (réponses)");
    }

    @Test
    void adminImportPage() {
        Page page = browser.newPage(port);
        BrowserSupport.signIn(page, "admin@demo.zlv.fr", BrowserSupport.DEMO_PASSWORD);
        page.navigate("/admin/imports");
        assertThat(page.locator("h1")).hasText("Imports LOVAC");
        check(page, "imports LOVAC");
    }

    @Test
    void ownerPortalFromTheCodeToTheWithdrawalOfConsent() {
        long housing = data.housing(GAP, 2, "8 RUE DU PROPRIÉTAIRE");
        data.owner(housing, "ROUX/MARCEL", 1);
        long campaign = campaignOf(housing);
        String code = codeOf(campaign, housing);

        Page owner = browser.newPage(port);
        owner.navigate("/proprietaire");
        check(owner, "portail propriétaire (code)");
        owner.getByLabel("Code personnel").fill("ZZZZ-ZZZZ");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer").setExact(true)).click();
        check(owner, "portail propriétaire (code refusé)");

        owner.navigate("/proprietaire/" + code);
        owner.waitForURL("**/proprietaire/reponse");
        check(owner, "formulaire de réponse");
        // owners often answer from a phone: the same page in a narrow window (menu folded)
        owner.setViewportSize(375, 740);
        check(owner, "formulaire de réponse (téléphone)");
        owner.setViewportSize(1280, 900);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse")).click();
        assertThat(owner.locator("#erreurs")).isVisible();
        check(owner, "formulaire de réponse (erreurs)");

        fillAnswer(owner);
        owner.waitForURL("**/proprietaire/merci");
        check(owner, "merci");
        owner.navigate("/proprietaire/" + code);
        owner.waitForURL("**/proprietaire/reponse");
        owner.locator("#retirer-consentement").click();
        owner.waitForURL("**/proprietaire/consentement/retrait");
        check(owner, "confirmation du retrait du consentement");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Oui, retirer mon consentement et effacer mes coordonnées")).click();
        owner.waitForURL("**/proprietaire/consentement/retire");
        check(owner, "consentement retiré");
    }

    /**
     * The DSFR follows the system's dark theme (data-fr-scheme="system"): the colours our templates set
     * themselves (status badges, map legend, tabs) must keep their contrast there too.
     */
    @Test
    void theDarkThemeKeepsTheContrastOfTheMainPages() {
        long housing = dwellingWithHistory("21 RUE DU THÈME SOMBRE");
        long campaign = campaignOf(housing);
        String code = codeOf(campaign, housing);

        Page page = browser.newPage(port);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        page.navigate("/connexion");
        assertThat(page.locator("html")).hasAttribute("data-fr-theme", "dark");
        check(page, "connexion (thème sombre)");
        BrowserSupport.signIn(page, agent.email(), agent.password());
        check(page, "accueil (thème sombre)");
        page.navigate("/logements");
        check(page, "liste des logements (thème sombre)");
        page.navigate("/logements/" + housing);
        assertThat(page.locator("#carte-logement")).hasAttribute("data-ready", "true");
        check(page, "fiche logement (thème sombre)");
        page.navigate("/campagnes/" + campaign);
        check(page, "campagne (thème sombre)");
        page.navigate("/campagnes/" + campaign + "/courrier");
        check(page, "campagne (courrier, thème sombre)");

        Page owner = browser.newPage(port);
        owner.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        owner.navigate("/proprietaire/" + code);
        owner.waitForURL("**/proprietaire/reponse");
        check(owner, "formulaire de réponse (thème sombre)");
    }

    /**
     * Runs axe on the page as it is now: the WCAG A/AA rules, whose serious and critical violations fail the
     * test, and axe's best practices (heading order, landmarks…), printed only. Prints every violation and
     * what axe could not decide (to check by hand).
     */
    private void check(Page page, String name) {
        check(page, name, null);
    }

    /** As {@link #check(Page, String)}, on the part of the page that {@code within} selects when not null. */
    private void check(Page page, String name, String within) {
        page.waitForLoadState();
        // the DSFR's script marks the root once it has set up its components (menus, accordions, tabs)
        page.locator("html[data-fr-js='true']").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        String file = "a11y-" + name.replaceAll("[^\\p{L}0-9]+", "-") + ".png";
        if (within == null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserSupport.screenshotDir().resolve(file)));
        }
        List<String> tags = new ArrayList<>(WCAG_A_AA);
        tags.add("best-practice");
        AxeBuilder axe = new AxeBuilder(page).withTags(tags);
        if (within != null) {
            axe.include(within);
        }
        VENDOR_EXCLUSIONS.getOrDefault(name, List.of()).forEach(axe::exclude);
        var results = axe.analyze();
        Assertions.assertNull(results.getError(), () -> "axe n’a pas pu analyser " + name + " : " + results.getErrorMessage());
        List<Rule> violations = results.getViolations();
        System.out.println("[axe] " + name + " (" + page.url() + ") : " + results.getPasses().size() + " règles respectées, "
                + violations.size() + " enfreintes");
        for (Rule rule : violations) {
            boolean wcag = rule.getTags().stream().anyMatch(WCAG_A_AA::contains);
            String text = describe(name, rule, wcag);
            System.out.println("[axe] " + text);
            if (wcag && BLOCKING.contains(rule.getImpact())) {
                blocking.add(text);
            }
        }
        checkContrastWithoutBackgroundImages(page, name, within);
        for (Rule rule : results.getIncomplete()) {
            Set<String> reasons = new java.util.TreeSet<>();
            rule.getNodes().forEach(node -> node.getAny().forEach(c -> reasons.add(c.getMessage())));
            System.out.println("[axe] " + name + " — à vérifier à la main : " + rule.getId() + " sur " + rule.getNodes().size()
                    + " éléments, par ex. " + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList()
                    + " — " + reasons);
        }
    }

    /**
     * The DSFR draws link underlines, icons and some states with background images and pseudo-elements, so
     * axe leaves the contrast of most texts undecided. The colours of texts and of their backgrounds do not
     * come from those images: with them hidden for a moment, axe measures every text's contrast.
     */
    private void checkContrastWithoutBackgroundImages(Page page, String name, String within) {
        page.evaluate("""
                () => { const style = document.createElement('style'); style.id = 'zlv-axe-contraste';
                        style.textContent = '*, *::before, *::after { background-image: none !important; }'
                          + ' *::before, *::after { content: none !important; }';
                        document.head.appendChild(style); }""");
        try {
            AxeBuilder axe = new AxeBuilder(page).withRules(List.of("color-contrast"));
            if (within != null) {
                axe.include(within);
            }
            VENDOR_EXCLUSIONS.getOrDefault(name, List.of()).forEach(axe::exclude);
            var results = axe.analyze();
            System.out.println("[axe] " + name + " — contraste mesuré sans images de fond : "
                    + results.getPasses().stream().mapToInt(r -> r.getNodes().size()).sum() + " textes suffisants, "
                    + results.getViolations().stream().mapToInt(r -> r.getNodes().size()).sum() + " insuffisants");
            for (Rule rule : results.getViolations()) {
                String text = describe(name + " (contraste mesuré sans images de fond)", rule, true);
                System.out.println("[axe] " + text);
                if (BLOCKING.contains(rule.getImpact())) {
                    blocking.add(text);
                }
            }
            for (Rule rule : results.getIncomplete()) {
                Set<String> reasons = new java.util.TreeSet<>();
                rule.getNodes().forEach(node -> node.getAny().forEach(c -> reasons.add(c.getMessage())));
                System.out.println("[axe] " + name + " — contraste encore indécidable sur " + rule.getNodes().size()
                        + " éléments, par ex. " + rule.getNodes().stream().limit(5).map(n -> String.valueOf(n.getTarget())).toList()
                        + " — " + reasons);
            }
        } finally {
            page.evaluate("() => document.getElementById('zlv-axe-contraste').remove()");
        }
    }

    private static String describe(String pageName, Rule rule, boolean wcag) {
        StringBuilder text = new StringBuilder()
                .append(pageName).append(" — ").append(rule.getImpact()).append(" ").append(rule.getId())
                .append(wcag ? "" : " (bonne pratique)")
                .append(" : ").append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")");
        for (CheckedNode node : rule.getNodes()) {
            String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
            text.append("\n    ").append(node.getTarget()).append(" — ").append(summary);
        }
        return text.toString();
    }

    /** A dwelling with an owner, a status change and a note: its follow-up, notes and history are not empty. */
    private long dwellingWithHistory(String address) {
        long id = data.housing(GAP, 0, address);
        data.owner(id, "MARTIN/JEANNE", 1);
        Assertions.assertEquals(200, data.call(agent, "PATCH", "/api/v1/housings/" + id, "{\"status\": 2, \"version\": 0}").status());
        Assertions.assertEquals(201, data.call(agent, "POST", "/api/v1/housings/" + id + "/notes",
                "{\"content\": \"Propriétaire joint par téléphone\"}").status());
        return id;
    }

    /** A campaign sent today to the dwellings, as the campaign module stores it. */
    private long campaignOf(long... housings) {
        long campaign = jdbc.sql("""
                insert into campaign (establishment_id, title, sending_date, housing_count)
                values (?, 'Relance vacance 2026', current_date, ?) returning id""")
                .params(agent.establishment().id(), housings.length).query(Long.class).single();
        for (long housing : housings) {
            jdbc.sql("insert into campaign_housing (campaign_id, housing_id, moved_to_waiting) values (?, ?, now())")
                    .params(campaign, housing).update();
        }
        return campaign;
    }

    private String codeOf(long campaign, long housing) {
        return Roles.asSystem(() -> codes.ensureCodes(campaign)).entrySet().stream()
                .filter(e -> e.getKey().housingId() == housing).map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private void answerAsOwner(String code) {
        Page owner = browser.newPage(port);
        owner.navigate("/proprietaire/" + code);
        owner.waitForURL("**/proprietaire/reponse");
        fillAnswer(owner);
        owner.waitForURL("**/proprietaire/merci");
    }

    private static void fillAnswer(Page owner) {
        tick(owner, "Oui, il est toujours vacant");
        tick(owner, "Le vendre");
        owner.locator("#telephone").fill("06 05 06 10 61");
        tick(owner, "me recontacte avec ces");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma réponse")).click();
    }

    private static void tick(Page page, String label) {
        page.locator("label").filter(new Locator.FilterOptions().setHasText(label)).first().click();
    }
}
