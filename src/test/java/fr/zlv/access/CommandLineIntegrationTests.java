package fr.zlv.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.platform.cli.CommandLineDispatcher;
import fr.zlv.support.CrossTenantHarness.Browser;
import fr.zlv.support.IntegrationTest;
import fr.zlv.territory.EstablishmentManagement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code users add} and {@code tokens create}, run in-process on the test database. */
@IntegrationTest
class CommandLineIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EstablishmentManagement establishments;

    record Run(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CommandLineDispatcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usersAddThenTokensCreatePrintsAWorkingTokenOnTheLastLine() {
        AccessTestData.establishment(establishments, AccessTestData.EPCI_A);
        String email = AccessTestData.email("cli");

        Run add = run("users", "add", "--email", email, "--role", "USUAL", "--establishment", AccessTestData.EPCI_A,
                "--first-name", "Alix", "--last-name", "Ligne", "--password", "mot-de-passe-cli-123");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.lastLine()).contains(email);

        Run token = run("tokens", "create", "--email", email, "--establishment", AccessTestData.EPCI_A, "--name", "script");
        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.lastLine()).startsWith("zlv_");

        var me = Browser.bearer(port, "GET", "/api/v1/me", token.lastLine(), Map.of());
        assertThat(me.status()).isEqualTo(200);
        assertThat(AccessTestData.json(me.body()).path("firstName").asString()).isEqualTo("Alix");
        assertThat(AccessTestData.json(me.body()).path("establishment").path("siren").asString()).isEqualTo(AccessTestData.EPCI_A);
        assertThat(new Browser(port).signIn(email, "mot-de-passe-cli-123").location()).doesNotContain("erreur");
    }

    @Test
    void anUnknownSirenABadRoleOrAnUnknownEmailAreRefusedWithExitCode2() {
        Run unknownSiren = run("users", "add", "--email", AccessTestData.email("cli"), "--role", "USUAL", "--establishment", "999999999");
        assertThat(unknownSiren.code()).isEqualTo(2);
        assertThat(unknownSiren.err()).contains("999999999");

        Run badRole = run("users", "add", "--email", AccessTestData.email("cli"), "--role", "CHEF", "--establishment", AccessTestData.EPCI_A);
        assertThat(badRole.code()).isEqualTo(2);
        assertThat(badRole.err()).contains("Rôle inconnu");

        Run unknownEmail = run("tokens", "create", "--email", "personne-" + System.nanoTime() + "@nulle-part.fr");
        assertThat(unknownEmail.code()).isEqualTo(2);
        assertThat(unknownEmail.err()).contains("Aucun utilisateur");

        Run tokenUnknownSiren = run("tokens", "create", "--email", "admin@demo.zlv.fr", "--establishment", "999999999");
        assertThat(tokenUnknownSiren.code()).isEqualTo(2);
    }
}
