package org.tallersocial.workshop;

import static org.tallersocial.db.generated.Tables.PARTICIPANT;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

public final class ParticipantRepository {

    private final DSLContext dsl;

    public ParticipantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Participant insert(long workshopId, String tokenHash, String displayName, OffsetDateTime now) {
        long id = dsl.insertInto(PARTICIPANT)
                .set(PARTICIPANT.WORKSHOP_ID, workshopId)
                .set(PARTICIPANT.TOKEN_HASH, tokenHash)
                .set(PARTICIPANT.DISPLAY_NAME, displayName)
                .set(PARTICIPANT.JOINED_AT, now)
                .returning(PARTICIPANT.ID)
                .fetchOne()
                .getId();
        return new Participant(id, workshopId, displayName);
    }

    /** The person whose cookie this is, in this workshop only; only the token's hash is stored. */
    public Optional<Participant> byCookie(long workshopId, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return findByToken(workshopId, org.tallersocial.web.Tokens.sha256(token));
    }

    /** A token only ever opens the workshop it was issued for. */
    public Optional<Participant> findByToken(long workshopId, String tokenHash) {
        return dsl.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.TOKEN_HASH.eq(tokenHash)).and(PARTICIPANT.WORKSHOP_ID.eq(workshopId))
                .fetchOptional()
                .map(r -> new Participant(r.getId(), r.getWorkshopId(), r.getDisplayName()));
    }

    /** The name a person gave when joining, if any (the live room keeps it in memory: see Room.name). */
    public Optional<String> displayName(long participantId) {
        return dsl.select(PARTICIPANT.DISPLAY_NAME).from(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(participantId)).fetchOptional(PARTICIPANT.DISPLAY_NAME);
    }

    public int countForWorkshop(long workshopId) {
        return dsl.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(workshopId));
    }
}
