package org.tallersocial.workshop;

import static org.tallersocial.db.generated.Tables.STEP;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jooq.DSLContext;
import org.tallersocial.content.StepSpec;
import org.tallersocial.db.generated.tables.records.StepRecord;

public final class StepRepository {

    private final DSLContext dsl;
    private final ObjectMapper json;

    public StepRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    public void insertAll(DSLContext tx, long workshopId, List<StepSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            insert(tx, workshopId, i, specs.get(i));
        }
    }

    private void insert(DSLContext tx, long workshopId, int position, StepSpec spec) {
        tx.insertInto(STEP)
                .set(STEP.WORKSHOP_ID, workshopId)
                .set(STEP.POSITION, position)
                .set(STEP.STEP_KEY, spec.id())
                .set(STEP.KIND, spec.kind().key())
                .set(STEP.TITLE, spec.title())
                .set(STEP.SPEC_JSON, write(spec))
                .set(STEP.NOTES, spec.notes())
                .set(STEP.DURATION_SECONDS, spec.durationSeconds())
                .execute();
    }

    /** One step of an edited agenda: a step the workshop already has (by its id), or a new one (null). */
    public record Placed(Long id, StepSpec spec) {
    }

    /**
     * The workshop's agenda becomes {@code agenda}, in its order: steps kept by id are updated in place (their
     * answers stay theirs), new ones inserted, and those left out deleted. Inside the caller's transaction.
     */
    public List<Step> replaceAgenda(DSLContext tx, long workshopId, List<Placed> agenda) {
        List<Long> kept = agenda.stream().map(Placed::id).filter(java.util.Objects::nonNull).toList();
        tx.deleteFrom(STEP).where(STEP.WORKSHOP_ID.eq(workshopId)).and(STEP.ID.notIn(kept)).execute();
        // Positions are unique per workshop: park every kept step out of the way before placing any.
        tx.update(STEP).set(STEP.POSITION, STEP.POSITION.neg().minus(1)).where(STEP.WORKSHOP_ID.eq(workshopId)).execute();
        for (int i = 0; i < agenda.size(); i++) {
            Placed p = agenda.get(i);
            if (p.id() == null) {
                insert(tx, workshopId, i, p.spec());
            } else {
                tx.update(STEP)
                        .set(STEP.POSITION, i)
                        .set(STEP.STEP_KEY, p.spec().id())
                        .set(STEP.KIND, p.spec().kind().key())
                        .set(STEP.TITLE, p.spec().title())
                        .set(STEP.SPEC_JSON, write(p.spec()))
                        .set(STEP.NOTES, p.spec().notes())
                        .set(STEP.DURATION_SECONDS, p.spec().durationSeconds())
                        .where(STEP.ID.eq(p.id())).and(STEP.WORKSHOP_ID.eq(workshopId))
                        .execute();
            }
        }
        return tx.selectFrom(STEP).where(STEP.WORKSHOP_ID.eq(workshopId)).orderBy(STEP.POSITION).fetch(this::toStep);
    }

    public List<Step> listForWorkshop(long workshopId) {
        return dsl.selectFrom(STEP).where(STEP.WORKSHOP_ID.eq(workshopId)).orderBy(STEP.POSITION)
                .fetch(this::toStep);
    }

    public void updateState(Step step) {
        dsl.update(STEP)
                .set(STEP.POLL_STATE, step.pollState().key())
                .set(STEP.REVEALED, step.revealed())
                .set(STEP.TIMER_ENDS_AT, step.timerEndsAt())
                .set(STEP.RESET_AT, step.resetAt())
                .where(STEP.ID.eq(step.id()))
                .execute();
    }

    /** A facilitator's adaptation of a step's data (an exercise's networks, roles, activities). */
    public void updateSpec(Step step) {
        dsl.update(STEP).set(STEP.SPEC_JSON, write(step.spec())).where(STEP.ID.eq(step.id())).execute();
    }

    private Step toStep(StepRecord r) {
        return new Step(r.getId(), r.getWorkshopId(), r.getPosition(), read(r.getSpecJson()),
                PollState.fromKey(r.getPollState()), r.getRevealed(), r.getTimerEndsAt(), r.getResetAt());
    }

    private String write(StepSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a step spec always serialises", e);
        }
    }

    private StepSpec read(String text) {
        try {
            return json.readValue(text, StepSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored step spec is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
