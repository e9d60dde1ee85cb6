package org.tallersocial.workshop;

import static org.tallersocial.db.generated.Tables.PARTICIPANT;
import static org.tallersocial.db.generated.Tables.WORKSHOP;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.web.Texts;

public final class ParticipantRepository {

    static final String HELD = "held";
    static final String REJECTED = "rejected";

    private final DSLContext dsl;
    private final Texts texts;

    public ParticipantRepository(DSLContext dsl, Texts texts) {
        this.dsl = dsl;
        this.texts = texts;
    }

    /** @param nameHeld the word filter caught the name: it waits for the facilitator */
    public Participant insert(long workshopId, String tokenHash, String displayName, boolean nameHeld,
                              OffsetDateTime now) {
        return insert(workshopId, tokenHash, displayName, nameHeld, false, now);
    }

    /** @param late joining through the catch-up link, after the workshop closed */
    public Participant insert(long workshopId, String tokenHash, String displayName, boolean nameHeld, boolean late,
                              OffsetDateTime now) {
        long id = dsl.insertInto(PARTICIPANT)
                .set(PARTICIPANT.WORKSHOP_ID, workshopId)
                .set(PARTICIPANT.TOKEN_HASH, tokenHash)
                .set(PARTICIPANT.DISPLAY_NAME, displayName)
                .set(PARTICIPANT.NAME_HELD, nameHeld ? HELD : null)
                .set(PARTICIPANT.JOINED_AT, now)
                .set(PARTICIPANT.LATE, late)
                .returning(PARTICIPANT.ID)
                .fetchOne()
                .getId();
        return new Participant(id, workshopId, displayName, nameHeld, late);
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
                .map(r -> new Participant(r.getId(), r.getWorkshopId(), r.getDisplayName(), r.getNameHeld() != null,
                        r.getLate()));
    }

    /**
     * The name a person gave when joining, if any, as every screen may show it (the live room keeps it in
     * memory: see Room.name): a name the word filter holds, or the facilitator rejected, is a placeholder
     * in the workshop's language.
     */
    public Optional<String> displayName(long participantId) {
        return dsl.select(PARTICIPANT.DISPLAY_NAME, PARTICIPANT.NAME_HELD, WORKSHOP.LANGUAGE).from(PARTICIPANT)
                .join(WORKSHOP).on(WORKSHOP.ID.eq(PARTICIPANT.WORKSHOP_ID))
                .where(PARTICIPANT.ID.eq(participantId)).fetchOptional()
                .map(r -> r.value2() == null ? r.value1() : placeholder(r.value3(), participantId));
    }

    /** "Participant 12": who someone is while their name waits, in this language. */
    public String placeholder(String language, long participantId) {
        return texts.get(Texts.locale(language), "participant.placeholder", String.valueOf(participantId));
    }

    /** The names waiting for the facilitator, by participant id, oldest first. */
    public Map<Long, String> heldNames(long workshopId) {
        return dsl.select(PARTICIPANT.ID, PARTICIPANT.DISPLAY_NAME).from(PARTICIPANT)
                .where(PARTICIPANT.WORKSHOP_ID.eq(workshopId)).and(PARTICIPANT.NAME_HELD.eq(HELD))
                .orderBy(PARTICIPANT.ID).fetchMap(PARTICIPANT.ID, PARTICIPANT.DISPLAY_NAME);
    }

    /** Approved, the name is on show; rejected, the placeholder stays. False when it was not waiting. */
    public boolean decideName(long workshopId, long participantId, boolean approve) {
        return dsl.update(PARTICIPANT).set(PARTICIPANT.NAME_HELD, approve ? null : REJECTED)
                .where(PARTICIPANT.ID.eq(participantId)).and(PARTICIPANT.WORKSHOP_ID.eq(workshopId))
                .and(PARTICIPANT.NAME_HELD.eq(HELD)).execute() == 1;
    }

    public int countForWorkshop(long workshopId) {
        return dsl.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(workshopId));
    }
}
