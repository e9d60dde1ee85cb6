package org.tallersocial.ideas;

import static org.tallersocial.db.generated.Tables.IDEA;
import static org.tallersocial.db.generated.Tables.IDEA_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

final class IdeaRepository {

    record Upvote(long ideaId, long participantId) {
    }

    private final DSLContext dsl;

    IdeaRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long stepId, long participantId, String clientId, String text, OffsetDateTime at) {
        return dsl.insertInto(IDEA).set(IDEA.STEP_ID, stepId).set(IDEA.PARTICIPANT_ID, participantId)
                .set(IDEA.CLIENT_ID, clientId).set(IDEA.BODY, text).set(IDEA.CREATED_AT, at)
                .returning(IDEA.ID).fetchOne().getId();
    }

    List<Idea> loadForStep(long stepId) {
        return dsl.selectFrom(IDEA).where(IDEA.STEP_ID.eq(stepId)).orderBy(IDEA.ID)
                .fetch(r -> new Idea(r.getId(), r.getStepId(), r.getParticipantId(), r.getClientId(), r.getBody(),
                        r.getHidden(), r.getMergedInto(), r.getCreatedAt()));
    }

    List<Upvote> upvotesForStep(long stepId) {
        return dsl.select(IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID).from(IDEA_UPVOTE)
                .join(IDEA).on(IDEA.ID.eq(IDEA_UPVOTE.IDEA_ID)).where(IDEA.STEP_ID.eq(stepId))
                .fetch(r -> new Upvote(r.value1(), r.value2()));
    }

    void upvote(long ideaId, long participantId, boolean up) {
        if (up) {
            dsl.insertInto(IDEA_UPVOTE).set(IDEA_UPVOTE.IDEA_ID, ideaId).set(IDEA_UPVOTE.PARTICIPANT_ID, participantId)
                    .onDuplicateKeyIgnore().execute();
        } else {
            dsl.deleteFrom(IDEA_UPVOTE).where(IDEA_UPVOTE.IDEA_ID.eq(ideaId))
                    .and(IDEA_UPVOTE.PARTICIPANT_ID.eq(participantId)).execute();
        }
    }

    void hide(long ideaId, boolean hidden) {
        dsl.update(IDEA).set(IDEA.HIDDEN, hidden).where(IDEA.ID.eq(ideaId)).execute();
    }

    /**
     * Merges one idea into another in one transaction: its voters vote for the
     * target (someone who voted for both counts once), and ideas merged into it
     * before now belong to the target too.
     */
    void merge(long from, long into) {
        dsl.transaction(tx -> {
            DSLContext d = tx.dsl();
            d.insertInto(IDEA_UPVOTE, IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID)
                    .select(d.select(DSL.val(into), IDEA_UPVOTE.PARTICIPANT_ID).from(IDEA_UPVOTE)
                            .where(IDEA_UPVOTE.IDEA_ID.eq(from))
                            .andNotExists(d.selectOne().from(IDEA_UPVOTE.as("t"))
                                    .where(IDEA_UPVOTE.as("t").IDEA_ID.eq(into))
                                    .and(IDEA_UPVOTE.as("t").PARTICIPANT_ID.eq(IDEA_UPVOTE.PARTICIPANT_ID))))
                    .execute();
            d.deleteFrom(IDEA_UPVOTE).where(IDEA_UPVOTE.IDEA_ID.eq(from)).execute();
            d.update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.MERGED_INTO.eq(from)).execute();
            d.update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.ID.eq(from)).execute();
        });
    }
}
