package fr.zlv.platform.cli;

import fr.zlv.shared.CommandLineCommand;
import fr.zlv.shared.security.Roles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a sub-command of the jar without the web server. Logs go to stderr, the result is the last
 * line of stdout. Exit codes: 0 success, 2 bad arguments or refused input, 1 any other failure.
 */
public final class CommandLineDispatcher {

    /** First words that make the jar run a command instead of the server. */
    private static final Set<String> COMMAND_WORDS = Set.of("reference", "users", "tokens", "import", "generate", "help");

    private CommandLineDispatcher() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMAND_WORDS.contains(args[0]);
    }

    /** Entry point of the jar: the real stdout for results, everything else (System.out included) on stderr. */
    public static int run(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Anything a library prints on stdout would break "the result is the last stdout line".
        System.setOut(System.err);
        return run(args, out, System.err);
    }

    /** Runs a command with the given streams (tests call this in-process; the database is shared). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SpringApplication application = new SpringApplication(applicationClass());
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // beans are made as the command asks for them: a command needs a few modules, not the pages, letters and
        // jobs the server starts with (a second less before an import or a token's first line)
        application.setDefaultProperties(Map.of(
                "zlv.mode", "cli",
                "spring.main.lazy-initialization", "true",
                "logging.config", "classpath:logback-cli.xml",
                "spring.main.register-shutdown-hook", "true"));
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (RuntimeException e) {
            err.println("Erreur : impossible de démarrer (" + rootMessage(e) + ")");
            return 1;
        }
        try (context) {
            List<CommandLineCommand> commands = context.getBeansOfType(CommandLineCommand.class).values().stream()
                    .sorted(Comparator.comparing(c -> String.join(" ", c.words()))).toList();
            List<String> words = Arrays.asList(args);
            for (CommandLineCommand command : commands) {
                int n = command.words().size();
                if (words.size() >= n && words.subList(0, n).equals(command.words())) {
                    List<String> rest = words.subList(n, words.size());
                    return Roles.asSystem(() -> execute(command, rest, out, err));
                }
            }
            err.println("Commande inconnue : " + String.join(" ", words));
            err.println("Commandes :");
            commands.forEach(c -> err.println("  java -jar zlv.jar " + c.usage()));
            return "help".equals(args[0]) ? 0 : 2;
        }
    }

    /** Looked up by name: the application class depends on this dispatcher, not the other way round. */
    private static Class<?> applicationClass() {
        try {
            return Class.forName("fr.zlv.ZlvApplication");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int execute(CommandLineCommand command, List<String> args, PrintStream out, PrintStream err) {
        try {
            int code = command.run(args, out);
            out.flush();
            return code;
        } catch (CommandLineCommand.BadArgumentsException e) {
            err.println("Erreur : " + e.getMessage());
            err.println("Usage : java -jar zlv.jar " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println("Erreur : " + rootMessage(e));
            e.printStackTrace(err);
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
