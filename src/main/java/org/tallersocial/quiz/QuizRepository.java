package org.tallersocial.quiz;

import static org.tallersocial.db.generated.Tables.QUIZ_PICK;
import static org.tallersocial.db.generated.Tables.QUIZ_PLAYER;
import static org.tallersocial.db.generated.Tables.STEP;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;

final class QuizRepository {

    private final DSLContext dsl;

    QuizRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A batch's picks and nicknames, in the writer's transaction. */
    void write(DSLContext tx, List<Long> pickSteps, List<QuizBoard.Pick> picks, List<Long> playerWorkshops,
               List<QuizBoard.Player> players, OffsetDateTime now) {
        List<Query> queries = new java.util.ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            QuizBoard.Pick p = picks.get(i);
            queries.add(tx.insertInto(QUIZ_PICK, QUIZ_PICK.STEP_ID, QUIZ_PICK.PARTICIPANT_ID, QUIZ_PICK.OPTION_INDEX,
                    QUIZ_PICK.POINTS, QUIZ_PICK.ELAPSED_MS, QUIZ_PICK.CLIENT_SEQ, QUIZ_PICK.ANSWERED_AT)
                    .values(pickSteps.get(i), p.participantId(), p.option(), p.points(), (int) p.elapsedMillis(), p.seq(), now));
        }
        for (int i = 0; i < players.size(); i++) {
            QuizBoard.Player p = players.get(i);
            queries.add(tx.insertInto(QUIZ_PLAYER, QUIZ_PLAYER.PARTICIPANT_ID, QUIZ_PLAYER.WORKSHOP_ID,
                    QUIZ_PLAYER.NICKNAME, QUIZ_PLAYER.CLIENT_SEQ)
                    .values(p.participantId(), playerWorkshops.get(i), p.nickname(), p.seq())
                    .onDuplicateKeyUpdate().set(QUIZ_PLAYER.NICKNAME, p.nickname()).set(QUIZ_PLAYER.CLIENT_SEQ, p.seq()));
        }
        if (!queries.isEmpty()) {
            tx.batch(queries).execute();
        }
    }

    Map<Long, Map<Long, QuizBoard.Pick>> picks(long workshopId) {
        Map<Long, Map<Long, QuizBoard.Pick>> out = new HashMap<>();
        dsl.select(QUIZ_PICK.STEP_ID, QUIZ_PICK.PARTICIPANT_ID, QUIZ_PICK.OPTION_INDEX, QUIZ_PICK.POINTS,
                        QUIZ_PICK.ELAPSED_MS, QUIZ_PICK.CLIENT_SEQ)
                .from(QUIZ_PICK).join(STEP).on(STEP.ID.eq(QUIZ_PICK.STEP_ID)).where(STEP.WORKSHOP_ID.eq(workshopId))
                .forEach(r -> out.computeIfAbsent(r.value1(), s -> new LinkedHashMap<>()).put(r.value2(),
                        new QuizBoard.Pick(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return out;
    }

    Map<Long, QuizBoard.Player> players(long workshopId) {
        Map<Long, QuizBoard.Player> out = new HashMap<>();
        dsl.selectFrom(QUIZ_PLAYER).where(QUIZ_PLAYER.WORKSHOP_ID.eq(workshopId)).forEach(r ->
                out.put(r.getParticipantId(), new QuizBoard.Player(r.getParticipantId(), r.getNickname(), r.getClientSeq())));
        return out;
    }
}
