package org.tallersocial.questions;

import static org.tallersocial.db.generated.Tables.QUESTION;
import static org.tallersocial.db.generated.Tables.QUESTION_SETTING;
import static org.tallersocial.db.generated.Tables.QUESTION_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.db.InsertBatch;

final class QuestionRepository {

    private static final VoteTable VOTES = new VoteTable(QUESTION_UPVOTE, QUESTION_UPVOTE.QUESTION_ID,
            QUESTION_UPVOTE.PARTICIPANT_ID, QUESTION_UPVOTE.UP, QUESTION_UPVOTE.CLIENT_SEQ);
    private final DSLContext dsl;
    private final InsertBatch newQuestions;

    QuestionRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.newQuestions = new InsertBatch(dsl, dsl.insertInto(QUESTION, QUESTION.WORKSHOP_ID, QUESTION.PARTICIPANT_ID,
                QUESTION.CLIENT_ID, QUESTION.BODY, QUESTION.AUTHOR_NAME, QUESTION.STATUS, QUESTION.ASKED_AT)
                .values((Long) null, null, null, null, null, null, null));
    }

    /** New questions of one workshop, in the writer's transaction; returns their ids in the same order. */
    List<Long> insertAll(DSLContext tx, long workshopId, List<Question> questions) {
        return newQuestions.ids(tx, questions.stream().map(q -> new Object[] {workshopId, q.participantId(),
                q.clientId(), q.text(), q.authorName(), q.status().key(), q.askedAt()}).toList());
    }

    /** @param existing which of the votes replace a row of the same person and question */
    void votes(DSLContext tx, List<Votes.Vote> votes, List<Boolean> existing) {
        VOTES.write(tx, votes, existing);
    }


    List<Question> loadForWorkshop(long workshopId) {
        return dsl.selectFrom(QUESTION).where(QUESTION.WORKSHOP_ID.eq(workshopId)).orderBy(QUESTION.ID)
                .fetch(r -> new Question(r.getId(), r.getParticipantId(), r.getClientId(), r.getBody(),
                        r.getAuthorName(), Question.Status.of(r.getStatus()), r.getAnswered(), r.getPinned(),
                        r.getAskedAt()));
    }

    List<Votes.Vote> votesForWorkshop(long workshopId) {
        var row = QUESTION_UPVOTE;
        return dsl.select(row.QUESTION_ID, row.PARTICIPANT_ID, row.UP, row.CLIENT_SEQ).from(row)
                .join(QUESTION).on(QUESTION.ID.eq(row.QUESTION_ID)).where(QUESTION.WORKSHOP_ID.eq(workshopId))
                .fetch(r -> new Votes.Vote(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Saves the moderation fields of a question as they now stand. */
    void update(Question q) {
        dsl.update(QUESTION).set(QUESTION.STATUS, q.status().key()).set(QUESTION.ANSWERED, q.answered())
                .set(QUESTION.PINNED, q.pinned()).where(QUESTION.ID.eq(q.id())).execute();
    }

    /** One question on the projector at a time: pinning one unpins the others, in one transaction. */
    void pinOnly(long workshopId, Long questionId) {
        dsl.transaction(tx -> {
            tx.dsl().update(QUESTION).set(QUESTION.PINNED, false).where(QUESTION.WORKSHOP_ID.eq(workshopId)).execute();
            if (questionId != null) {
                tx.dsl().update(QUESTION).set(QUESTION.PINNED, true).where(QUESTION.ID.eq(questionId)).execute();
            }
        });
    }


    QuestionSettings settings(long workshopId) {
        return dsl.selectFrom(QUESTION_SETTING).where(QUESTION_SETTING.WORKSHOP_ID.eq(workshopId))
                .fetchOptional(r -> new QuestionSettings(r.getNeedsApproval(), r.getOnScreen()))
                .orElse(QuestionSettings.DEFAULT);
    }

    void saveSettings(long workshopId, QuestionSettings s) {
        dsl.transaction(tx -> {
            int updated = tx.dsl().update(QUESTION_SETTING).set(QUESTION_SETTING.NEEDS_APPROVAL, s.needsApproval())
                    .set(QUESTION_SETTING.ON_SCREEN, s.onScreen())
                    .where(QUESTION_SETTING.WORKSHOP_ID.eq(workshopId)).execute();
            if (updated == 0) {
                tx.dsl().insertInto(QUESTION_SETTING).set(QUESTION_SETTING.WORKSHOP_ID, workshopId)
                        .set(QUESTION_SETTING.NEEDS_APPROVAL, s.needsApproval())
                        .set(QUESTION_SETTING.ON_SCREEN, s.onScreen()).execute();
            }
        });
    }
}
