package fr.zlv.groups;

import java.time.OffsetDateTime;

/** One entry of a group's history: what happened, who did it and when, old → new as JSON text. */
public record GroupEventView(long id, String kind, String label, String author, OffsetDateTime createdAt,
                             String oldValue, String newValue) {
}
