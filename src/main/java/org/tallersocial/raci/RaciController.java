package org.tallersocial.raci;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Room;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.console.WorkshopService;

/** The facilitator's side of the matrix: its rows and columns, the settled letters, and the exports. */
public final class RaciController {

    private static final String BASE = "/facilitate/{id}/steps/{stepId}/raci";

    private final RaciExercise exercise;
    private final RaciService service;
    private final RaciLayout layout;
    private final ConsoleController console;
    private final ConsoleActions actions;
    private final Texts texts;

    public RaciController(RaciExercise exercise, ConsoleController console, ConsoleActions actions,
                          WorkshopService workshops, Texts texts, Clock clock) {
        this.exercise = exercise;
        this.service = new RaciService(exercise, workshops, texts, clock);
        this.layout = new RaciLayout(exercise, service);
        this.console = console;
        this.actions = actions;
        this.texts = texts;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/roles", act((ctx, room, step) -> layout.addRole(room, step, ctx.formParam("name"))));
        routes.post(BASE + "/roles/{roleId}", act((ctx, room, step) -> layout.changeRole(room, step,
                id(ctx.pathParam("roleId")), ctx.formParam("action"), ctx.formParam("name"))));
        routes.post(BASE + "/activities", act((ctx, room, step) ->
                layout.addActivity(room, step, ctx.formParam("name"))));
        routes.post(BASE + "/activities/{activityId}", act((ctx, room, step) -> layout.changeActivity(room, step,
                id(ctx.pathParam("activityId")), ctx.formParam("action"), ctx.formParam("name"))));
        routes.post(BASE + "/open", act((ctx, room, step) -> layout.open(room, step, ctx.formParam("activities"))));
        routes.post(BASE + "/cells", act((ctx, room, step) -> service.setCell(room, step,
                id(ctx.formParam("activity")), id(ctx.formParam("role")), Letter.parse(ctx.formParam("letter")),
                version(ctx.formParam("version")), me(ctx))));
        routes.post(BASE + "/majority", act((ctx, room, step) -> service.fillFromMajority(room, step, me(ctx))));
        routes.post(BASE + "/undo", act((ctx, room, step) ->
                service.undo(room, step, id(ctx.formParam("change")), me(ctx))));
        routes.post(BASE + "/settle", act((ctx, room, step) -> service.settle(room, step,
                "true".equals(ctx.formParam("anyway")), ctx.formParam("reason"), me(ctx))));
        routes.post(BASE + "/reopen", act((ctx, room, step) -> service.reopen(room, step, me(ctx))));
        routes.get(BASE + "/print", this::print);
        routes.get("/facilitate/{id}/steps/{stepId}/raci.csv", this::csv);
    }

    private interface StepAction {
        void run(Context ctx, Room room, Step step);
    }

    /**
     * A console action on a RACI step. A cell someone else changed meanwhile answers 409 like any
     * refusal, and also with the cell as it is now, so the console can show it and let the person decide.
     */
    private Handler act(StepAction action) {
        BiConsumer<Context, Room> onStep = (ctx, room) -> action.run(ctx, room, ConsoleActions.stepOfKind(room, ctx, StepKind.RACI));
        Handler inner = actions.act(onStep);
        return ctx -> {
            try {
                inner.handle(ctx);
            } catch (CellConflict e) {
                conflict(ctx, e);
            }
        };
    }

    private void conflict(Context ctx, CellConflict e) {
        Locale locale = LanguageChoice.of(ctx);
        Cell now = e.current();
        String letter = now.letter() == null ? texts.get(locale, "js.console.raci.empty_cell") : now.letter().name();
        String by = e.last() == null ? "?" : e.last().by();
        String message = texts.get(locale, "refusal.raci_cell_changed", by, letter);
        if (ctx.header(Csrf.HEADER) == null) {
            org.tallersocial.web.HttpErrors.conflictPage(ctx, texts, message, "/facilitate/" + ctx.pathParam("id"));
            return;
        }
        ctx.status(HttpStatus.CONFLICT);
        Map<String, Object> cell = new HashMap<>();
        cell.put("activity", now.activityId());
        cell.put("role", now.roleId());
        cell.put("letter", now.letter() == null ? null : now.letter().name());
        cell.put("version", now.version());
        cell.put("by", by);
        cell.put("at", e.last() == null ? null : e.last().at().toInstant().toEpochMilli());
        ctx.json(Map.of("ok", false, "error", message, "conflict", cell));
    }

    private void print(Context ctx) {
        Room room = console.room(ctx);
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.RACI);
        ctx.render("raci/print", RaciExport.printModel(room, step, exercise.board(room, step), texts, LanguageChoice.of(ctx)));
    }

    private void csv(Context ctx) {
        Room room = console.room(ctx);
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.RACI);
        Locale locale = Texts.locale(room.workshop().language());
        String file = "raci-" + room.workshop().code() + "-" + (step.position() + 1) + ".csv";
        ConsoleActions.download(ctx, "text/csv; charset=utf-8", file);
        ctx.result(RaciExport.csv(exercise.board(room, step), texts, locale));
    }

    private static Facilitator me(Context ctx) {
        return ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE);
    }

    private static long id(String value) {
        if (value == null) {
            throw new WorkshopRefusal("unknown_id");
        }
        return ConsoleActions.longParam(value, "id");
    }

    private static int version(String value) {
        try {
            int v = Integer.parseInt(value == null ? "" : value.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new WorkshopRefusal("raci_no_version");
        }
    }
}
