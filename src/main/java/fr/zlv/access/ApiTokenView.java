package fr.zlv.access;

import java.time.OffsetDateTime;

/** An API token as its owner sees it: never the secret, which is shown once at creation. */
public record ApiTokenView(long id, String name, String establishmentName, OffsetDateTime createdAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
