package fr.zlv.targeting;

import java.util.Locale;

/** The columns the list sorts by, with their {@code sort} parameter names. */
public enum SortKey {
    STATUS("status", "h.status", "Statut"),
    OCCUPANCY("occupancy", "h.occupancy", "Occupation"),
    OWNER("owner", "h.primary_owner_name", "Propriétaire"),
    VACANCY_START("vacancyStart", "h.vacancy_start_year", "Début de vacance"),
    SCORE("score", "h.priority_score", "Score");

    private final String parameter;
    private final String expression;
    private final String label;

    SortKey(String parameter, String expression, String label) {
        this.parameter = parameter;
        this.expression = expression;
        this.label = label;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    String expression() {
        return expression;
    }

    static SortKey of(String parameter) {
        for (SortKey key : values()) {
            if (key.parameter.equals(parameter)) {
                return key;
            }
        }
        throw new InvalidFilterException("Le tri « " + parameter + " » n'existe pas. Tris possibles : status, occupancy, "
                + "owner, vacancyStart, score (préfixe « - » pour l'ordre décroissant).");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
