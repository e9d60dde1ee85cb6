package org.tallersocial.console;

import org.tallersocial.workshop.WorkshopRefusal;
import org.tallersocial.workshop.Workshop;
import org.tallersocial.reactions.Reactions;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.content.WorkshopTemplate;
import org.tallersocial.templates.Templates;
import java.util.List;
import org.tallersocial.live.Room;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.HttpErrors;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;

/** The facilitator's workshops: the list, creating one, and the live console page. */
public final class ConsoleController {

    private final WorkshopService workshops;
    /** The shipped template that runs the whole workshop of the seeds. */
    static final String FULL_WORKSHOP = "social-business";
    private final Templates templates;
    private final RehearsalReset rehearsals;
    private final Texts texts;
    private final String publicUrl;

    private final Reactions reactions;
    private final org.tallersocial.catchup.CatchUpCard catchUp;

    public ConsoleController(WorkshopService workshops, Templates templates, RehearsalReset rehearsals,
                             Reactions reactions, org.tallersocial.catchup.CatchUpCard catchUp, Texts texts,
                             String publicUrl) {
        this.catchUp = catchUp;
        this.workshops = workshops;
        this.reactions = reactions;
        this.rehearsals = rehearsals;
        this.templates = templates;
        this.texts = texts;
        this.publicUrl = publicUrl;
    }

    public void list(Context ctx) {
        renderList(ctx, null, "", "");
    }

    public void create(Context ctx) {
        Facilitator me = me(ctx);
        String title = Optional.ofNullable(ctx.formParam("title")).orElse("");
        String company = Optional.ofNullable(ctx.formParam("company")).orElse("");
        Optional<WorkshopTemplate> template = templates.find(ctx.formParam("template"));
        if (template.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderList(ctx, texts.get(LanguageChoice.of(ctx), "console.list.choose_template"), title, company);
            return;
        }
        try {
            Workshop w = workshops.create(template.get(), title, company, me.id());
            BasePath.redirect(ctx, "/facilitate/" + w.id(), HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderList(ctx, texts.get(LanguageChoice.of(ctx), e.textKey(), e.args()), title, company);
        }
    }

    public void console(Context ctx) {
        Room room = room(ctx);
        Workshop w = room.workshop();
        ctx.render("console/live", Map.of(
                "workshop", w,
                "steps", room.steps(),
                "joinUrl", publicUrl + "/j/" + w.code(),
                "plannedMinutes", room.steps().stream().mapToInt(s -> s.spec().durationSeconds()).sum() / 60,
                "reactions", reactions.palette(room),
                "catchUp", catchUp.of(room)));
    }

    /** Deleting a closed workshop; on a refusal the review page shows why. */
    /** A copy of the agenda for the next client; the facilitator lands on the new draft's console. */
    public void duplicate(Context ctx) {
        Room room = room(ctx);
        String title = texts.get(LanguageChoice.of(ctx), "console.copy_of", room.workshop().title());
        Workshop copy = workshops.duplicate(room, title, me(ctx).id());
        BasePath.redirect(ctx, "/facilitate/" + copy.id(), HttpStatus.SEE_OTHER);
    }

    /** What resetting the rehearsal will delete, and the button that does it. */
    public void resetPage(Context ctx) {
        Room room = room(ctx);
        try {
            ctx.render("console/reset", Map.of("workshop", room.workshop(), "counts", rehearsals.counts(room)));
        } catch (WorkshopRefusal e) {
            refused(ctx, e, "/facilitate/" + room.workshop().id());
        }
    }

    public void reset(Context ctx) {
        Room room = room(ctx);
        try {
            rehearsals.reset(room);
            BasePath.redirect(ctx, "/facilitate/" + room.workshop().id(), HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            refused(ctx, e, "/facilitate/" + room.workshop().id());
        }
    }

    private void refused(Context ctx, WorkshopRefusal e, String back) {
        HttpErrors.conflictPage(ctx, texts, texts.get(LanguageChoice.of(ctx), e.textKey(), e.args()), back);
    }

    public void delete(Context ctx) {
        Room room = room(ctx);
        try {
            workshops.delete(room, ctx.formParam("confirm"));
            BasePath.redirect(ctx, "/facilitate", HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            refused(ctx, e, "/facilitate/" + room.workshop().id() + "/review");
        }
    }

    /** The room of the {id} path parameter, if it exists and belongs to the logged-in facilitator. */
    public Room room(Context ctx) {
        return ownRoom(ctx, ctx.pathParam("id"));
    }

    /** The room of a workshop id from the request, if it exists and belongs to the logged-in facilitator. */
    public Room ownRoom(Context ctx, String idText) {
        Facilitator me = me(ctx);
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no_workshop");
        }
        Workshop w = workshops.find(id).orElseThrow(() -> new NotFoundResponse("no_workshop"));
        if (w.ownerId() != me.id()) {
            throw new ForbiddenResponse("not_your_workshop");
        }
        return workshops.room(w);
    }

    private void renderList(Context ctx, String error, String title, String company) {
        Map<String, Object> model = new HashMap<>();
        model.put("workshops", workshops.listFor(me(ctx).id()));
        model.put("templates", templates.shipped());
        model.put("ownTemplates", templates.own());
        model.put("preselected", preselected(ctx));
        model.put("title", title);
        model.put("company", company);
        if (error != null) {
            model.put("error", error);
        }
        ctx.render("console/list", model);
    }

    /**
     * What a newcomer most likely runs: the full workshop in the language they read the console in,
     * else the first template of that language, else the first of all.
     */
    private String preselected(Context ctx) {
        String language = org.tallersocial.web.LanguageChoice.of(ctx).getLanguage();
        List<WorkshopTemplate> shipped = templates.shipped();
        return templates.find(FULL_WORKSHOP + "/" + language)
                .or(() -> shipped.stream().filter(t -> t.language().equals(language)).findFirst())
                .or(() -> shipped.stream().findFirst())
                .map(t -> t.id() + "/" + t.language()).orElse("");
    }

    static Facilitator me(Context ctx) {
        Facilitator me = ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE);
        if (me == null) {
            throw new ForbiddenResponse("login_first");
        }
        return me;
    }
}
