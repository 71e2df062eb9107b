package fr.zlv.imports;

import java.time.OffsetDateTime;

/**
 * One import run as the admin page lists it.
 *
 * @param status running, succeeded, refused, failed
 * @param report null unless succeeded
 */
public record ImportRunView(long id, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                            String fileName, Long fileSize, int millesime, boolean allDurations, String status,
                            String message, ImportReport report, Long durationMs, boolean hasRejects) {
}
