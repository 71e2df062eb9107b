package fr.zlv.targeting.web;

import java.util.List;

/** Records handed to the list and map templates. */
final class ListViews {

    private ListViews() {
    }

    /** One checkbox of the side panel. */
    record Choice(String code, String label, boolean checked) {
    }

    /**
     * One filter of the side panel: checkboxes, or a text field of comma-separated codes.
     *
     * @param text the text field's value when the filter takes free codes (communes, EPCI), else null
     */
    record Field(String parameter, String label, List<Choice> choices, String text, boolean active) {
        public boolean isText() {
            return text != null;
        }
    }

    record Group(String name, List<Field> fields) {
        /** Open when one of its filters is active. */
        public boolean active() {
            return fields.stream().anyMatch(Field::active);
        }
    }

    /** An active filter value and the address of the list without it. */
    record Chip(String label, String removeUrl) {
    }

    record StatusTab(String code, String label, long count, String url, boolean active) {
    }

    /** A sortable column header: the address that sorts by it (or reverses it) and the current direction. */
    record SortLink(String url, String direction) {
    }

    record Pager(int page, int lastPage, String firstUrl, String previousUrl, String nextUrl, String lastUrl) {
        public boolean needed() {
            return lastPage > 1;
        }
    }
}
