package org.tallersocial.catchup;

import static org.tallersocial.db.generated.Tables.ANSWER;
import static org.tallersocial.db.generated.Tables.PARTICIPANT;
import static org.tallersocial.db.generated.Tables.PROFILE_ANSWER;

import java.util.Set;
import org.jooq.DSLContext;

/** Who joined a workshop through its catch-up link, and how much they answered. */
public final class LatePeople {

    private final DSLContext dsl;

    public LatePeople(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Set<Long> of(long workshopId) {
        return Set.copyOf(dsl.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.WORKSHOP_ID.eq(workshopId)).and(PARTICIPANT.LATE.isTrue())
                .fetch(PARTICIPANT.ID));
    }

    /** For the console: how many joined later, and their answers (a poll's, or one network of a profiles step). */
    public Counts counts(long workshopId) {
        var late = dsl.select(PARTICIPANT.ID).from(PARTICIPANT)
                .where(PARTICIPANT.WORKSHOP_ID.eq(workshopId)).and(PARTICIPANT.LATE.isTrue());
        int people = dsl.fetchCount(late);
        int answers = dsl.fetchCount(ANSWER, ANSWER.PARTICIPANT_ID.in(late))
                + dsl.fetchCount(PROFILE_ANSWER, PROFILE_ANSWER.PARTICIPANT_ID.in(late));
        return new Counts(people, answers);
    }

    public record Counts(int people, int answers) {
    }
}
