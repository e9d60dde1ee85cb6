package org.tallersocial.ideas;

import static org.tallersocial.db.generated.Tables.COMMITMENT;
import static org.tallersocial.db.generated.Tables.COMMITMENT_VOLUNTEER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

final class CommitmentRepository {

    private final DSLContext dsl;

    CommitmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long workshopId, Long ideaId, String action, String role, LocalDate due, OffsetDateTime at) {
        return dsl.insertInto(COMMITMENT).set(COMMITMENT.WORKSHOP_ID, workshopId).set(COMMITMENT.IDEA_ID, ideaId)
                .set(COMMITMENT.ACTION, action).set(COMMITMENT.RESPONSIBLE_ROLE, role).set(COMMITMENT.DUE_ON, due)
                .set(COMMITMENT.STATUS, Commitment.Status.PLANNED.key()).set(COMMITMENT.CREATED_AT, at)
                .returning(COMMITMENT.ID).fetchOne().getId();
    }

    void status(long id, Commitment.Status status) {
        dsl.update(COMMITMENT).set(COMMITMENT.STATUS, status.key()).where(COMMITMENT.ID.eq(id)).execute();
    }

    void volunteer(long commitmentId, long participantId, String name, boolean on) {
        if (on) {
            dsl.insertInto(COMMITMENT_VOLUNTEER).set(COMMITMENT_VOLUNTEER.COMMITMENT_ID, commitmentId)
                    .set(COMMITMENT_VOLUNTEER.PARTICIPANT_ID, participantId)
                    .set(COMMITMENT_VOLUNTEER.DISPLAY_NAME, name).onDuplicateKeyIgnore().execute();
        } else {
            dsl.deleteFrom(COMMITMENT_VOLUNTEER).where(COMMITMENT_VOLUNTEER.COMMITMENT_ID.eq(commitmentId))
                    .and(COMMITMENT_VOLUNTEER.PARTICIPANT_ID.eq(participantId)).execute();
        }
    }

    List<Commitment> loadForWorkshop(long workshopId) {
        Map<Long, List<Commitment.Volunteer>> volunteers = dsl.select(COMMITMENT_VOLUNTEER.COMMITMENT_ID,
                        COMMITMENT_VOLUNTEER.PARTICIPANT_ID, COMMITMENT_VOLUNTEER.DISPLAY_NAME)
                .from(COMMITMENT_VOLUNTEER).join(COMMITMENT).on(COMMITMENT.ID.eq(COMMITMENT_VOLUNTEER.COMMITMENT_ID))
                .where(COMMITMENT.WORKSHOP_ID.eq(workshopId))
                .orderBy(COMMITMENT_VOLUNTEER.DISPLAY_NAME)
                .fetch().stream().collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new Commitment.Volunteer(r.value2(), r.value3()), Collectors.toList())));
        return dsl.selectFrom(COMMITMENT).where(COMMITMENT.WORKSHOP_ID.eq(workshopId)).orderBy(COMMITMENT.ID)
                .fetch(r -> new Commitment(r.getId(), r.getIdeaId(), r.getAction(), r.getResponsibleRole(),
                        r.getDueOn(), Commitment.Status.of(r.getStatus()).orElseThrow(),
                        volunteers.getOrDefault(r.getId(), List.of())));
    }
}
