package org.tallersocial.projector;

import org.tallersocial.workshop.Workshop;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.live.Room;
import org.tallersocial.live.Rooms;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Views;

/** The projector: read-only, large type, the join code and QR, live results. */
public final class ProjectorController {

    private final Rooms rooms;
    private final Views views;
    private final String publicUrl;

    public ProjectorController(Rooms rooms, Views views, String publicUrl) {
        this.rooms = rooms;
        this.views = views;
        this.publicUrl = publicUrl;
    }

    public void show(Context ctx) {
        Room room = rooms.byOpenCode(ctx.pathParam("code")).orElse(null);
        if (room == null) {
            ctx.status(HttpStatus.NOT_FOUND).render("phone/message", Map.of(
                    "heading", "screen.unknown.heading", "message", "screen.unknown.message"));
            return;
        }
        LanguageChoice.preferWorkshop(ctx, room.workshop().language());
        page(ctx, room.workshop(), Map.of());
    }

    /** The projector's page; the agenda editor's preview adds the snapshot it draws instead of connecting. */
    public void page(Context ctx, Workshop w, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        model.putAll(Map.of("workshop", w, "joinUrl", joinUrl(w), "joinHost", joinHost()));
        ctx.render("screen/live", model);
    }

    public void qr(Context ctx) {
        Room room = rooms.byOpenCode(ctx.pathParam("code")).orElse(null);
        if (room == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("no open workshop with this code");
            return;
        }
        String url = joinUrl(room.workshop());
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(views.render("screen/qr", Map.of("qr", QrCode.of(url), "url", url), Locale.ROOT));
    }

    private String joinUrl(Workshop w) {
        return publicUrl + "/j/" + w.code();
    }

    /** What people type when they can't scan: the address without its scheme. */
    private String joinHost() {
        return publicUrl.replaceFirst("^https?://", "");
    }
}
