package fr.zlv.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code --name value}, {@code --flag} and positional arguments of a command. */
public final class CommandArguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandArguments() {
    }

    /**
     * @param flags the options that take no value
     * @param valued the options that take a value; any other {@code --x} is refused
     */
    public static CommandArguments parse(List<String> args, Set<String> flags, Set<String> valued) {
        var parsed = new CommandArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String inlineValue = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inlineValue = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (inlineValue != null) {
                        // "--all=false" must not act as "--all"
                        throw new CommandLineCommand.BadArgumentsException("L'option --" + name + " ne prend pas de valeur.");
                    }
                    parsed.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (inlineValue == null) {
                        if (i + 1 >= args.size()) {
                            throw new CommandLineCommand.BadArgumentsException("L'option --" + name + " attend une valeur.");
                        }
                        inlineValue = args.get(++i);
                    }
                    parsed.options.put(name, inlineValue);
                } else {
                    throw new CommandLineCommand.BadArgumentsException("Option inconnue : --" + name);
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new CommandLineCommand.BadArgumentsException("L'option --" + name + " est obligatoire."));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }
}
