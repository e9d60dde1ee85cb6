package org.tallersocial.questions;

import io.javalin.config.RoutesConfig;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.workshop.WorkshopRefusal;

/** The console's moderation of the room's questions. */
public final class QuestionController {

    private final Questions questions;
    private final ConsoleActions actions;

    public QuestionController(Questions questions, ConsoleActions actions) {
        this.questions = questions;
        this.actions = actions;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/questions/settings", actions.act((ctx, room) -> questions.configure(room,
                onOff(ctx.formParam("needsApproval")), onOff(ctx.formParam("onScreen")))));
        routes.post("/facilitate/{id}/questions/{questionId}", actions.act((ctx, room) -> questions.moderate(room,
                ConsoleActions.longParam(ctx.pathParam("questionId"), "question"), ctx.formParam("action"))));
    }

    /** "on" or "off"; absent leaves the setting alone; anything else is refused before anything changes. */
    static Boolean onOff(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new WorkshopRefusal("questions.on_or_off");
        };
    }
}
