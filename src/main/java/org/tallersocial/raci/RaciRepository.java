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

    /** Proposals and cells cascade from the activities, so this is only called before the matrix opens. */
    void deleteLayout(long stepId) {
        dsl.deleteFrom(RACI_ACTIVITY).where(RACI_ACTIVITY.STEP_ID.eq(stepId)).execute();
        dsl.deleteFrom(RACI_ROLE).where(RACI_ROLE.STEP_ID.eq(stepId)).execute();
    }

    void deleteActivity(long activityId) {
        dsl.deleteFrom(RACI_ACTIVITY).where(RACI_ACTIVITY.ID.eq(activityId)).execute();
    }

    /** A proposal to write, and whether it replaces one the person made before. */
    record Saving(Proposal proposal, boolean replaces) {
    }

    /**
     * Writes a batch of proposals with a handful of statements, each rendered once and bound per
     * proposal (JDBC batches), whatever the batch's size: new ones are inserted, replaced ones
     * updated, and the R roles of each are written anew. Rows are found by (activity, person), so no
     * id has to be read back.
     */
    void saveProposals(List<Saving> batch, OffsetDateTime now) {
        var p = RACI_PROPOSAL;
        var r = RACI_PROPOSAL_RESPONSIBLE;
        var insert = dsl.batch(dsl.insertInto(p, p.ACTIVITY_ID, p.PARTICIPANT_ID, p.ACCOUNTABLE_ID, p.CLIENT_SEQ,
                p.PROPOSED_AT).values((Long) null, null, null, null, null));
        var update = dsl.batch(dsl.update(p).set(p.ACCOUNTABLE_ID, (Long) null).set(p.CLIENT_SEQ, (Long) null)
                .set(p.PROPOSED_AT, (OffsetDateTime) null)
                .where(p.ACTIVITY_ID.eq((Long) null)).and(p.PARTICIPANT_ID.eq((Long) null)));
        var clear = dsl.batch(dsl.deleteFrom(r).where(r.PROPOSAL_ID.eq(dsl.select(p.ID).from(p)
                .where(p.ACTIVITY_ID.eq((Long) null)).and(p.PARTICIPANT_ID.eq((Long) null)))));
        var roles = dsl.batch(dsl.insertInto(r, r.PROPOSAL_ID, r.ROLE_ID).select(dsl.select(p.ID, DSL.val((Long) null))
                .from(p).where(p.ACTIVITY_ID.eq((Long) null)).and(p.PARTICIPANT_ID.eq((Long) null))));
        int inserts = 0, updates = 0, cleared = 0, responsible = 0;
        for (Saving s : batch) {
            Proposal x = s.proposal();
            if (s.replaces()) {
                update = update.bind(x.accountable(), x.seq(), now, x.activityId(), x.participantId());
                clear = clear.bind(x.activityId(), x.participantId());
                updates++;
                cleared++;
            } else {
                insert = insert.bind(x.activityId(), x.participantId(), x.accountable(), x.seq(), now);
                inserts++;
            }
            for (long role : x.responsible()) {
                roles = roles.bind(role, x.activityId(), x.participantId());
                responsible++;
            }
        }
        // The rows first: the R roles are found through them.
        if (inserts > 0) {
            insert.execute();
        }
        if (updates > 0) {
            update.execute();
        }
        if (cleared > 0) {
            clear.execute();
        }
        if (responsible > 0) {
            roles.execute();
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
