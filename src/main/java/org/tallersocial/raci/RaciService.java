package org.tallersocial.raci;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.content.StepSpec;
import org.tallersocial.live.Room;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.console.WorkshopService;
import org.tallersocial.web.TypedText;

/**
 * What the facilitator does with the settled matrix: set letters (with a
 * version check, so two editors never overwrite each other unseen), start from
 * the room's majority, undo, settle and reopen. Each use case checks everything
 * first, then commits in one transaction, then changes the mirror.
 */
final class RaciService {

    private final RaciExercise exercise;
    private final RaciRepository repository;
    private final WorkshopService workshops;
    private final Texts texts;
    private final Clock clock;

    RaciService(RaciExercise exercise, WorkshopService workshops, Texts texts, Clock clock) {
        this.exercise = exercise;
        this.repository = exercise.repository();
        this.workshops = workshops;
        this.texts = texts;
        this.clock = clock;
    }

    /** Sets one cell; {@code seenVersion} is the cell's version the editor was looking at. */
    void setCell(Room room, Step step, long activityId, long roleId, Optional<Letter> letter, int seenVersion,
                 Facilitator who) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                requireOpenForChanges(board);
                Activity activity = board.activity(activityId).orElseThrow(() -> new WorkshopRefusal("raci_unknown_activity"));
                Role role = board.role(roleId).orElseThrow(() -> new WorkshopRefusal("raci_unknown_role"));
                Cell current = board.matrix().cell(activity.id(), role.id());
                if (current.version() != seenVersion) {
                    throw new CellConflict(current, board.lastChange(activity.id(), role.id()).orElse(null));
                }
                if (current.letter() == letter.orElse(null)) {
                    return;
                }
                write(board, List.of(new Pending(current, letter.orElse(null), null)), "set", who);
            }
            room.changed(exercise);
        });
    }

    /**
     * Every cell as the room proposed it: the majority's A and R; C and I, which the room
     * does not propose, stay; an A or R the room did not back is cleared.
     */
    void fillFromMajority(Room room, Step step, Facilitator who) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                requireOpenForChanges(board);
                RaciMatrix m = board.matrix();
                List<Pending> changes = new ArrayList<>();
                for (Activity a : board.activities()) {
                    RoomSpread s = board.spread(a);
                    for (Role r : board.roles()) {
                        Cell c = m.cell(a.id(), r.id());
                        Letter wanted = Long.valueOf(r.id()).equals(s.majorityA()) ? Letter.A
                                : s.majorityR().contains(r.id()) ? Letter.R
                                : c.letter() == Letter.C || c.letter() == Letter.I ? c.letter() : null;
                        if (wanted != c.letter()) {
                            changes.add(new Pending(c, wanted, null));
                        }
                    }
                }
                if (changes.isEmpty()) {
                    return;
                }
                write(board, changes, "majority", who);
            }
            room.changed(exercise);
        });
    }

    /** Puts a cell back as it was before one change, if nobody has changed the cell since. */
    void undo(Room room, Step step, long changeId, Facilitator who) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                requireOpenForChanges(board);
                CellChange change = board.change(changeId).orElseThrow(() -> new WorkshopRefusal("raci_unknown_change"));
                if (board.changes().stream().anyMatch(c -> Long.valueOf(changeId).equals(c.undoes()))) {
                    throw new WorkshopRefusal("raci_already_undone");
                }
                Cell current = board.matrix().cell(change.activityId(), change.roleId());
                if (current.version() != change.version()) {
                    throw new CellConflict(current, board.lastChange(change.activityId(), change.roleId()).orElse(null));
                }
                write(board, List.of(new Pending(current, change.from(), change.id())), "undo", who);
            }
            room.changed(exercise);
        });
    }

    /** Marks the matrix settled; with failing checks only "anyway" and with a reason, kept with the checks it failed. */
    void settle(Room room, Step step, boolean anyway, String reason, Facilitator who) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                if (board.settlement().settled()) {
                    throw new WorkshopRefusal("raci_already_settled");
                }
                Locale locale = Texts.locale(room.workshop().language());
                List<String> failing = RaciFindings.describe(board.matrix(), texts, locale);
                String why = null;
                if (!failing.isEmpty()) {
                    if (!anyway) {
                        throw new WorkshopRefusal("raci_checks_fail", failing.size());
                    }
                    why = TypedText.lines(reason);
                    if (why.isEmpty()) {
                        throw new WorkshopRefusal("raci_reason_needed");
                    }
                    if (TypedText.tooLong(why, MAX_REASON_CHARS)) {
                        throw new WorkshopRefusal("raci_reason_too_long", MAX_REASON_CHARS);
                    }
                }
                Settlement s = new Settlement(true, why, failing, who.name(), OffsetDateTime.now(clock));
                repository.inTransaction(tx -> tx.saveSettlement(step.id(), s, who));
                board.settlement(s);
            }
            room.changed(exercise);
        });
    }

    void reopen(Room room, Step step, Facilitator who) {
        room.change(() -> {
            RaciBoard board = exercise.board(room, step);
            synchronized (board) {
                if (!board.settlement().settled()) {
                    throw new WorkshopRefusal("raci_not_settled");
                }
                Settlement s = new Settlement(false, null, List.of(), who.name(), OffsetDateTime.now(clock));
                repository.inTransaction(tx -> tx.saveSettlement(step.id(), s, who));
                board.settlement(s);
            }
            room.changed(exercise);
        });
    }

    static final int MAX_REASON_CHARS = 300;

    private record Pending(Cell before, Letter to, Long undoes) {
    }

    private void write(RaciBoard board, List<Pending> changes, String kind, Facilitator who) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CellChange> written = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        repository.inTransaction(tx -> {
            for (Pending p : changes) {
                Cell after = new Cell(p.before().activityId(), p.before().roleId(), p.to(), p.before().version() + 1);
                long id = tx.saveCell(after, p.before().letter(), kind, p.undoes(), who, now);
                cells.add(after);
                written.add(new CellChange(id, after.activityId(), after.roleId(), p.before().letter(), p.to(),
                        after.version(), kind, p.undoes(), who.name(), now));
            }
        });
        cells.forEach(board::put);
        written.forEach(board::add);
    }

    private static void requireOpenForChanges(RaciBoard board) {
        if (board.settlement().settled()) {
            throw new WorkshopRefusal("raci_settled");
        }
    }

    /** Keeps the step's own copy of the roles and activities in step with the matrix's rows; inside the layout's change. */
    void syncSpec(Room room, Step step, RaciBoard board) {
        workshops.adaptStep(room, step.id(), spec -> {
            StepSpec.ExerciseSpec old = spec.exercise();
            return spec.withExercise(new StepSpec.ExerciseSpec(old == null ? null : old.prompt(),
                    old == null ? null : old.networks(), board.roles().stream().map(Role::name).toList(),
                    board.activities().stream().map(Activity::name).toList()));
        });
    }
}
