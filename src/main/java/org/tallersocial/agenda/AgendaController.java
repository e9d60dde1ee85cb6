package org.tallersocial.agenda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.live.Hub;
import org.tallersocial.live.Viewer;
import org.tallersocial.phone.PhoneController;
import org.tallersocial.projector.ProjectorController;
import org.tallersocial.console.WorkshopService;
import org.tallersocial.templates.TemplateController;
import org.tallersocial.templates.Templates;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Room;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.WorkshopRefusal;

/** The agenda editor's page and its two requests: the agenda as it stands, and saving an edited one. */
public final class AgendaController {

    private final AgendaService agendas;
    private final ConsoleController console;
    private final WorkshopService workshops;
    private final Templates templates;
    private final Hub hub;
    private final ProjectorController projector;
    private final Texts texts;
    private final ObjectMapper json;

    public AgendaController(AgendaService agendas, ConsoleController console, WorkshopService workshops,
                            Templates templates, Hub hub, ProjectorController projector, Texts texts,
                            ObjectMapper json) {
        this.agendas = agendas;
        this.console = console;
        this.workshops = workshops;
        this.templates = templates;
        this.hub = hub;
        this.projector = projector;
        this.texts = texts;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/facilitate/{id}/agenda", this::page);
        routes.get("/facilitate/{id}/agenda.json", ctx -> ctx.json(agendas.agenda(console.room(ctx))));
        routes.post("/facilitate/{id}/agenda", this::save);
        routes.get("/facilitate/{id}/agenda.yaml",
                ctx -> TemplateController.sendFile(ctx, workshops.agenda(console.room(ctx))));
        routes.post("/facilitate/{id}/template", this::saveAsTemplate);
        routes.get("/facilitate/{id}/preview/{stepId}/phone", ctx -> PhoneController.page(ctx,
                console.room(ctx).workshop(), Map.of("previewState", preview(ctx, Viewer.PHONE))));
        routes.get("/facilitate/{id}/preview/{stepId}/projector", ctx -> projector.page(ctx,
                console.room(ctx).workshop(), Map.of("previewState", preview(ctx, Viewer.PROJECTOR))));
    }

    /** A step as a phone or the projector would show it, before anyone joined: for the page to draw, not to send. */
    private String preview(Context ctx, Viewer viewer) {
        Room room = console.room(ctx);
        org.tallersocial.web.SecurityHeaders.framedBySelf(ctx);
        long stepId = ConsoleActions.longParam(ctx.pathParam("stepId"), "step");
        if (room.step(stepId).isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("no_step");
        }
        // Inside a script element: no "<" a facilitator typed may close it early.
        return hub.preview(room, stepId, viewer).toString().replace("<", "\\u003c");
    }

    /** "Save as template": the agenda as it is now goes to the team's templates, offered on the create form. */
    private void saveAsTemplate(Context ctx) {
        Room room = console.room(ctx);
        templates.save(workshops.agenda(room), ctx.attribute(org.tallersocial.web.Csrf.FACILITATOR_ATTRIBUTE));
        org.tallersocial.web.BasePath.redirect(ctx, "/facilitate#templates", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx) {
        Room room = console.room(ctx);
        // Inside a script element: no "<" a facilitator typed may close it early.
        ctx.render("console/agenda", Map.of("workshop", room.workshop(),
                "kinds", java.util.Arrays.stream(StepKind.values()).map(StepKind::key).toList(),
                "agendaJson", agendas.agenda(room).toString().replace("<", "\\u003c")));
    }

    /** 200 with the new version; 422 with each problem at its field; 409 when another tab saved first. */
    private void save(Context ctx) {
        Room room = console.room(ctx);
        Locale locale = LanguageChoice.of(ctx);
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (java.io.IOException e) {
            body = null;
        }
        String version = body == null ? "" : body.path("version").asText("");
        try {
            agendas.save(room, version, body);
            ctx.json(agendas.agenda(room).put("ok", true));
        } catch (AgendaService.Refused e) {
            ObjectNode out = json.createObjectNode().put("ok", false);
            ArrayNode problems = out.putArray("problems");
            for (AgendaService.Problem p : e.problems()) {
                problems.addObject().put("path", p.path()).put("message", message(locale, p));
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(out);
        } catch (WorkshopRefusal e) {
            ObjectNode out = json.createObjectNode().put("ok", false);
            if (e.textKey().equals(AgendaService.STALE)) {
                out.put("stale", true);
            }
            ctx.status(HttpStatus.CONFLICT).json(out.put("error", texts.get(locale, e.textKey(), e.args())));
        }
    }

    private String message(Locale locale, AgendaService.Problem p) {
        return p.content() != null ? p.content().message(locale) : texts.get(locale, "refusal." + p.key(), p.args().toArray());
    }
}
