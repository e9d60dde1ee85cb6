package org.tallersocial.profiles;

import static org.tallersocial.db.generated.Tables.PROFILE_ANSWER;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.tallersocial.db.generated.tables.records.ProfileAnswerRecord;

final class ProfileRepository {

    /** A stored answer and whose it is; stays inside this package, which only lets counts out. */
    record Stored(long id, long participantId, ProfileAnswer answer) {
    }

    private final DSLContext dsl;

    ProfileRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a person's first answer for a network and returns its row id. */
    long insert(long stepId, long participantId, ProfileAnswer a, OffsetDateTime now) {
        return dsl.insertInto(PROFILE_ANSWER)
                .set(PROFILE_ANSWER.STEP_ID, stepId)
                .set(PROFILE_ANSWER.PARTICIPANT_ID, participantId)
                .set(PROFILE_ANSWER.NETWORK, a.network())
                .set(fields(dsl.newRecord(PROFILE_ANSWER), a, now))
                .returning(PROFILE_ANSWER.ID)
                .fetchOne()
                .getId();
    }

    void update(long id, ProfileAnswer a, OffsetDateTime now) {
        dsl.update(PROFILE_ANSWER).set(fields(dsl.newRecord(PROFILE_ANSWER), a, now))
                .where(PROFILE_ANSWER.ID.eq(id)).execute();
    }

    List<Stored> loadForStep(long stepId) {
        return dsl.selectFrom(PROFILE_ANSWER).where(PROFILE_ANSWER.STEP_ID.eq(stepId))
                .orderBy(PROFILE_ANSWER.ID)
                .fetch(r -> new Stored(r.getId(), r.getParticipantId(), new ProfileAnswer(r.getNetwork(),
                        r.getHasProfile(), r.getLadder(), split(r.getObstacles()), r.getObstacleOther(),
                        split(r.getHelps()), r.getHelpOther(), r.getAmbassadorName(), r.getClientSeq())));
    }

    /** Only the fields set here are written: an answer's keys (step, person, network) never change. */
    private static ProfileAnswerRecord fields(ProfileAnswerRecord r, ProfileAnswer a, OffsetDateTime now) {
        r.setHasProfile(a.hasProfile());
        r.setLadder(a.ladder());
        r.setObstacles(String.join(",", a.obstacles()));
        r.setObstacleOther(a.obstacleOther());
        r.setHelps(String.join(",", a.helps()));
        r.setHelpOther(a.helpOther());
        r.setAmbassadorName(a.ambassadorName());
        r.setClientSeq(a.seq());
        r.setAnsweredAt(now);
        return r;
    }

    private static List<String> split(String keys) {
        return keys == null || keys.isEmpty() ? List.of() : Arrays.asList(keys.split(","));
    }
}
