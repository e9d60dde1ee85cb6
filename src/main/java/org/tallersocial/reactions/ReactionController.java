package org.tallersocial.reactions;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.workshop.WorkshopRefusal;

/** The console's choice of which reactions the phones offer. */
public final class ReactionController {

    private final Reactions reactions;
    private final ConsoleActions actions;

    public ReactionController(Reactions reactions, ConsoleActions actions) {
        this.reactions = reactions;
        this.actions = actions;
    }

    public void register(RoutesConfig routes) {
        routes.post("/facilitate/{id}/reactions", actions.act((ctx, room) ->
                reactions.offer(room, chosen(ctx.formParams("offered")))));
    }

    /**
     * The form always sends one empty "offered" beside its ticked boxes, so that ticking none says "no
     * reactions" and a post without the field changes nothing.
     */
    static List<String> chosen(List<String> sent) {
        if (sent.isEmpty()) {
            throw new WorkshopRefusal("reactions.none_sent");
        }
        return sent.stream().filter(s -> !s.isEmpty()).toList();
    }
}
