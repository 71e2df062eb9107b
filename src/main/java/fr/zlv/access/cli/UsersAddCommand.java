package fr.zlv.access.cli;

import fr.zlv.access.AccessInputException;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.CommandArguments;
import fr.zlv.shared.CommandLineCommand;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code users add --email E --role R --establishment SIREN [--first-name F] [--last-name L] [--password P]}:
 * creates or updates a user. Several establishments: repeat the SIRENs separated by commas.
 */
@Component
class UsersAddCommand implements CommandLineCommand {

    private final UserManagement users;
    private final EstablishmentManagement establishments;

    UsersAddCommand(UserManagement users, EstablishmentManagement establishments) {
        this.users = users;
        this.establishments = establishments;
    }

    @Override
    public List<String> words() {
        return List.of("users", "add");
    }

    @Override
    public String usage() {
        return "users add --email E --role USUAL|ADMIN|VISITOR --establishment SIREN[,SIREN…] [--first-name F] [--last-name L] [--password P]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        var options = CommandArguments.parse(args, Set.of(),
                Set.of("email", "role", "establishment", "first-name", "last-name", "password"));
        String email = options.required("email");
        Role role = Role.parse(options.required("role")).orElseThrow(() -> new BadArgumentsException(
                "Rôle inconnu : « " + options.option("role").orElse("") + " » (USUAL, ADMIN ou VISITOR)."));
        List<Long> ids = new ArrayList<>();
        for (String siren : options.option("establishment").orElse("").split(",")) {
            if (!siren.isBlank()) {
                ids.add(establishments.findBySiren(siren.strip()).map(Establishment::id).orElseThrow(() ->
                        new BadArgumentsException("Aucune structure n'a le SIREN « " + siren.strip() + " ».")));
            }
        }
        if (ids.isEmpty() && role == Role.USUAL) {
            throw new BadArgumentsException("L'option --establishment est obligatoire pour un utilisateur USUAL.");
        }
        try {
            var user = users.upsertUser(email, options.option("first-name").orElse(null),
                    options.option("last-name").orElse(null), role, ids, options.option("password").orElse(null));
            out.println("Utilisateur " + user.email() + " (" + user.role() + ") enregistré, id " + user.id());
            return 0;
        } catch (AccessInputException e) {
            throw new BadArgumentsException(e.getMessage());
        }
    }
}
