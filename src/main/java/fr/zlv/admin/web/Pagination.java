package fr.zlv.admin.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of a DSFR pagination bar: first, previous, a window of pages around the current one,
 * next, last. {@code url} builds the link of a page number.
 */
public record Pagination(int page, int pageCount, List<Integer> window, String first, String previous,
                         String next, String last, List<String> windowUrls) {

    static Pagination of(int page, int perPage, long total, java.util.function.IntFunction<String> url) {
        int pageCount = (int) Math.max(1, (total + perPage - 1) / perPage);
        int current = Math.clamp(page, 1, pageCount);
        int from = Math.max(1, current - 2);
        int to = Math.min(pageCount, from + 4);
        from = Math.max(1, to - 4);
        List<Integer> window = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            window.add(i);
            urls.add(url.apply(i));
        }
        return new Pagination(current, pageCount, window,
                current > 1 ? url.apply(1) : null, current > 1 ? url.apply(current - 1) : null,
                current < pageCount ? url.apply(current + 1) : null, current < pageCount ? url.apply(pageCount) : null, urls);
    }

    public boolean needed() {
        return pageCount > 1;
    }
}
