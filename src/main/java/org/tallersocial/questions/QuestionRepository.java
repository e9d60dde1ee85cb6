package org.tallersocial.questions;

import static org.tallersocial.db.generated.Tables.QUESTION;
import static org.tallersocial.db.generated.Tables.QUESTION_SETTING;
import static org.tallersocial.db.generated.Tables.QUESTION_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

final class QuestionRepository {

    private final DSLContext dsl;

    QuestionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long workshopId, long participantId, String clientId, String text, String authorName,
                Question.Status status, OffsetDateTime at) {
        return dsl.insertInto(QUESTION)
                .set(QUESTION.WORKSHOP_ID, workshopId)
                .set(QUESTION.PARTICIPANT_ID, participantId)
                .set(QUESTION.CLIENT_ID, clientId)
                .set(QUESTION.BODY, text)
                .set(QUESTION.AUTHOR_NAME, authorName)
                .set(QUESTION.STATUS, status.key())
                .set(QUESTION.ASKED_AT, at)
                .returning(QUESTION.ID).fetchOne().getId();
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

    /** A person's vote as it now stands, up or taken back, with its seq. */
    void vote(Votes.Vote v) {
        var row = QUESTION_UPVOTE;
        dsl.mergeInto(row).using(DSL.selectOne())
                .on(row.QUESTION_ID.eq(v.item()), row.PARTICIPANT_ID.eq(v.participantId()))
                .whenMatchedThenUpdate().set(row.UP, v.up()).set(row.CLIENT_SEQ, v.seq())
                .whenNotMatchedThenInsert(row.QUESTION_ID, row.PARTICIPANT_ID, row.UP, row.CLIENT_SEQ)
                .values(v.item(), v.participantId(), v.up(), v.seq())
                .execute();
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
