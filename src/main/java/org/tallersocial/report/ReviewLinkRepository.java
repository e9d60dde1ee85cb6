package org.tallersocial.report;

import static org.tallersocial.db.generated.Tables.REVIEW_LINK;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.db.generated.tables.records.ReviewLinkRecord;

final class ReviewLinkRepository {

    private final DSLContext dsl;

    ReviewLinkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long workshopId, String tokenHash, String reader, long by, OffsetDateTime now, OffsetDateTime expires) {
        return dsl.insertInto(REVIEW_LINK)
                .set(REVIEW_LINK.WORKSHOP_ID, workshopId)
                .set(REVIEW_LINK.TOKEN_HASH, tokenHash)
                .set(REVIEW_LINK.READER, reader)
                .set(REVIEW_LINK.CREATED_BY, by)
                .set(REVIEW_LINK.CREATED_AT, now)
                .set(REVIEW_LINK.EXPIRES_AT, expires)
                .returning(REVIEW_LINK.ID).fetchOne().getId();
    }

    Optional<ReviewLink> byTokenHash(String tokenHash) {
        return dsl.selectFrom(REVIEW_LINK).where(REVIEW_LINK.TOKEN_HASH.eq(tokenHash)).fetchOptional(this::toLink);
    }

    List<ReviewLink> forWorkshop(long workshopId) {
        return dsl.selectFrom(REVIEW_LINK).where(REVIEW_LINK.WORKSHOP_ID.eq(workshopId))
                .orderBy(REVIEW_LINK.CREATED_AT.desc(), REVIEW_LINK.ID.desc()).fetch(this::toLink);
    }

    boolean revoke(long workshopId, long linkId, OffsetDateTime now) {
        return dsl.update(REVIEW_LINK).set(REVIEW_LINK.REVOKED_AT, now)
                .where(REVIEW_LINK.ID.eq(linkId)).and(REVIEW_LINK.WORKSHOP_ID.eq(workshopId))
                .and(REVIEW_LINK.REVOKED_AT.isNull()).execute() == 1;
    }

    private ReviewLink toLink(ReviewLinkRecord r) {
        return new ReviewLink(r.getId(), r.getWorkshopId(), r.getReader(), r.getCreatedAt(), r.getExpiresAt(),
                r.getRevokedAt());
    }
}
