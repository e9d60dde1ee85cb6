package org.tallersocial.ideas;

import static org.tallersocial.db.generated.Tables.IDEA;
import static org.tallersocial.db.generated.Tables.IDEA_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.db.InsertBatch;
import org.tallersocial.questions.VoteTable;
import org.tallersocial.questions.Votes;

final class IdeaRepository {

    private static final VoteTable VOTES = new VoteTable(IDEA_UPVOTE, IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID,
            IDEA_UPVOTE.UP, IDEA_UPVOTE.CLIENT_SEQ);
    private final DSLContext dsl;
    private final InsertBatch newIdeas;

    IdeaRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.newIdeas = new InsertBatch(dsl, dsl.insertInto(IDEA, IDEA.STEP_ID, IDEA.PARTICIPANT_ID, IDEA.CLIENT_ID,
                IDEA.BODY, IDEA.CREATED_AT, IDEA.HELD).values((Long) null, null, null, null, null, null));
    }

    /** New ideas, in the writer's transaction; returns their ids in the same order. */
    List<Long> insertAll(DSLContext tx, List<Idea> ideas) {
        return newIdeas.ids(tx, ideas.stream().map(i -> new Object[] {i.stepId(), i.participantId(), i.clientId(),
                i.text(), i.createdAt(), i.held()}).toList());
    }

    /** @param existing which of the votes replace a row of the same person and idea */
    void votes(DSLContext tx, List<Votes.Vote> votes, List<Boolean> existing) {
        VOTES.write(tx, votes, existing);
    }


    List<Idea> loadForStep(long stepId) {
        return dsl.selectFrom(IDEA).where(IDEA.STEP_ID.eq(stepId)).orderBy(IDEA.ID)
                .fetch(r -> new Idea(r.getId(), r.getStepId(), r.getParticipantId(), r.getClientId(), r.getBody(),
                        r.getHidden(), r.getMergedInto(), r.getCreatedAt(), r.getHeld()));
    }

    List<Votes.Vote> votesForStep(long stepId) {
        return dsl.select(IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID, IDEA_UPVOTE.UP, IDEA_UPVOTE.CLIENT_SEQ)
                .from(IDEA_UPVOTE).join(IDEA).on(IDEA.ID.eq(IDEA_UPVOTE.IDEA_ID)).where(IDEA.STEP_ID.eq(stepId))
                .fetch(r -> new Votes.Vote(r.value1(), r.value2(), r.value3(), r.value4()));
    }


    /** False when the idea was not held (decided already, in another tab). */
    boolean decideHeld(long ideaId, boolean approve) {
        return dsl.update(IDEA).set(IDEA.HELD, false).set(IDEA.HIDDEN, !approve)
                .where(IDEA.ID.eq(ideaId)).and(IDEA.HELD.isTrue()).execute() == 1;
    }

    void hide(long ideaId, boolean hidden) {
        dsl.update(IDEA).set(IDEA.HIDDEN, hidden).where(IDEA.ID.eq(ideaId)).execute();
    }

    /**
     * Merges one idea into another in one transaction: its votes become the target's ({@code merged},
     * worked out by {@link Votes#mergedInto}), and ideas merged into it before now belong to the target too.
     */
    void merge(long from, long into, List<Votes.Vote> merged, List<Boolean> existing) {
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(IDEA_UPVOTE).where(IDEA_UPVOTE.IDEA_ID.eq(from)).execute();
            VOTES.write(tx.dsl(), merged, existing);
            tx.dsl().update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.MERGED_INTO.eq(from)).execute();
            tx.dsl().update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.ID.eq(from)).execute();
        });
    }
}
