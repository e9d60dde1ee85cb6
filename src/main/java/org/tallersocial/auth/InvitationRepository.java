package org.tallersocial.auth;

import static org.tallersocial.db.generated.Tables.FACILITATOR;
import static org.tallersocial.db.generated.Tables.INVITATION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The invitation table, keyed by the SHA-256 of the link's token. */
final class InvitationRepository {

    private final DSLContext dsl;

    InvitationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String tokenHash, long invitedBy, String note, OffsetDateTime now, OffsetDateTime expiresAt) {
        dsl.insertInto(INVITATION)
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.INVITED_BY, invitedBy)
                .set(INVITATION.NOTE, note)
                .set(INVITATION.CREATED_AT, now)
                .set(INVITATION.EXPIRES_AT, expiresAt)
                .execute();
    }

    Optional<Invitation> find(String tokenHash) {
        return dsl.selectFrom(INVITATION)
                .where(INVITATION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new Invitation(r.getTokenHash(), r.getInvitedBy(), r.getNote(),
                        r.getCreatedAt(), r.getExpiresAt(), r.getUsedAt(), r.getRevokedAt()));
    }

    /**
     * Uses the invitation up, if it still can be: the condition sits in the
     * UPDATE itself so two people racing with the same link cannot both win,
     * nor can a link withdrawn a moment before be used.
     */
    boolean markUsed(String tokenHash, OffsetDateTime now) {
        return dsl.update(INVITATION)
                .set(INVITATION.USED_AT, now)
                .where(INVITATION.TOKEN_HASH.eq(tokenHash))
                .and(stillOpen(now))
                .execute() == 1;
    }

    /** Withdraws the invitation, if it is still open; the same condition in the UPDATE as for using it. */
    boolean revoke(String tokenHash, OffsetDateTime now) {
        return dsl.update(INVITATION)
                .set(INVITATION.REVOKED_AT, now)
                .where(INVITATION.TOKEN_HASH.eq(tokenHash))
                .and(stillOpen(now))
                .execute() == 1;
    }

    List<OpenInvitation> open(OffsetDateTime now) {
        return dsl.select(INVITATION.TOKEN_HASH, INVITATION.NOTE, INVITATION.INVITED_BY, FACILITATOR.NAME,
                        INVITATION.CREATED_AT, INVITATION.EXPIRES_AT)
                .from(INVITATION)
                .join(FACILITATOR).on(FACILITATOR.ID.eq(INVITATION.INVITED_BY))
                .where(stillOpen(now))
                .orderBy(INVITATION.CREATED_AT.desc())
                .fetch(r -> new OpenInvitation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private static Condition stillOpen(OffsetDateTime now) {
        return INVITATION.USED_AT.isNull().and(INVITATION.REVOKED_AT.isNull()).and(INVITATION.EXPIRES_AT.gt(now));
    }
}
