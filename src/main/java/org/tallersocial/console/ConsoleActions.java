package org.tallersocial.console;

import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.Step;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.tallersocial.live.Room;
import org.tallersocial.poll.PollService;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.HttpErrors;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;

/**
 * Every button on the console is a POST. The console's script sends them
 * with fetch and gets JSON back; without script, a plain form post
 * redirects back to the console.
 */
public final class ConsoleActions {

    private final ConsoleController console;
    private final WorkshopService workshops;
    private final PollService polls;
    private final Texts texts;
    private final java.time.Clock clock;

    public ConsoleActions(ConsoleController console, WorkshopService workshops, PollService polls, Texts texts,
                          java.time.Clock clock) {
        this.clock = clock;
        this.console = console;
        this.workshops = workshops;
        this.polls = polls;
        this.texts = texts;
    }

    public Handler settings() {
        return act((ctx, room) -> workshops.rename(room, ctx.formParam("title"), ctx.formParam("company")));
    }

    public Handler goLive() {
        return act((ctx, room) -> workshops.goLive(room, "on".equals(ctx.formParam("rehearsal"))));
    }

    public Handler close() {
        return act((ctx, room) -> workshops.close(room));
    }

    public Handler joining() {
        return act((ctx, room) -> workshops.setJoiningLocked(room, "lock".equals(ctx.formParam("joining"))));
    }

    public Handler goTo() {
        return act((ctx, room) -> {
            String to = Optional.ofNullable(ctx.formParam("to")).orElse("");
            switch (to) {
                case "next" -> workshops.goTo(room, current -> current + 1);
                case "previous" -> workshops.goTo(room, current -> current - 1);
                default -> {
                    int target = integer(to, "step");
                    workshops.goTo(room, current -> target);
                }
            }
        });
    }

    public Handler timer() {
        return act((ctx, room) -> {
            String seconds = Optional.ofNullable(ctx.formParam("seconds")).orElse("");
            if (seconds.equals("stop")) {
                workshops.stopTimer(room);
            } else {
                workshops.startTimer(room, integer(seconds, "seconds"));
            }
        });
    }

    public Handler poll() {
        return act((ctx, room) -> {
            long stepId = longParam(ctx.pathParam("stepId"), "step");
            switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
                case "open" -> polls.open(room, stepId);
                case "close" -> polls.close(room, stepId);
                case "reveal" -> polls.reveal(room, stepId, true);
                case "unreveal" -> polls.reveal(room, stepId, false);
                case "reset" -> polls.reset(room, stepId, java.time.OffsetDateTime.now(clock));
                default -> throw new WorkshopRefusal("unknown_action");
            }
        });
    }

    public Handler answerVisibility() {
        return act((ctx, room) -> polls.hideAnswer(room, longParam(ctx.pathParam("stepId"), "step"),
                longParam(ctx.pathParam("answerId"), "answer"), !"show".equals(ctx.formParam("action"))));
    }

    /** A console action on the workshop of the {id} path: refusals answer 409 with the reason in the reader's language. */
    public Handler act(BiConsumer<Context, Room> action) {
        return ctx -> {
            Room room = console.room(ctx);
            boolean fromScript = ctx.header(Csrf.HEADER) != null;
            try {
                action.accept(ctx, room);
                if (fromScript) {
                    ctx.json(Map.of("ok", true));
                } else {
                    BasePath.redirect(ctx, "/facilitate/" + room.workshop().id(), HttpStatus.SEE_OTHER);
                }
            } catch (WorkshopRefusal e) {
                Locale locale = LanguageChoice.of(ctx);
                String message = texts.get(locale, e.textKey(), e.args());
                if (fromScript) {
                    ctx.status(HttpStatus.CONFLICT).json(Map.of("ok", false, "error", message));
                } else {
                    HttpErrors.conflictPage(ctx, texts, message, "/facilitate/" + room.workshop().id());
                }
            }
        };
    }

    private static int integer(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new WorkshopRefusal("not_a_number");
        }
    }

    /** The {stepId} of the path, when it is a step of this workshop and of this kind; 404 otherwise. */
    public static Step stepOfKind(Room room, Context ctx, org.tallersocial.content.StepKind kind) {
        long stepId = longParam(ctx.pathParam("stepId"), "step");
        Step step = room.step(stepId).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no_step"));
        if (step.kind() != kind) {
            throw new io.javalin.http.NotFoundResponse("not_a_" + kind.key() + "_step");
        }
        return step;
    }

    /** Sends a file to save, named as the facilitator will find it in their downloads. */
    public static void download(Context ctx, String contentType, String fileName) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    public static long longParam(String value, String what) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new WorkshopRefusal("unknown_id");
        }
    }
}
