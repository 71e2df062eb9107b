package fr.zlv.targeting;

/** A named set of list filters of a user, kept as the query string the list page shows. */
public record SavedView(long id, String name, String queryString) {
}
