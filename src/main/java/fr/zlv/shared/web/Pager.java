package fr.zlv.shared.web;

/**
 * Where a paged list stands: the current page (from 1), how many pages and items there are. The
 * template shows the DSFR pagination only when {@link #needed()}.
 */
public record Pager(int page, int pages, int total) {

    /** The page asked for, brought back between 1 and the last page (an empty list has one page). */
    public static Pager of(int requestedPage, int total, int perPage) {
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        return new Pager(Math.min(Math.max(requestedPage, 1), pages), pages, total);
    }

    public boolean needed() {
        return pages > 1;
    }

    public Integer previous() {
        return page > 1 ? page - 1 : null;
    }

    public Integer next() {
        return page < pages ? page + 1 : null;
    }
}
