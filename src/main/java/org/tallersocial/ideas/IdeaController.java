package org.tallersocial.ideas;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Room;
import org.tallersocial.questions.Questions;
import org.tallersocial.web.Texts;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/** The facilitator's side of ideas and commitments, and the export of the whole conversation. */
public final class IdeaController {

    private final IdeaExercise ideas;
    private final CommitmentExercise commitments;
    private final Questions questions;
    private final ConsoleController console;
    private final ConsoleActions actions;
    private final Texts texts;

    public IdeaController(IdeaExercise ideas, CommitmentExercise commitments, Questions questions,
                          ConsoleController console, ConsoleActions actions, Texts texts) {
        this.ideas = ideas;
        this.commitments = commitments;
        this.questions = questions;
        this.console = console;
        this.actions = actions;
        this.texts = texts;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/steps/{stepId}/ideas/{ideaId}", actions.act(this::idea));
        routes.post("/facilitate/{id}/commitments", actions.act((ctx, room) -> commitments.create(room,
                ctx.formParam("idea"), ctx.formParam("action"), ctx.formParam("role"), ctx.formParam("due"))));
        routes.post("/facilitate/{id}/commitments/{commitmentId}", actions.act((ctx, room) -> commitments.status(room,
                ConsoleActions.longParam(ctx.pathParam("commitmentId"), "commitment"), ctx.formParam("status"))));
        routes.get("/facilitate/{id}/conversation.csv", this::csv);
    }

    private void idea(Context ctx, Room room) {
        Step step = ConsoleActions.stepOfKind(room, ctx, StepKind.IDEAS);
        long ideaId = ConsoleActions.longParam(ctx.pathParam("ideaId"), "idea");
        switch (String.valueOf(ctx.formParam("action"))) {
            case "hide" -> ideas.hide(room, step, ideaId, true);
            case "show" -> ideas.hide(room, step, ideaId, false);
            case "merge" -> ideas.merge(room, step, ideaId,
                    ConsoleActions.longParam(String.valueOf(ctx.formParam("into")), "idea"));
            default -> throw new WorkshopRefusal("unknown_action");
        }
    }

    private void csv(Context ctx) {
        Room room = console.room(ctx);
        Locale locale = Texts.locale(room.workshop().language());
        ConsoleActions.download(ctx, "text/csv; charset=utf-8", "conversation-" + room.workshop().code() + ".csv");
        ctx.result(ConversationCsv.write(questions.all(room), commitments.workshopIdeas(room), commitments.all(room),
                texts, locale));
    }
}
