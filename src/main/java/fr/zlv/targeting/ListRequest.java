package fr.zlv.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting of the housing list: {@code page} (from 1), {@code perPage} (50 by default, at
 * most 500), {@code sort} (comma-separated keys, "-" for descending, e.g. {@code status,-score}).
 */
public record ListRequest(int page, int perPage, List<Order> orders) {

    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 500;
    public static final List<String> PARAMETERS = List.of("page", "perPage", "sort");

    public record Order(SortKey key, boolean descending) {
    }

    public ListRequest {
        orders = List.copyOf(orders);
    }

    public static ListRequest firstPage() {
        return new ListRequest(1, DEFAULT_PER_PAGE, List.of());
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    /** The {@code sort} parameter as it was given ("status,-score"), empty for the default order. */
    public String sortParameter() {
        return String.join(",", orders.stream().map(o -> (o.descending() ? "-" : "") + o.key().parameter()).toList());
    }

    /** @throws InvalidFilterException naming a wrong page, size or sort key */
    public static ListRequest parse(Map<String, String[]> parameters) {
        int page = number(parameters, "page", 1, 1, Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = number(parameters, "perPage", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        List<Order> orders = new ArrayList<>();
        String[] sort = parameters.get("sort");
        if (sort != null) {
            for (String raw : String.join(",", sort).split(",")) {
                String key = raw.strip();
                if (!key.isEmpty()) {
                    boolean descending = key.startsWith("-");
                    orders.add(new Order(SortKey.of(descending ? key.substring(1) : key), descending));
                }
            }
        }
        return new ListRequest(page, perPage, orders);
    }

    private static int number(Map<String, String[]> parameters, String name, int fallback, int min, int max) {
        String[] raw = parameters.get(name);
        if (raw == null || raw.length == 0 || raw[0].isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw[0].strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new InvalidFilterException("La valeur « " + raw[0] + " » du paramètre « " + name + " » n'est pas valide : "
                + "un nombre entier de " + min + " à " + max + " est attendu.");
    }
}
