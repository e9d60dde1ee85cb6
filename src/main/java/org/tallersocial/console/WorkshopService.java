package org.tallersocial.console;

import org.tallersocial.workshop.WorkshopState;
import org.tallersocial.workshop.WorkshopRepository;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.PollState;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.workshop.Participant;
import org.tallersocial.workshop.JoinCodes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.tallersocial.content.StepSpec;
import org.tallersocial.content.TemplateFile;
import org.tallersocial.content.WorkshopTemplate;
import org.tallersocial.live.Rooms;
import org.tallersocial.live.Room;
import org.tallersocial.web.Tokens;
import org.tallersocial.web.TypedText;
import org.tallersocial.wordfilter.WordFilter;

/**
 * Preparing and running a workshop: every change is written to H2, then
 * mirrored in the live room, then published to its screens.
 */
public final class WorkshopService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 40;
    static final int MAX_TIMER_SECONDS = 60 * 60;

    private final DSLContext dsl;
    private final WorkshopRepository workshops;
    private final StepRepository steps;
    private final ParticipantRepository participants;
    private final Rooms rooms;
    private final Clock clock;
    private final WordFilter filter;

    public WorkshopService(DSLContext dsl, WorkshopRepository workshops, StepRepository steps,
                           ParticipantRepository participants, Rooms rooms, Clock clock, WordFilter filter) {
        this.dsl = dsl;
        this.workshops = workshops;
        this.steps = steps;
        this.participants = participants;
        this.rooms = rooms;
        this.clock = clock;
        this.filter = filter;
    }

    /** A fresh workshop copies the template's steps, so later template edits never rewrite it. */
    public synchronized Workshop create(WorkshopTemplate template, String title, String company, long ownerId) {
        String cleanTitle = required(title, "title", MAX_TITLE);
        String cleanCompany = required(company, "company", MAX_TITLE);
        long id = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            String code = freeCode(tx);
            long workshopId = workshops.insert(tx, code, cleanTitle, cleanCompany, template.id(),
                    template.language(), ownerId, now());
            steps.insertAll(tx, workshopId, template.steps());
            return workshopId;
        });
        return workshops.find(id).orElseThrow();
    }

    /**
     * The agenda as this workshop has it now (networks, roles, activities as adapted) in a new draft for
     * the next client: the steps are copied, nothing anyone answered is.
     */
    public Workshop duplicate(Room room, String title, long ownerId) {
        return create(agenda(room), clip(title, MAX_TITLE), room.workshop().company(), ownerId);
    }

    /** The workshop's agenda as it is now, as a template: what "Duplicate", "Save as template" and its download take. */
    public WorkshopTemplate agenda(Room room) {
        Workshop w = room.workshop();
        List<StepSpec> agenda = room.steps().stream().map(Step::spec).toList();
        return new WorkshopTemplate(w.templateId(), w.language(), clip(w.title(), TemplateFile.MAX_TITLE), "", agenda);
    }

    private static String clip(String text, int max) {
        return !TypedText.tooLong(text, max) ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    public List<Workshop> listFor(long ownerId) {
        return workshops.listForOwner(ownerId);
    }

    public Optional<Workshop> find(long id) {
        return workshops.find(id);
    }

    public Room room(Workshop workshop) {
        return rooms.get(workshop.id()).orElseThrow();
    }

    public void rename(Room room, String title, String company) {
        String cleanTitle = required(title, "title", MAX_TITLE);
        String cleanCompany = required(company, "company", MAX_TITLE);
        room.change(() -> save(room, room.workshop().withNames(cleanTitle, cleanCompany)));
    }

    /** @param rehearsal from a draft, go live as a rehearsal, to be reset for the real session afterwards */
    public void goLive(Room room, boolean rehearsal) {
        room.change(() -> {
            Workshop w = room.workshop();
            if (w.state() == WorkshopState.CLOSED) {
                throw new WorkshopRefusal("closed_for_good");
            }
            boolean asRehearsal = w.state() == WorkshopState.DRAFT ? rehearsal : w.rehearsal();
            Workshop live = w.withState(WorkshopState.LIVE, now()).asRehearsal(asRehearsal);
            openIfPending(room, live);
            save(room, live);
        });
    }

    public void close(Room room) {
        room.change(() -> {
            for (Step step : room.steps()) {
                if (step.pollState() == PollState.OPEN) {
                    saveState(room, step.withPollState(PollState.CLOSED));
                }
            }
            save(room, room.workshop().withState(WorkshopState.CLOSED, now()));
        });
    }

    /**
     * Replaces a step's data with the facilitator's adaptation of the step as the room holds it now;
     * call it inside the {@link Room#change} that checked the exercise's own rules (what may change
     * once people answered), so nothing can come between the check and the write.
     */
    public void adaptStep(Room room, long stepId, java.util.function.UnaryOperator<StepSpec> adapt) {
        room.change(() -> {
            requireNotClosed(room);
            Step step = room.step(stepId).orElseThrow(() -> new WorkshopRefusal("step_not_here"));
            Step updated = step.withSpec(adapt.apply(step.spec()));
            steps.updateSpec(updated);
            room.replaceStep(stepId, s -> updated);
        });
    }

    /**
     * Deletes a closed workshop and everything it stored (the database cascades from the
     * workshop row). The facilitator types its title to confirm, so no click deletes by accident.
     */
    public void delete(Room room, String confirmation) {
        room.change(() -> {
            Workshop w = room.workshop();
            if (w.state() != WorkshopState.CLOSED) {
                throw new WorkshopRefusal("delete_closed_only");
            }
            if (!TypedText.line(confirmation).equals(w.title())) {
                throw new WorkshopRefusal("delete_confirm", w.title());
            }
            workshops.delete(w.id());
        });
        rooms.forget(room);
    }

    public void setJoiningLocked(Room room, boolean locked) {
        room.change(() -> save(room, room.workshop().withJoiningLocked(locked)));
    }

    /** @param position 0-based; {@code next} and {@code previous} are worked out from the room as it is now */
    public void goTo(Room room, java.util.function.IntUnaryOperator position) {
        room.change(() -> {
            int target = position.applyAsInt(room.workshop().currentStep());
            if (target < 0 || target >= room.steps().size()) {
                throw new WorkshopRefusal("no_such_step", target + 1);
            }
            requireNotClosed(room);
            Workshop moved = room.workshop().atStep(target, room.workshop().isLive() ? now() : null);
            openIfPending(room, moved);
            save(room, moved);
        });
    }

    public void startTimer(Room room, int seconds) {
        if (seconds < 1 || seconds > MAX_TIMER_SECONDS) {
            throw new WorkshopRefusal("timer_range");
        }
        room.change(() -> saveState(room, timed(room).withTimerEndsAt(now().plusSeconds(seconds))));
    }

    public void stopTimer(Room room) {
        room.change(() -> saveState(room, timed(room).withTimerEndsAt(null)));
    }

    /** The current step, whose countdown the facilitator sets: a quiz question keeps the clock its points count on. */
    private static Step timed(Room room) {
        Step step = room.current();
        if (step.runsOwnClock()) {
            throw new WorkshopRefusal("quiz_keeps_time");
        }
        return step;
    }

    /** Joining hands out a secret token; only its hash is stored. */
    public Joined join(Room room, String displayName) {
        return join(room, displayName, false);
    }

    /**
     * @param late through the catch-up link: the workshop is closed and its window open now; such a person
     *             answers at their own pace and is marked for it (the report counts them apart too)
     */
    public Joined join(Room room, String displayName, boolean late) {
        Workshop w = room.workshop();
        if (late) {
            if (!w.takesLateAnswers(clock.instant())) {
                throw new WorkshopRefusal("catch_up.closed");
            }
        } else if (!w.isLive()) {
            throw new WorkshopRefusal(w.state() == WorkshopState.CLOSED ? "workshop_ended" : "not_started");
        } else if (w.joiningLocked()) {
            throw new WorkshopRefusal("joining_locked");
        }
        String name = TypedText.line(displayName);
        if (TypedText.tooLong(name, MAX_NAME)) {
            throw new WorkshopRefusal("name_too_long", MAX_NAME);
        }
        String token = Tokens.newToken();
        // A name the word filter catches is kept, and shown to nobody until the facilitator approves it.
        boolean held = !name.isEmpty() && filter.catches(room, name);
        Participant p = participants.insert(w.id(), Tokens.sha256(token), name.isEmpty() ? null : name, held, late,
                now());
        rooms.participantJoined(room);
        if (held) {
            filter.waitingChanged(room);
        }
        return new Joined(p, token);
    }

    public Optional<Participant> participant(Room room, String token) {
        return participants.byCookie(room.workshop().id(), token);
    }

    public record Joined(Participant participant, String token) {
    }

    /** A step's poll state, reveal and timer, as read under the room's lock. */
    private void saveState(Room room, Step step) {
        steps.updateState(step);
        room.replaceStep(step.id(), s -> step);
    }

    /**
     * Opens the step the workshop is about to stand on, before the workshop is saved there: a snapshot
     * sent meanwhile (to a phone connecting, say) then never shows the step just reached as not open yet.
     */
    private void openIfPending(Room room, Workshop about) {
        Step step = room.currentOf(about);
        if (about.isLive() && step.takesAnswers() && step.pollState() == PollState.PENDING) {
            saveState(room, step.opened(now()));
        }
    }

    private void save(Room room, Workshop updated) {
        workshops.update(updated);
        room.replace(updated);
    }

    private static void requireNotClosed(Room room) {
        if (room.workshop().state() == WorkshopState.CLOSED) {
            throw new WorkshopRefusal("workshop_closed");
        }
    }

    private String freeCode(DSLContext tx) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String code = JoinCodes.random();
            if (!workshops.openCodeExists(tx, code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free join code after 50 attempts");
    }

    /** @param what the refusal key's stem: "title" gives "title_empty" and "title_too_long" */
    private static String required(String value, String what, int max) {
        String v = TypedText.line(value);
        if (v.isEmpty()) {
            throw new WorkshopRefusal(what + "_empty");
        }
        if (TypedText.tooLong(v, max)) {
            throw new WorkshopRefusal(what + "_too_long", max);
        }
        return v;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
