package org.tallersocial.poll;

import static org.tallersocial.db.generated.Tables.ANSWER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

public final class AnswerRepository {

    /** An answer on its way into the database. */
    public record NewAnswer(long stepId, long participantId, JsonNode value, long seq) {
    }

    private final DSLContext dsl;
    private final ObjectMapper json;

    public AnswerRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * Writes a batch in one transaction and returns each answer's row id, in
     * the batch's order. One commit for many phones is what keeps
     * acknowledgements fast in a burst.
     */
    public List<Long> upsertAll(List<NewAnswer> batch, OffsetDateTime now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            List<Query> queries = new ArrayList<>(batch.size());
            for (NewAnswer a : batch) {
                String value = write(a.value());
                queries.add(tx.insertInto(ANSWER)
                        .set(ANSWER.STEP_ID, a.stepId())
                        .set(ANSWER.PARTICIPANT_ID, a.participantId())
                        .set(ANSWER.VALUE_JSON, value)
                        .set(ANSWER.CLIENT_SEQ, a.seq())
                        .set(ANSWER.ANSWERED_AT, now)
                        .onDuplicateKeyUpdate()
                        .set(ANSWER.VALUE_JSON, value)
                        .set(ANSWER.CLIENT_SEQ, a.seq())
                        .set(ANSWER.ANSWERED_AT, now));
            }
            tx.batch(queries).execute();
            Map<Long, List<Long>> participantsByStep = new HashMap<>();
            batch.forEach(a -> participantsByStep.computeIfAbsent(a.stepId(), k -> new ArrayList<>()).add(a.participantId()));
            Map<String, Long> ids = new HashMap<>();
            participantsByStep.forEach((stepId, participants) -> tx
                    .select(ANSWER.ID, ANSWER.PARTICIPANT_ID).from(ANSWER)
                    .where(ANSWER.STEP_ID.eq(stepId)).and(ANSWER.PARTICIPANT_ID.in(participants))
                    .forEach(r -> ids.put(stepId + ":" + r.value2(), r.value1())));
            List<Long> out = new ArrayList<>(batch.size());
            batch.forEach(a -> out.add(ids.get(a.stepId() + ":" + a.participantId())));
            return out;
        });
    }

    public List<Tally.Entry> loadForStep(long stepId) {
        return dsl.selectFrom(ANSWER).where(ANSWER.STEP_ID.eq(stepId)).orderBy(ANSWER.ANSWERED_AT, ANSWER.ID)
                .fetch(r -> new Tally.Entry(r.getId(), r.getParticipantId(), read(r.getValueJson()),
                        r.getClientSeq(), r.getHidden()));
    }

    public boolean setHidden(long stepId, long answerId, boolean hidden) {
        return dsl.update(ANSWER).set(ANSWER.HIDDEN, hidden)
                .where(ANSWER.ID.eq(answerId)).and(ANSWER.STEP_ID.eq(stepId))
                .execute() == 1;
    }

    public int countForStep(long stepId) {
        return dsl.fetchCount(ANSWER, ANSWER.STEP_ID.eq(stepId));
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer is unreadable", e);
        }
    }
}
