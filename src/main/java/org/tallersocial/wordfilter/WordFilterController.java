package org.tallersocial.wordfilter;

import io.javalin.config.RoutesConfig;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.workshop.WorkshopRefusal;

/** The console's word filter: on or off, the workshop's own words, and what waits for approval. */
public final class WordFilterController {

    private final WordFilter filter;
    private final ConsoleActions actions;

    public WordFilterController(WordFilter filter, ConsoleActions actions) {
        this.filter = filter;
        this.actions = actions;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/word-filter", actions.act((ctx, room) -> {
            String action = ctx.formParam("action");
            switch (action == null ? "" : action) {
                case "on" -> filter.turn(room, true);
                case "off" -> filter.turn(room, false);
                case "add" -> filter.add(room, ctx.formParam("word"));
                case "remove" -> filter.remove(room, ctx.formParam("word"));
                default -> throw new WorkshopRefusal("unknown_action");
            }
        }));
        routes.post("/facilitate/{id}/waiting/{kind}/{itemId}", actions.act((ctx, room) -> filter.decide(room,
                ctx.pathParam("kind"), ConsoleActions.longParam(ctx.pathParam("itemId"), "item"),
                ctx.formParam("action"))));
    }
}
