package org.tallersocial.report;

import java.time.OffsetDateTime;

/** A link an owner opens the report with; its token is known only to whoever received the link. */
public record ReviewLink(long id, long workshopId, String reader, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                         OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean opensAt(OffsetDateTime now) {
        return !revoked() && !expiredAt(now);
    }
}
