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
import org.tallersocial.db.InsertBatch;

public final class AnswerRepository {

    /**
     * An answer on its way into the database.
     *
     * @param existingId the row this answer replaces, or null for a person's first answer to the poll
     */
    public record NewAnswer(long stepId, long participantId, JsonNode value, long seq, boolean held, Long existingId) {
    }

    private final DSLContext dsl;
    private final ObjectMapper json;
    /** First answers, their values bound in this order: step, participant, value, seq, held, time. */
    private final InsertBatch insertOne;

    public AnswerRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
        this.insertOne = new InsertBatch(dsl, dsl.insertInto(ANSWER, ANSWER.STEP_ID, ANSWER.PARTICIPANT_ID,
                ANSWER.VALUE_JSON, ANSWER.CLIENT_SEQ, ANSWER.HELD, ANSWER.ANSWERED_AT)
                .values((Long) null, null, null, null, null, null));
    }

    /**
     * Writes a batch inside the writer's transaction and returns each answer's row id, in
     * the batch's order. One commit for many phones is what keeps
     * acknowledgements fast in a burst; a generic upsert would make H2 scan
     * the whole table for every row. First answers go in as one
     * {@link InsertBatch}, changed answers as one prepared update.
     */
    public List<Long> upsertAll(DSLContext tx, List<NewAnswer> batch, OffsetDateTime now) {
        List<NewAnswer> fresh = batch.stream().filter(a -> a.existingId() == null).toList();
        List<NewAnswer> changed = batch.stream().filter(a -> a.existingId() != null).toList();
        Map<String, Long> ids = new HashMap<>();
        if (!fresh.isEmpty()) {
            List<Long> generated = insertAll(tx, fresh, now);
            for (int i = 0; i < fresh.size(); i++) {
                ids.put(fresh.get(i).stepId() + ":" + fresh.get(i).participantId(), generated.get(i));
            }
        }
        if (!changed.isEmpty()) {
            var update = tx.batch(tx.update(ANSWER)
                    .set(ANSWER.VALUE_JSON, (String) null)
                    .set(ANSWER.CLIENT_SEQ, (Long) null)
                    .set(ANSWER.HELD, (Boolean) null)
                    .set(ANSWER.ANSWERED_AT, (OffsetDateTime) null)
                    .where(ANSWER.ID.eq((Long) null)));
            for (NewAnswer a : changed) {
                update = update.bind(write(a.value()), a.seq(), a.held(), now, a.existingId());
            }
            update.execute();
        }
        List<Long> out = new ArrayList<>(batch.size());
        batch.forEach(a -> out.add(a.existingId() != null ? a.existingId()
                : ids.get(a.stepId() + ":" + a.participantId())));
        return out;
    }

    private List<Long> insertAll(DSLContext tx, List<NewAnswer> fresh, OffsetDateTime now) {
        return insertOne.ids(tx, fresh.stream()
                .map(a -> new Object[] {a.stepId(), a.participantId(), write(a.value()), a.seq(), a.held(), now}).toList());
    }

    /** A poll reset: its answers go; returns how many. */
    public int deleteForStep(long stepId) {
        return dsl.deleteFrom(ANSWER).where(ANSWER.STEP_ID.eq(stepId)).execute();
    }

    public List<Tally.Entry> loadForStep(long stepId) {
        return dsl.selectFrom(ANSWER).where(ANSWER.STEP_ID.eq(stepId)).orderBy(ANSWER.ANSWERED_AT, ANSWER.ID)
                .fetch(r -> new Tally.Entry(r.getId(), r.getParticipantId(), read(r.getValueJson()),
                        r.getClientSeq(), r.getHidden(), r.getHeld()));
    }

    public boolean setHidden(long stepId, long answerId, boolean hidden) {
        return dsl.update(ANSWER).set(ANSWER.HIDDEN, hidden)
                .where(ANSWER.ID.eq(answerId)).and(ANSWER.STEP_ID.eq(stepId))
                .execute() == 1;
    }

    /** The facilitator's word on a held answer: approved, it is on show; rejected, hidden. False when it was not held. */
    public boolean decideHeld(long answerId, boolean approve) {
        return dsl.update(ANSWER).set(ANSWER.HELD, false).set(ANSWER.HIDDEN, !approve)
                .where(ANSWER.ID.eq(answerId)).and(ANSWER.HELD.isTrue())
                .execute() == 1;
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
