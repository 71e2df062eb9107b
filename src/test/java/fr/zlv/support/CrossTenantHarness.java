package fr.zlv.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Cross-tenant checks: a USUAL user of territory A asks, through the pages (signed-in session) and
 * through the API (bearer token), for a resource of territory B, and must get 404 or 403 and none of
 * B's data. Each territorial endpoint adds one {@link EndpointCase} to the list of
 * {@code fr.zlv.access.CrossTenantIntegrationTests} (or of its own module's test, with {@link #run}).
 * The harness itself knows no module (support must not depend on them): a {@link TenantFactory}
 * creates the users, {@code fr.zlv.access.TestTenants} being the standard one.
 *
 * <pre>{@code
 * EndpointCase.get("fiche logement", f -> "/logements/" + housingOfB)      // expects 403 or 404
 * EndpointCase.list("liste des logements", f -> "/api/v1/housing")         // 200 allowed, without B's markers
 * }</pre>
 */
public final class CrossTenantHarness {

    /** CC Faucigny - Glières (Haute-Savoie, 7 communes) and Quimper (Finistère): two territories far apart. */
    public static final String TERRITORY_A = "200000172";
    public static final String TERRITORY_B = "29232";

    /** A new USUAL user of the establishment made from a reference (SIREN or INSEE code), with an API token. */
    public record Account(long userId, String email, String password, long establishmentId, String establishmentName,
                          String token, long tokenId) {
    }

    /** Creates a new USUAL user (unique email) in the establishment of the given reference, with a token. */
    @FunctionalInterface
    public interface TenantFactory {
        Account create(String reference);
    }

    /** A user of one territory, with a browser already signed in. */
    public record Tenant(Account account, Browser browser) {
        public long userId() {
            return account.userId();
        }

        public String email() {
            return account.email();
        }

        public long establishmentId() {
            return account.establishmentId();
        }

        public String establishmentName() {
            return account.establishmentName();
        }

        public String token() {
            return account.token();
        }

        public long tokenId() {
            return account.tokenId();
        }
    }

    /**
     * The two tenants, and B's markers: strings that must never appear in an answer to A. Cases may
     * add markers of the resources they create for B.
     */
    public record Fixture(Tenant a, Tenant b, List<String> markersOfB) {
    }

    /** How the case is called: as a page with A's session, on the API with A's token, or both. */
    public enum Channel { SESSION, TOKEN }

    /**
     * One request of A for something of B.
     *
     * @param expected the statuses that are a correct refusal (403, 404); a list case also accepts 200
     * @param form     form fields for a POST (the CSRF token is added for session calls)
     * @param extraMarkers markers of B that this case's answer must not contain, besides the fixture's
     */
    public record EndpointCase(String name, String method, Function<Fixture, String> path,
                               Function<Fixture, Map<String, String>> form, Set<Integer> expected,
                               Set<Channel> channels, Function<Fixture, List<String>> extraMarkers) {

        public static EndpointCase get(String name, Function<Fixture, String> path) {
            return new EndpointCase(name, "GET", path, f -> Map.of(), Set.of(403, 404), channelsOf(path), f -> List.of());
        }

        public static EndpointCase post(String name, Function<Fixture, String> path, Function<Fixture, Map<String, String>> form) {
            return new EndpointCase(name, "POST", path, form, Set.of(403, 404), Set.of(Channel.SESSION), f -> List.of());
        }

        /** A list or summary of A's own territory: answers 200, but nothing of B may be in it. */
        public static EndpointCase list(String name, Function<Fixture, String> path) {
            return new EndpointCase(name, "GET", path, f -> Map.of(), Set.of(200, 403, 404), channelsOf(path), f -> List.of());
        }

        public EndpointCase via(Channel... only) {
            return new EndpointCase(name, method, path, form, expected, Set.of(only), extraMarkers);
        }

        public EndpointCase withMarkers(Function<Fixture, List<String>> markers) {
            return new EndpointCase(name, method, path, form, expected, channels, markers);
        }

        private static Set<Channel> channelsOf(Function<Fixture, String> path) {
            // decided when run: API paths are called both ways, pages with the session only
            return Set.of(Channel.SESSION, Channel.TOKEN);
        }
    }

    private final int port;
    private final TenantFactory factory;

    public CrossTenantHarness(int port, TenantFactory factory) {
        this.port = port;
        this.factory = factory;
    }

    /** Creates (or reuses) the two establishments and two new USUAL users, each signed in and with a token. */
    public Fixture twoTenants() {
        Tenant a = tenant(TERRITORY_A);
        Tenant b = tenant(TERRITORY_B);
        return new Fixture(a, b, List.of(b.email(), b.establishmentName()));
    }

    private Tenant tenant(String reference) {
        Account account = factory.create(reference);
        Browser browser = new Browser(port);
        var signIn = browser.signIn(account.email(), account.password());
        assertThat(signIn.location()).as("sign-in of " + account.email()).doesNotContain("erreur");
        return new Tenant(account, browser);
    }

    /** One dynamic test per case and channel. */
    public Stream<DynamicTest> run(Fixture fixture, List<EndpointCase> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointCase c : cases) {
            String path = c.path().apply(fixture);
            boolean api = path.startsWith("/api/");
            for (Channel channel : c.channels()) {
                if (channel == Channel.TOKEN && !api) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(c.name() + " [" + c.method() + " " + path + ", " + channel + "]",
                        () -> check(fixture, c, path, channel)));
            }
        }
        return tests.stream();
    }

    private void check(Fixture fixture, EndpointCase c, String path, Channel channel) {
        Browser.Response response = channel == Channel.TOKEN
                ? Browser.bearer(port, c.method(), path, fixture.a().token(), c.form().apply(fixture))
                : c.method().equals("GET") ? fixture.a().browser().get(path) : fixture.a().browser().post(path, c.form().apply(fixture));
        assertThat(response.status()).as(c.name() + ": status for a user of A").isIn(c.expected());
        List<String> markers = new ArrayList<>(fixture.markersOfB());
        markers.addAll(c.extraMarkers().apply(fixture));
        for (String marker : markers) {
            assertThat(response.body()).as(c.name() + ": the answer must not contain B's « " + marker + " »")
                    .doesNotContainIgnoringCase(marker);
        }
    }

    /**
     * A browser without JavaScript: keeps cookies (the JDBC session), never follows redirects, and
     * adds the CSRF token that the pages put in their forms.
     */
    public static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

        public record Response(int status, String body, HttpHeaders headers) {
            public String location() {
                return headers.firstValue("Location").orElse("");
            }

            public String header(String name) {
                return headers.firstValue(name).orElse(null);
            }
        }

        private final int port;
        private final HttpClient client;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String csrf;
        private boolean signedIn;

        public Browser(int port) {
            this.port = port;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        /** Sends this header with every request from now on (e.g. what a reverse proxy adds). */
        public Browser withHeader(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response signIn(String email, String password) {
            csrf = null;
            Response response = post("/connexion", Map.of("email", email, "password", password));
            // the session and its CSRF token change at sign-in
            csrf = null;
            signedIn = response.status() == 302 && !response.location().contains("erreur");
            return response;
        }

        public Response get(String path) {
            return send(HttpRequest.newBuilder(uri(port, path)).GET(), null);
        }

        public Response post(String path, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (csrf() != null) {
                fields.put("_csrf", csrf);
            }
            return send(HttpRequest.newBuilder(uri(port, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), null);
        }

        /** A raw body with this browser's session and CSRF header, as a page's script sends a file. */
        public Response postBody(String path, String contentType, byte[] body) {
            return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", contentType)
                    .header("X-CSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
        }

        /** The session's CSRF token, read from a page when none is known yet. */
        public String csrf() {
            if (csrf == null) {
                get(signedIn ? "/compte" : "/connexion");
            }
            return csrf;
        }

        /** The session's cookies as a {@code Cookie} header, for a request written by hand. */
        public String cookieHeader() {
            return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .map(java.net.HttpCookie::toString).collect(Collectors.joining("; "));
        }

        /** A JSON call with this browser's session (as the pages' scripts do). */
        public Response api(String path) {
            return send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json").GET(), null);
        }

        /** A POST with this browser's session but no CSRF token, as another site's form would send. */
        public Response postWithoutCsrf(String path) {
            return send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")), null);
        }

        /** A call with a bearer token and no cookie. */
        public static Response bearer(int port, String method, String path, String token, Map<String, String> form) {
            var builder = HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (method.equals("GET")) {
                builder.GET();
            } else {
                builder.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
            }
            try {
                var response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                        .send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), unescape(response.body()), response.headers());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Pages escape apostrophes and quotes: tests compare with the text a user reads. */
        static String unescape(String html) {
            return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        private Response send(HttpRequest.Builder builder, Object unused) {
            headers.forEach(builder::header);
            try {
                var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Matcher m = CSRF.matcher(response.body());
                if (m.find()) {
                    csrf = m.group(1) != null ? m.group(1) : m.group(2);
                }
                return new Response(response.statusCode(), unescape(response.body()), response.headers());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(Map<String, String> form) {
            return form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
