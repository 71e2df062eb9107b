package fr.zlv.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A sub-command of the jar ({@code java -jar zlv.jar reference load DIR}). Modules contribute them as
 * beans; the dispatcher picks one by its words. Logs go to stderr; the result is the last stdout line.
 */
public interface CommandLineCommand {

    /** The words that name it, for example {@code List.of("tokens", "create")}. */
    List<String> words();

    /** One line of usage for the help text. */
    String usage();

    /**
     * Runs with the arguments after the command's words.
     *
     * @return the process exit code (0 success)
     * @throws BadArgumentsException for bad arguments or refused input (exit code 2)
     */
    int run(List<String> args, PrintStream out) throws Exception;

    /** Bad arguments or refused input: the message is printed on stderr and the exit code is 2. */
    class BadArgumentsException extends RuntimeException {
        public BadArgumentsException(String message) {
            super(message);
        }
    }
}
