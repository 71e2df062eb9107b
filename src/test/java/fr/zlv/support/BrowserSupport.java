package fr.zlv.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Playwright and one headless Chromium (the machine's, never a downloaded one) per test class,
 * and a fresh browser context (cookies, session) per page. Register it with
 * {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String DEMO_PASSWORD = "demo-test-password";
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is missing: apt-get install -y chromium chromium-driver");
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A page in a new context (no cookies), whose relative URLs resolve against the product. */
    public Page newPage(int port) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("fr-FR")
                .setViewportSize(1280, 900));
        // generous: CI machines have 2 cores and the first page of a context compiles templates
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(30_000);
        contexts.add(context);
        return context.newPage();
    }

    /** Signs in through the sign-in page and waits for the page the product lands on. */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/connexion");
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL(url -> !url.contains("/connexion"));
    }

    /** Where screenshots go: {@code <build dir>/screenshots}, next to the test data folder. */
    public static Path screenshotDir() {
        String data = System.getProperty("zlv.data-dir");
        Path build = data == null ? Paths.get("target") : Paths.get(data).toAbsolutePath().getParent();
        return build.resolve("screenshots");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
