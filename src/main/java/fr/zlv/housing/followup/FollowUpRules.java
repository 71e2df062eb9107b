package fr.zlv.housing.followup;

import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.FollowUpRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of DOMAIN.md §4 applied to one dwelling: no way back to *Non suivi*, a sub-status belongs
 * to its status, known precisions with one "évolution" value at most per category, known occupancies.
 * Gives the state the dwelling would have, or refuses with a French message naming the field.
 */
final class FollowUpRules {

    private FollowUpRules() {
    }

    static FollowUpState apply(FollowUpState current, FollowUpChange change) {
        int status = change.status() == null ? current.status() : change.status();
        if (FollowUpCatalogue.status(status).isEmpty()) {
            throw new FollowUpRefusedException("Le statut « " + status + " » n'existe pas (champ « status ») : valeurs possibles de 0 à 5.");
        }
        if (status == 0 && current.status() != 0) {
            throw new FollowUpRefusedException(nonSuiviMessage(current));
        }
        String subStatus = subStatus(current, change, status);
        List<String> precisions = change.precisions() == null ? current.precisions() : precisions(change.precisions());
        String occupancy = change.occupancy() == null ? current.occupancy() : occupancy(change.occupancy().strip(), "occupancy");
        String intended = change.occupancyIntended() == null ? current.occupancyIntended()
                : change.occupancyIntended().isBlank() ? null : occupancy(change.occupancyIntended().strip(), "occupancyIntended");
        boolean statusOrOccupancy = status != current.status() || !Objects.equals(occupancy, current.occupancy());
        return new FollowUpState(current.id(), current.localId(), status, subStatus, precisions, occupancy, intended,
                current.userModified() || statusOrOccupancy, current.version());
    }

    static String nonSuiviMessage(FollowUpState current) {
        return "Un logement ne peut pas revenir au statut « Non suivi » une fois qu'il en est sorti (champ « status ») : "
                + "le logement " + current.localId() + " est « " + FollowUpCatalogue.statusLabel(current.status()) + " ».";
    }

    /** The stored label of the sub-status, null for none. */
    private static String subStatus(FollowUpState current, FollowUpChange change, int status) {
        FollowUpCatalogue.Status target = FollowUpCatalogue.status(status).orElseThrow();
        if (change.subStatus() == null) {
            // a status change drops a sub-status of the former status rather than keeping an impossible pair
            return current.subStatus() != null && FollowUpCatalogue.subStatusOf(status, current.subStatus()).isPresent()
                    ? current.subStatus() : null;
        }
        String given = change.subStatus().strip();
        if (given.isEmpty()) {
            return null;
        }
        return FollowUpCatalogue.subStatusOf(status, given).map(FollowUpCatalogue.Choice::label).orElseThrow(() -> {
            String possible = target.subStatuses().isEmpty() ? "ce statut n'a pas de sous-statut"
                    : "sous-statuts possibles : " + target.subStatuses().stream().map(c -> c.code() + " (" + c.label() + ")")
                    .collect(Collectors.joining(", "));
            String what = FollowUpCatalogue.anySubStatus(given).isPresent()
                    ? "Le sous-statut « " + given + " » n'appartient pas au statut « " + target.label() + " »"
                    : "Le sous-statut « " + given + " » n'existe pas";
            return new FollowUpRefusedException(what + " (champ « subStatus ») : " + possible + ".");
        });
    }

    private static List<String> precisions(List<String> codes) {
        Set<String> kept = new LinkedHashSet<>();
        Set<String> singles = new LinkedHashSet<>();
        for (String raw : codes) {
            String code = raw == null ? "" : raw.strip();
            var category = FollowUpCatalogue.precisionCategoryOf(code).orElseThrow(() -> new FollowUpRefusedException(
                    "La précision « " + code + " » n'existe pas (champ « precisions ») : un code « catégorie/précision » est attendu, "
                            + "par exemple « dispositifs-incitatifs/dispositif-fiscal »."));
            if (kept.add(code) && category.single() && !singles.add(category.code())) {
                throw new FollowUpRefusedException("Une seule valeur est possible pour « " + category.label()
                        + " » (champ « precisions »).");
            }
        }
        return new ArrayList<>(kept);
    }

    private static String occupancy(String code, String field) {
        return FollowUpCatalogue.occupancy(code).map(FollowUpCatalogue.Choice::code).orElseThrow(() ->
                new FollowUpRefusedException("L'occupation « " + code + " » n'existe pas (champ « " + field + " ») : valeurs possibles "
                        + FollowUpCatalogue.OCCUPANCIES.stream().map(FollowUpCatalogue.Choice::code).collect(Collectors.joining(", ")) + "."));
    }
}
