package org.tallersocial.raci;

import static org.tallersocial.db.generated.Tables.RACI_ACTIVITY;
import static org.tallersocial.db.generated.Tables.RACI_CELL;
import static org.tallersocial.db.generated.Tables.RACI_CELL_CHANGE;
import static org.tallersocial.db.generated.Tables.RACI_PROPOSAL;
import static org.tallersocial.db.generated.Tables.RACI_PROPOSAL_RESPONSIBLE;
import static org.tallersocial.db.generated.Tables.RACI_ROLE;
import static org.tallersocial.db.generated.Tables.RACI_SETTLEMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.auth.Facilitator;

/** The matrix's rows in H2. Every change of several rows goes through {@link #inTransaction}. */
final class RaciRepository {

    /** Everything stored for one RACI step, as the board mirrors it. */
    record Loaded(List<Role> roles, List<Activity> activities, List<Proposal> proposals, List<Cell> cells,
                  List<CellChange> changes, Settlement settlement) {
    }

    private final DSLContext dsl;

    RaciRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void inTransaction(Consumer<RaciRepository> work) {
        dsl.transaction(cfg -> work.accept(new RaciRepository(DSL.using(cfg))));
    }

    Loaded load(long stepId) {
        List<Role> roles = dsl.selectFrom(RACI_ROLE).where(RACI_ROLE.STEP_ID.eq(stepId))
                .orderBy(RACI_ROLE.POSITION, RACI_ROLE.ID)
                .fetch(r -> new Role(r.getId(), r.getPosition(), r.getName()));
        List<Activity> activities = dsl.selectFrom(RACI_ACTIVITY).where(RACI_ACTIVITY.STEP_ID.eq(stepId))
                .orderBy(RACI_ACTIVITY.POSITION, RACI_ACTIVITY.ID)
                .fetch(r -> new Activity(r.getId(), r.getPosition(), r.getName(), r.getIsOpen()));
        var ofStep = RACI_ACTIVITY.STEP_ID.eq(stepId);
        Map<Long, List<Long>> responsible = new HashMap<>();
        dsl.select(RACI_PROPOSAL_RESPONSIBLE.PROPOSAL_ID, RACI_PROPOSAL_RESPONSIBLE.ROLE_ID)
                .from(RACI_PROPOSAL_RESPONSIBLE)
                .join(RACI_PROPOSAL).on(RACI_PROPOSAL.ID.eq(RACI_PROPOSAL_RESPONSIBLE.PROPOSAL_ID))
                .join(RACI_ACTIVITY).on(RACI_ACTIVITY.ID.eq(RACI_PROPOSAL.ACTIVITY_ID))
                .where(ofStep)
                .forEach(r -> responsible.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        List<Proposal> proposals = dsl.select(RACI_PROPOSAL.fields()).from(RACI_PROPOSAL)
                .join(RACI_ACTIVITY).on(RACI_ACTIVITY.ID.eq(RACI_PROPOSAL.ACTIVITY_ID)).where(ofStep)
                .orderBy(RACI_PROPOSAL.ID)
                .fetch(r -> new Proposal(r.get(RACI_PROPOSAL.PARTICIPANT_ID), r.get(RACI_PROPOSAL.ACTIVITY_ID),
                        r.get(RACI_PROPOSAL.ACCOUNTABLE_ID),
                        responsible.getOrDefault(r.get(RACI_PROPOSAL.ID), List.of()), r.get(RACI_PROPOSAL.CLIENT_SEQ)));
        List<Cell> cells = dsl.select(RACI_CELL.fields()).from(RACI_CELL)
                .join(RACI_ACTIVITY).on(RACI_ACTIVITY.ID.eq(RACI_CELL.ACTIVITY_ID)).where(ofStep)
                .fetch(r -> new Cell(r.get(RACI_CELL.ACTIVITY_ID), r.get(RACI_CELL.ROLE_ID),
                        Letter.ofStored(r.get(RACI_CELL.LETTER)), r.get(RACI_CELL.VERSION)));
        List<CellChange> changes = dsl.select(RACI_CELL_CHANGE.fields()).from(RACI_CELL_CHANGE)
                .join(RACI_ACTIVITY).on(RACI_ACTIVITY.ID.eq(RACI_CELL_CHANGE.ACTIVITY_ID)).where(ofStep)
                .orderBy(RACI_CELL_CHANGE.ID)
                .fetch(r -> new CellChange(r.get(RACI_CELL_CHANGE.ID), r.get(RACI_CELL_CHANGE.ACTIVITY_ID),
                        r.get(RACI_CELL_CHANGE.ROLE_ID), Letter.ofStored(r.get(RACI_CELL_CHANGE.OLD_LETTER)),
                        Letter.ofStored(r.get(RACI_CELL_CHANGE.NEW_LETTER)), r.get(RACI_CELL_CHANGE.VERSION),
                        r.get(RACI_CELL_CHANGE.CHANGE_KIND), r.get(RACI_CELL_CHANGE.UNDOES_ID),
                        r.get(RACI_CELL_CHANGE.FACILITATOR_NAME), r.get(RACI_CELL_CHANGE.CHANGED_AT)));
        Settlement settlement = dsl.selectFrom(RACI_SETTLEMENT).where(RACI_SETTLEMENT.STEP_ID.eq(stepId))
                .orderBy(RACI_SETTLEMENT.ID.desc()).limit(1)
                .fetchOptional(r -> new Settlement(r.getSettled(), r.getReason(), lines(r.getFailingChecks()),
                        r.getFacilitatorName(), r.getDecidedAt()))
                .orElse(Settlement.NONE);
        return new Loaded(roles, activities, proposals, cells, changes, settlement);
    }

    long insertRole(long stepId, int position, String name) {
        return dsl.insertInto(RACI_ROLE).set(RACI_ROLE.STEP_ID, stepId).set(RACI_ROLE.POSITION, position)
                .set(RACI_ROLE.NAME, name).returning(RACI_ROLE.ID).fetchOne().getId();
    }

    long insertActivity(long stepId, int position, String name) {
        return dsl.insertInto(RACI_ACTIVITY).set(RACI_ACTIVITY.STEP_ID, stepId)
                .set(RACI_ACTIVITY.POSITION, position).set(RACI_ACTIVITY.NAME, name)
                .returning(RACI_ACTIVITY.ID).fetchOne().getId();
    }

    void updateRole(Role r) {
        dsl.update(RACI_ROLE).set(RACI_ROLE.NAME, r.name()).set(RACI_ROLE.POSITION, r.position())
                .where(RACI_ROLE.ID.eq(r.id())).execute();
    }

    void updateActivity(Activity a) {
        dsl.update(RACI_ACTIVITY).set(RACI_ACTIVITY.NAME, a.name()).set(RACI_ACTIVITY.POSITION, a.position())
                .set(RACI_ACTIVITY.IS_OPEN, a.open()).where(RACI_ACTIVITY.ID.eq(a.id())).execute();
    }

    /** Only a role nothing refers to gets here; the foreign keys refuse anything else. */
    void deleteRole(long roleId) {
        dsl.deleteFrom(RACI_CELL).where(RACI_CELL.ROLE_ID.eq(roleId)).execute();
        dsl.deleteFrom(RACI_ROLE).where(RACI_ROLE.ID.eq(roleId)).execute();
    }

    void deleteActivity(long activityId) {
        dsl.deleteFrom(RACI_ACTIVITY).where(RACI_ACTIVITY.ID.eq(activityId)).execute();
    }

    /** Replaces a person's proposal for an activity (inserting the first one). */
    void saveProposal(Proposal p, OffsetDateTime now) {
        Long id = dsl.select(RACI_PROPOSAL.ID).from(RACI_PROPOSAL)
                .where(RACI_PROPOSAL.ACTIVITY_ID.eq(p.activityId()), RACI_PROPOSAL.PARTICIPANT_ID.eq(p.participantId()))
                .fetchOne(RACI_PROPOSAL.ID);
        if (id == null) {
            id = dsl.insertInto(RACI_PROPOSAL).set(RACI_PROPOSAL.ACTIVITY_ID, p.activityId())
                    .set(RACI_PROPOSAL.PARTICIPANT_ID, p.participantId())
                    .set(RACI_PROPOSAL.ACCOUNTABLE_ID, p.accountable()).set(RACI_PROPOSAL.CLIENT_SEQ, p.seq())
                    .set(RACI_PROPOSAL.PROPOSED_AT, now).returning(RACI_PROPOSAL.ID).fetchOne().getId();
        } else {
            dsl.update(RACI_PROPOSAL).set(RACI_PROPOSAL.ACCOUNTABLE_ID, p.accountable())
                    .set(RACI_PROPOSAL.CLIENT_SEQ, p.seq()).set(RACI_PROPOSAL.PROPOSED_AT, now)
                    .where(RACI_PROPOSAL.ID.eq(id)).execute();
            dsl.deleteFrom(RACI_PROPOSAL_RESPONSIBLE).where(RACI_PROPOSAL_RESPONSIBLE.PROPOSAL_ID.eq(id)).execute();
        }
        for (long role : p.responsible()) {
            dsl.insertInto(RACI_PROPOSAL_RESPONSIBLE).set(RACI_PROPOSAL_RESPONSIBLE.PROPOSAL_ID, id)
                    .set(RACI_PROPOSAL_RESPONSIBLE.ROLE_ID, role).execute();
        }
    }

    /** Writes a cell's new letter and version, and the change that led to it; returns the change's id. */
    long saveCell(Cell cell, Letter from, String kind, Long undoes, Facilitator who, OffsetDateTime now) {
        int updated = dsl.update(RACI_CELL).set(RACI_CELL.LETTER, stored(cell.letter()))
                .set(RACI_CELL.VERSION, cell.version())
                .where(RACI_CELL.ACTIVITY_ID.eq(cell.activityId()), RACI_CELL.ROLE_ID.eq(cell.roleId())).execute();
        if (updated == 0) {
            dsl.insertInto(RACI_CELL).set(RACI_CELL.ACTIVITY_ID, cell.activityId())
                    .set(RACI_CELL.ROLE_ID, cell.roleId()).set(RACI_CELL.LETTER, stored(cell.letter()))
                    .set(RACI_CELL.VERSION, cell.version()).execute();
        }
        return dsl.insertInto(RACI_CELL_CHANGE).set(RACI_CELL_CHANGE.ACTIVITY_ID, cell.activityId())
                .set(RACI_CELL_CHANGE.ROLE_ID, cell.roleId()).set(RACI_CELL_CHANGE.OLD_LETTER, stored(from))
                .set(RACI_CELL_CHANGE.NEW_LETTER, stored(cell.letter())).set(RACI_CELL_CHANGE.VERSION, cell.version())
                .set(RACI_CELL_CHANGE.CHANGE_KIND, kind).set(RACI_CELL_CHANGE.UNDOES_ID, undoes)
                .set(RACI_CELL_CHANGE.FACILITATOR_ID, who.id()).set(RACI_CELL_CHANGE.FACILITATOR_NAME, who.name())
                .set(RACI_CELL_CHANGE.CHANGED_AT, now)
                .returning(RACI_CELL_CHANGE.ID).fetchOne().getId();
    }

    void saveSettlement(long stepId, Settlement s, Facilitator who) {
        dsl.insertInto(RACI_SETTLEMENT).set(RACI_SETTLEMENT.STEP_ID, stepId).set(RACI_SETTLEMENT.SETTLED, s.settled())
                .set(RACI_SETTLEMENT.REASON, s.reason())
                .set(RACI_SETTLEMENT.FAILING_CHECKS, s.failingChecks().isEmpty() ? null : String.join("\n", s.failingChecks()))
                .set(RACI_SETTLEMENT.FACILITATOR_ID, who.id()).set(RACI_SETTLEMENT.FACILITATOR_NAME, who.name())
                .set(RACI_SETTLEMENT.DECIDED_AT, s.at()).execute();
    }

    private static String stored(Letter l) {
        return l == null ? null : l.name();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
