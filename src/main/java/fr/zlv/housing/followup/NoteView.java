package fr.zlv.housing.followup;

import java.time.OffsetDateTime;

/** A note on a dwelling, shared by every establishment that sees the dwelling. */
public record NoteView(long id, long housingId, String content, String author, OffsetDateTime createdAt,
                       String editor, OffsetDateTime updatedAt) {
}
