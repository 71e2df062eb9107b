package fr.zlv.housing.followup;

import java.time.OffsetDateTime;

/** A document attached to a dwelling (its bytes are in the {@link DocumentStorage}). */
public record DocumentView(long id, long housingId, String fileName, String contentType, long size, String author,
                           OffsetDateTime createdAt) {

    /** "1,2 Mo" style size for the page. */
    public String sizeLabel() {
        if (size < 1024) {
            return size + " o";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.FRANCE, "%.0f Ko", size / 1024.0);
        }
        return String.format(java.util.Locale.FRANCE, "%.1f Mo", size / (1024.0 * 1024.0));
    }
}
