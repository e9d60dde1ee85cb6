package org.tallersocial.quiz;

import io.javalin.config.RoutesConfig;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.workshop.WorkshopRefusal;

/** The console's leaderboard button on a quiz question. */
public final class QuizController {

    private final QuizExercise quiz;
    private final ConsoleActions actions;

    public QuizController(QuizExercise quiz, ConsoleActions actions) {
        this.quiz = quiz;
        this.actions = actions;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/steps/{stepId}/quiz", actions.act((ctx, room) -> quiz.showBoard(room,
                ConsoleActions.longParam(ctx.pathParam("stepId"), "step"), board(ctx.formParam("board")))));
    }

    private static boolean board(String value) {
        if ("show".equals(value)) {
            return true;
        }
        if ("hide".equals(value)) {
            return false;
        }
        throw new WorkshopRefusal("quiz.show_or_hide");
    }
}
