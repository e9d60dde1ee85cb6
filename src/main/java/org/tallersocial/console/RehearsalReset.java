package org.tallersocial.console;

import static org.tallersocial.db.generated.Tables.ANSWER;
import static org.tallersocial.db.generated.Tables.COMMITMENT;
import static org.tallersocial.db.generated.Tables.IDEA;
import static org.tallersocial.db.generated.Tables.PARTICIPANT;
import static org.tallersocial.db.generated.Tables.PROFILE_ANSWER;
import static org.tallersocial.db.generated.Tables.QUESTION;
import static org.tallersocial.db.generated.Tables.RACI_ACTIVITY;
import static org.tallersocial.db.generated.Tables.RACI_PROPOSAL;
import static org.tallersocial.db.generated.Tables.RACI_ROLE;
import static org.tallersocial.db.generated.Tables.RACI_SETTLEMENT;
import static org.tallersocial.db.generated.Tables.REACTION_COUNT;
import static org.tallersocial.db.generated.Tables.REVIEW_LINK;
import static org.tallersocial.db.generated.Tables.STEP;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.live.Room;
import org.tallersocial.live.Rooms;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.WorkshopRepository;

/**
 * After a rehearsal, the workshop becomes a fresh draft with the same agenda for the real session: every
 * row the rehearsal made goes (participants and all they sent, questions, ideas, commitments, the matrix's
 * letters, reaction counts, review links of its report), in one transaction, and the room starts again from the database.
 */
public final class RehearsalReset {

    /** What a reset deletes, counted for the confirmation. */
    public record Counts(int participants, int answers, int questions, int ideas, int proposals, int commitments) {
    }

    private final DSLContext dsl;
    private final WorkshopRepository workshops;
    private final Rooms rooms;

    public RehearsalReset(DSLContext dsl, WorkshopRepository workshops, Rooms rooms) {
        this.dsl = dsl;
        this.workshops = workshops;
        this.rooms = rooms;
    }

    public Counts counts(Room room) {
        long id = requireRehearsal(room);
        var steps = DSL.select(STEP.ID).from(STEP).where(STEP.WORKSHOP_ID.eq(id));
        return new Counts(
                dsl.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(id)),
                dsl.fetchCount(ANSWER, ANSWER.STEP_ID.in(steps)) + dsl.fetchCount(PROFILE_ANSWER, PROFILE_ANSWER.STEP_ID.in(steps)),
                dsl.fetchCount(QUESTION, QUESTION.WORKSHOP_ID.eq(id)),
                dsl.fetchCount(IDEA, IDEA.STEP_ID.in(steps)),
                dsl.fetchCount(RACI_PROPOSAL, RACI_PROPOSAL.ACTIVITY_ID.in(
                        DSL.select(RACI_ACTIVITY.ID).from(RACI_ACTIVITY).where(RACI_ACTIVITY.STEP_ID.in(steps)))),
                dsl.fetchCount(COMMITMENT, COMMITMENT.WORKSHOP_ID.eq(id)));
    }

    /** Only a rehearsal is reset: a real session's answers are the owner's, and are never deleted this way. */
    public void reset(Room room) {
        room.change(() -> {
            long id = requireRehearsal(room);
            Workshop fresh = room.workshop().fresh();
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                var steps = DSL.select(STEP.ID).from(STEP).where(STEP.WORKSHOP_ID.eq(id));
                // Participants cascade to what each sent; the rest hangs off the workshop or its steps.
                tx.deleteFrom(PARTICIPANT).where(PARTICIPANT.WORKSHOP_ID.eq(id)).execute();
                tx.deleteFrom(QUESTION).where(QUESTION.WORKSHOP_ID.eq(id)).execute();
                tx.deleteFrom(COMMITMENT).where(COMMITMENT.WORKSHOP_ID.eq(id)).execute();
                tx.deleteFrom(IDEA).where(IDEA.STEP_ID.in(steps)).execute();
                tx.deleteFrom(RACI_SETTLEMENT).where(RACI_SETTLEMENT.STEP_ID.in(steps)).execute();
                // The matrix's rows go with their letters; they are seeded again from the step's own copy.
                tx.deleteFrom(RACI_ACTIVITY).where(RACI_ACTIVITY.STEP_ID.in(steps)).execute();
                tx.deleteFrom(RACI_ROLE).where(RACI_ROLE.STEP_ID.in(steps)).execute();
                tx.deleteFrom(REACTION_COUNT).where(REACTION_COUNT.STEP_ID.in(steps)).execute();
                tx.deleteFrom(REVIEW_LINK).where(REVIEW_LINK.WORKSHOP_ID.eq(id)).execute();
                tx.update(STEP).set(STEP.POLL_STATE, PollState.PENDING.key()).set(STEP.REVEALED, false)
                        .setNull(STEP.TIMER_ENDS_AT).setNull(STEP.RESET_AT).where(STEP.WORKSHOP_ID.eq(id)).execute();
                workshops.update(tx, fresh);
            });
        });
        // Everything the room held in memory was the rehearsal's: its screens reconnect to a room read afresh.
        rooms.forget(room);
    }

    private static long requireRehearsal(Room room) {
        if (!room.workshop().rehearsal()) {
            throw new WorkshopRefusal("reset_rehearsal_only");
        }
        return room.workshop().id();
    }
}
