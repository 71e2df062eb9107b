package fr.zlv.groups;

import java.time.OffsetDateTime;

/**
 * A group as the list and its page show it. The counts are stored counters kept up to date when the
 * group changes, never counted when shown.
 *
 * @param ownerCount distinct primary owners of its dwellings
 */
public record GroupView(long id, String name, String description, int housingCount, int ownerCount,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime archivedAt) {

    @com.fasterxml.jackson.annotation.JsonProperty("archived")
    public boolean archived() {
        return archivedAt != null;
    }
}
