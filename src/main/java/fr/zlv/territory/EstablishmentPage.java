package fr.zlv.territory;

import java.util.List;

/** One page of an establishment search; {@code page} starts at 1. */
public record EstablishmentPage(List<Establishment> items, int page, int perPage, long total) {

    public EstablishmentPage {
        items = List.copyOf(items);
    }
}
