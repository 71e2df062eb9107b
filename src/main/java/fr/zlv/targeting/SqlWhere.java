package fr.zlv.targeting;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause under construction: SQL text with {@code ?} placeholders and their values, in order. */
final class SqlWhere {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds one condition (ANDed with the others) and the values of its placeholders. */
    SqlWhere and(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    /** Adds the values of placeholders that the caller already wrote into a clause built with {@link Or}. */
    SqlWhere and(Or or) {
        if (!or.parts.isEmpty()) {
            clauses.add(or.parts.size() == 1 ? or.parts.getFirst() : "(" + String.join(" or ", or.parts) + ")");
            params.addAll(or.params);
        }
        return this;
    }

    String sql() {
        return clauses.isEmpty() ? "true" : String.join("\n   and ", clauses);
    }

    List<Object> params() {
        return params;
    }

    /** The values of one filter, ORed. */
    static final class Or {
        final List<String> parts = new ArrayList<>();
        final List<Object> params = new ArrayList<>();

        Or add(String part, Object... values) {
            parts.add(part);
            params.addAll(List.of(values));
            return this;
        }

        boolean isEmpty() {
            return parts.isEmpty();
        }

        String sql() {
            return parts.size() == 1 ? parts.getFirst() : "(" + String.join(" or ", parts) + ")";
        }
    }
}
