package org.tallersocial.report;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.live.Room;
import org.tallersocial.live.Rooms;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The owner's report: for the workshop's facilitator under /facilitate, and
 * for anyone holding a review link under /r/{token}, which opens that
 * workshop's report and its exports and nothing else.
 */
public final class ReportController {

    private final ReportBuilder builder;
    private final ReportExports exports;
    private final ReviewLinks links;
    private final ConsoleController console;
    private final Rooms rooms;
    private final Texts texts;
    private final String publicUrl;

    public ReportController(ReportBuilder builder, ReportExports exports, ReviewLinks links, ConsoleController console,
                            Rooms rooms, Texts texts, String publicUrl) {
        this.builder = builder;
        this.exports = exports;
        this.links = links;
        this.console = console;
        this.rooms = rooms;
        this.texts = texts;
        this.publicUrl = publicUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/facilitate/{id}/report", ctx -> page(ctx, console.room(ctx), base(ctx)));
        routes.get("/facilitate/{id}/report/{file}", ctx -> file(ctx, console.room(ctx), ctx.pathParam("file")));
        routes.get("/facilitate/{id}/review", ctx -> linksPage(ctx, console.room(ctx), null));
        routes.post("/facilitate/{id}/review-links", this::createLink);
        routes.post("/facilitate/{id}/review-links/{linkId}/revoke", this::revokeLink);
        routes.get("/facilitate/workshops/compare", this::compare);
        routes.get("/r/{token}", ctx -> byLink(ctx, null));
        routes.get("/r/{token}/{file}", ctx -> byLink(ctx, ctx.pathParam("file")));
    }

    private static String base(Context ctx) {
        return "/facilitate/" + ctx.pathParam("id") + "/report";
    }

    private void byLink(Context ctx, String file) {
        ReviewLinks.Opened opened = links.open(ctx.pathParam("token"));
        ctx.header("Cache-Control", "no-store");
        if (opened.link().isEmpty()) {
            ctx.status(opened.refusal().equals("unknown") ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
            ctx.render("report/link_refused", Map.of("refusal", opened.refusal()));
            return;
        }
        Room room = rooms.get(opened.link().get().workshopId()).orElseThrow(() -> new NotFoundResponse("no_workshop"));
        if (file == null) {
            page(ctx, room, "/r/" + ctx.pathParam("token"));
        } else {
            file(ctx, room, file);
        }
    }

    private void page(Context ctx, Room room, String base) {
        LanguageChoice.preferWorkshop(ctx, room.workshop().language());
        Report report = builder.build(room, LanguageChoice.of(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("reportPath", base);
        model.put("files", exports.csvFiles(report).keySet());
        model.put("chartWidth", Chart.WIDTH);
        model.put("forFacilitator", ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE) != null && base.startsWith("/facilitate"));
        ctx.render("report/report", model);
    }

    private void file(Context ctx, Room room, String file) {
        Report report = builder.build(room, Texts.locale(room.workshop().language()));
        String name = "report-" + room.workshop().code() + "-" + file;
        if (file.equals("report.json")) {
            ctx.contentType("application/json; charset=utf-8");
            ctx.result(exports.json(report));
        } else if (file.equals("report.zip")) {
            ctx.contentType("application/zip");
            ctx.result(exports.zip(report));
        } else {
            String csv = exports.csvFiles(report).get(file);
            if (csv == null) {
                throw new NotFoundResponse("no_such_file");
            }
            ctx.contentType("text/csv; charset=utf-8");
            ctx.result(csv.getBytes(StandardCharsets.UTF_8));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private void compare(Context ctx) {
        Room a = console.ownRoom(ctx, ctx.queryParam("a"));
        Room b = console.ownRoom(ctx, ctx.queryParam("b"));
        Locale locale = LanguageChoice.of(ctx);
        Comparison comparison = Comparison.of(builder.build(a, locale), builder.build(b, locale));
        ctx.render("report/compare", Map.of("c", comparison));
    }

    private void createLink(Context ctx) {
        Room room = console.room(ctx);
        Facilitator me = ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE);
        try {
            ReviewLinks.Created created = links.create(room.workshop().id(), ctx.formParam("reader"),
                    ctx.formParam("days"), me.id());
            linksPage(ctx, room, Map.of("newUrl", publicUrl + "/r/" + created.token(), "newReader",
                    created.link().reader()));
        } catch (WorkshopRefusal e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            linksPage(ctx, room, Map.of("error", texts.get(LanguageChoice.of(ctx), e.textKey(), e.args()),
                    "reader", String.valueOf(ctx.formParam("reader"))));
        }
    }

    private void revokeLink(Context ctx) {
        Room room = console.room(ctx);
        try {
            links.revoke(room.workshop().id(), ConsoleActions.longParam(ctx.pathParam("linkId"), "link"));
            BasePath.redirect(ctx, "/facilitate/" + room.workshop().id() + "/review", HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            ctx.status(HttpStatus.CONFLICT);
            linksPage(ctx, room, Map.of("error", texts.get(LanguageChoice.of(ctx), e.textKey(), e.args())));
        }
    }

    private void linksPage(Context ctx, Room room, Map<String, String> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("workshop", room.workshop());
        List<ReviewLink> all = links.forWorkshop(room.workshop().id());
        model.put("links", all);
        model.put("now", java.time.OffsetDateTime.now());
        if (extra != null) {
            model.putAll(extra);
        }
        ctx.render("report/links", model);
    }
}
