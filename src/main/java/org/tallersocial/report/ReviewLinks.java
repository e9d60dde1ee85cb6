package org.tallersocial.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.web.Tokens;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.web.TypedText;

/** Creating, listing, revoking and opening review links. */
public final class ReviewLinks {

    static final int MAX_READER = 80;
    static final int MAX_DAYS = 365;

    /** A new link: the token is shown once, to the facilitator who made it, and never stored. */
    public record Created(ReviewLink link, String token) {
    }

    /** What a token opens: the link's workshop, or why it opens nothing. */
    public record Opened(Optional<ReviewLink> link, String refusal) {
    }

    private final ReviewLinkRepository links;
    private final Clock clock;

    public ReviewLinks(DSLContext dsl, Clock clock) {
        this.links = new ReviewLinkRepository(dsl);
        this.clock = clock;
    }

    public Created create(long workshopId, String reader, String expiresInDays, long by) {
        String name = TypedText.line(reader);
        if (name.isEmpty()) {
            throw new WorkshopRefusal("reader_empty");
        }
        if (TypedText.tooLong(name, MAX_READER)) {
            throw new WorkshopRefusal("reader_too_long", MAX_READER);
        }
        OffsetDateTime now = now();
        OffsetDateTime expires = null;
        String days = expiresInDays == null ? "" : expiresInDays.strip();
        if (!days.isEmpty()) {
            int n;
            try {
                n = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                throw new WorkshopRefusal("expiry_range", MAX_DAYS);
            }
            if (n < 1 || n > MAX_DAYS) {
                throw new WorkshopRefusal("expiry_range", MAX_DAYS);
            }
            expires = now.plusDays(n);
        }
        String token = Tokens.newToken();
        long id = links.insert(workshopId, Tokens.sha256(token), name, by, now, expires);
        return new Created(new ReviewLink(id, workshopId, name, now, expires, null), token);
    }

    public List<ReviewLink> forWorkshop(long workshopId) {
        return links.forWorkshop(workshopId);
    }

    public void revoke(long workshopId, long linkId) {
        if (!links.revoke(workshopId, linkId, now())) {
            throw new WorkshopRefusal("link_not_here");
        }
    }

    /** @return the link when it opens now; otherwise why not ("unknown", "revoked", "expired") */
    public Opened open(String token) {
        if (token == null || token.length() > 100) {
            return new Opened(Optional.empty(), "unknown");
        }
        Optional<ReviewLink> link = links.byTokenHash(Tokens.sha256(token));
        if (link.isEmpty()) {
            return new Opened(Optional.empty(), "unknown");
        }
        if (link.get().revoked()) {
            return new Opened(Optional.empty(), "revoked");
        }
        if (link.get().expiredAt(now())) {
            return new Opened(Optional.empty(), "expired");
        }
        return new Opened(link, null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
