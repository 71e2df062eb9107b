package fr.zlv.access.cli;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.shared.CommandArguments;
import fr.zlv.shared.CommandLineCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code tokens create --email E [--establishment SIREN] [--name N]}: the token is the last stdout line. */
@Component
class TokensCreateCommand implements CommandLineCommand {

    private final ApiTokenManagement tokens;

    TokensCreateCommand(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<String> words() {
        return List.of("tokens", "create");
    }

    @Override
    public String usage() {
        return "tokens create --email E [--establishment SIREN] [--name N]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        var options = CommandArguments.parse(args, Set.of(), Set.of("email", "establishment", "name"));
        try {
            var token = tokens.createFor(options.required("email"), options.option("establishment").orElse(null),
                    options.option("name").orElse(null));
            out.println("Jeton « " + token.name() + " » créé, agissant pour : " + token.establishmentName());
            out.println(token.secret());
            return 0;
        } catch (AccessInputException e) {
            throw new BadArgumentsException(e.getMessage());
        }
    }
}
