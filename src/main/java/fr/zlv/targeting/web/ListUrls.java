package fr.zlv.targeting.web;

import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.ListRequest;

/** Addresses of the list page for a filter, a sort, a page size and a page (the state lives in the URL). */
record ListUrls(String base, HousingFilter filter, ListRequest request) {

    String with(HousingFilter other) {
        return build(base, other, request.sortParameter(), request.perPage(), 1);
    }

    String page(int page) {
        return build(base, filter, request.sortParameter(), request.perPage(), page);
    }

    String sort(String sort) {
        return build(base, filter, sort, request.perPage(), 1);
    }

    String filterOnly() {
        return filter.toQueryString();
    }

    static String build(String base, HousingFilter filter, String sort, int perPage, int page) {
        StringBuilder query = new StringBuilder(filter.toQueryString());
        if (query.isEmpty()) {
            // an explicit empty filter: without it the page would apply its default (latest millésime)
            query.append("dataFileYearsIncluded=");
        }
        if (sort != null && !sort.isEmpty()) {
            query.append("&sort=").append(sort);
        }
        if (perPage != ListRequest.DEFAULT_PER_PAGE) {
            query.append("&perPage=").append(perPage);
        }
        if (page > 1) {
            query.append("&page=").append(page);
        }
        return base + "?" + query;
    }
}
