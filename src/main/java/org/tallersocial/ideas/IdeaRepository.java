package org.tallersocial.ideas;

import static org.tallersocial.db.generated.Tables.IDEA;
import static org.tallersocial.db.generated.Tables.IDEA_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.questions.Votes;

final class IdeaRepository {

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

    List<Votes.Vote> votesForStep(long stepId) {
        return dsl.select(IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID, IDEA_UPVOTE.UP, IDEA_UPVOTE.CLIENT_SEQ)
                .from(IDEA_UPVOTE).join(IDEA).on(IDEA.ID.eq(IDEA_UPVOTE.IDEA_ID)).where(IDEA.STEP_ID.eq(stepId))
                .fetch(r -> new Votes.Vote(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A person's vote as it now stands, up or taken back, with its seq. */
    void vote(Votes.Vote v) {
        dsl.mergeInto(IDEA_UPVOTE).using(DSL.selectOne())
                .on(IDEA_UPVOTE.IDEA_ID.eq(v.item()), IDEA_UPVOTE.PARTICIPANT_ID.eq(v.participantId()))
                .whenMatchedThenUpdate().set(IDEA_UPVOTE.UP, v.up()).set(IDEA_UPVOTE.CLIENT_SEQ, v.seq())
                .whenNotMatchedThenInsert(IDEA_UPVOTE.IDEA_ID, IDEA_UPVOTE.PARTICIPANT_ID, IDEA_UPVOTE.UP,
                        IDEA_UPVOTE.CLIENT_SEQ)
                .values(v.item(), v.participantId(), v.up(), v.seq())
                .execute();
    }

    void hide(long ideaId, boolean hidden) {
        dsl.update(IDEA).set(IDEA.HIDDEN, hidden).where(IDEA.ID.eq(ideaId)).execute();
    }

    /**
     * Merges one idea into another in one transaction: its votes become the target's ({@code merged},
     * worked out by {@link Votes#mergedInto}), and ideas merged into it before now belong to the target too.
     */
    void merge(long from, long into, List<Votes.Vote> merged) {
        dsl.transaction(tx -> {
            IdeaRepository repo = new IdeaRepository(tx.dsl());
            tx.dsl().deleteFrom(IDEA_UPVOTE).where(IDEA_UPVOTE.IDEA_ID.eq(from)).execute();
            merged.forEach(repo::vote);
            tx.dsl().update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.MERGED_INTO.eq(from)).execute();
            tx.dsl().update(IDEA).set(IDEA.MERGED_INTO, into).where(IDEA.ID.eq(from)).execute();
        });
    }
}
