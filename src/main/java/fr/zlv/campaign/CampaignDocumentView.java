package fr.zlv.campaign;

import java.time.OffsetDateTime;

/** A document attached to a campaign (its bytes are in the document storage). */
public record CampaignDocumentView(long id, long campaignId, String fileName, String contentType, long size,
                                   String author, OffsetDateTime createdAt) {

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
