package org.tallersocial.ideas;

import static org.tallersocial.db.generated.Tables.COMMITMENT;
import static org.tallersocial.db.generated.Tables.COMMITMENT_VOLUNTEER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.questions.Votes;

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

    /** Taking a commitment on, or stepping back (the row stays, off, for its seq); a step back keeps the name. */
    void volunteer(Votes.Vote taking, String name) {
        var row = COMMITMENT_VOLUNTEER;
        dsl.mergeInto(row).using(DSL.selectOne())
                .on(row.COMMITMENT_ID.eq(taking.item()), row.PARTICIPANT_ID.eq(taking.participantId()))
                .whenMatchedThenUpdate().set(row.VOLUNTEERING, taking.up()).set(row.CLIENT_SEQ, taking.seq())
                .set(row.DISPLAY_NAME, name == null ? row.DISPLAY_NAME : DSL.val(name))
                .whenNotMatchedThenInsert(row.COMMITMENT_ID, row.PARTICIPANT_ID, row.VOLUNTEERING, row.CLIENT_SEQ,
                        row.DISPLAY_NAME)
                .values(DSL.val(taking.item()), DSL.val(taking.participantId()), DSL.val(taking.up()),
                        DSL.val(taking.seq()), DSL.val(name == null ? "" : name))
                .execute();
    }

    /** Every person's latest taking on or stepping back, with its seq. */
    List<Votes.Vote> takingsForWorkshop(long workshopId) {
        var row = COMMITMENT_VOLUNTEER;
        return dsl.select(row.COMMITMENT_ID, row.PARTICIPANT_ID, row.VOLUNTEERING, row.CLIENT_SEQ).from(row)
                .join(COMMITMENT).on(COMMITMENT.ID.eq(row.COMMITMENT_ID)).where(COMMITMENT.WORKSHOP_ID.eq(workshopId))
                .fetch(r -> new Votes.Vote(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    List<Commitment> loadForWorkshop(long workshopId) {
        Map<Long, List<Commitment.Volunteer>> volunteers = dsl.select(COMMITMENT_VOLUNTEER.COMMITMENT_ID,
                        COMMITMENT_VOLUNTEER.PARTICIPANT_ID, COMMITMENT_VOLUNTEER.DISPLAY_NAME)
                .from(COMMITMENT_VOLUNTEER).join(COMMITMENT).on(COMMITMENT.ID.eq(COMMITMENT_VOLUNTEER.COMMITMENT_ID))
                .where(COMMITMENT.WORKSHOP_ID.eq(workshopId)).and(COMMITMENT_VOLUNTEER.VOLUNTEERING)
                .orderBy(COMMITMENT_VOLUNTEER.DISPLAY_NAME)
                .fetch().stream().collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new Commitment.Volunteer(r.value2(), r.value3()), Collectors.toList())));
        return dsl.selectFrom(COMMITMENT).where(COMMITMENT.WORKSHOP_ID.eq(workshopId)).orderBy(COMMITMENT.ID)
                .fetch(r -> new Commitment(r.getId(), r.getIdeaId(), r.getAction(), r.getResponsibleRole(),
                        r.getDueOn(), Commitment.Status.of(r.getStatus()).orElseThrow(),
                        volunteers.getOrDefault(r.getId(), List.of())));
    }
}
