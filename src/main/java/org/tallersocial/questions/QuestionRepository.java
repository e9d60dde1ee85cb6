package org.tallersocial.questions;

import static org.tallersocial.db.generated.Tables.QUESTION;
import static org.tallersocial.db.generated.Tables.QUESTION_SETTING;
import static org.tallersocial.db.generated.Tables.QUESTION_UPVOTE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

final class QuestionRepository {

    record Upvote(long questionId, long participantId) {
    }

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

    List<Upvote> upvotesForWorkshop(long workshopId) {
        return dsl.select(QUESTION_UPVOTE.QUESTION_ID, QUESTION_UPVOTE.PARTICIPANT_ID).from(QUESTION_UPVOTE)
                .join(QUESTION).on(QUESTION.ID.eq(QUESTION_UPVOTE.QUESTION_ID))
                .where(QUESTION.WORKSHOP_ID.eq(workshopId))
                .fetch(r -> new Upvote(r.value1(), r.value2()));
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

    void upvote(long questionId, long participantId, boolean up) {
        if (up) {
            dsl.insertInto(QUESTION_UPVOTE).set(QUESTION_UPVOTE.QUESTION_ID, questionId)
                    .set(QUESTION_UPVOTE.PARTICIPANT_ID, participantId).onDuplicateKeyIgnore().execute();
        } else {
            dsl.deleteFrom(QUESTION_UPVOTE).where(QUESTION_UPVOTE.QUESTION_ID.eq(questionId))
                    .and(QUESTION_UPVOTE.PARTICIPANT_ID.eq(participantId)).execute();
        }
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
