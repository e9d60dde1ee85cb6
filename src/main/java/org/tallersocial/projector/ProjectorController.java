package org.tallersocial.projector;

import org.tallersocial.workshop.Workshop;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.live.CodeLookup;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Views;

/** The projector: read-only, large type, the join code and QR, live results. */
public final class ProjectorController {

    private final CodeLookup codes;
    private final Views views;
    private final String publicUrl;

    public ProjectorController(CodeLookup codes, Views views, String publicUrl) {
        this.codes = codes;
        this.views = views;
        this.publicUrl = publicUrl;
    }

    public void show(Context ctx) {
        CodeLookup.Lookup lookup = codes.find(ctx, ctx.pathParam("code"));
        if (lookup.outcome() == CodeLookup.Outcome.TOO_MANY) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).render("phone/message", Map.of(
                    "heading", "phone.slow_down.heading", "message", "screen.slow_down.message"));
            return;
        }
        if (!lookup.found()) {
            ctx.status(HttpStatus.NOT_FOUND).render("phone/message", Map.of(
                    "heading", "screen.unknown.heading", "message", "screen.unknown.message"));
            return;
        }
        LanguageChoice.preferWorkshop(ctx, lookup.room().workshop().language());
        page(ctx, lookup.room().workshop(), Map.of());
    }

    /** The projector's page; the agenda editor's preview adds the snapshot it draws instead of connecting. */
    public void page(Context ctx, Workshop w, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        // The page carries the join key so that the projector's connection and QR code are let in while
        // its network is turned away for guessing codes (CodeLookup).
        model.putAll(Map.of("workshop", w, "joinUrl", joinUrl(w), "joinHost", joinHost(), "joinKey", w.joinKey()));
        ctx.render("screen/live", model);
    }

    public void qr(Context ctx) {
        CodeLookup.Lookup lookup = codes.find(ctx, ctx.pathParam("code"));
        if (!lookup.found()) {
            ctx.status(lookup.outcome() == CodeLookup.Outcome.TOO_MANY ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.NOT_FOUND)
                    .result("no open workshop with this code");
            return;
        }
        Workshop w = lookup.room().workshop();
        String url = scanUrl(w);
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(views.render("screen/qr", Map.of("qr", QrCode.of(url), "label", joinUrl(w)), Locale.ROOT));
    }

    /** What people read and type. */
    public String joinUrl(Workshop w) {
        return publicUrl + "/j/" + w.code();
    }

    /** What the QR code holds: with the join key, a phone that scans it gets in even while its network is turned away. */
    private String scanUrl(Workshop w) {
        return joinUrl(w) + "?" + CodeLookup.KEY + "=" + w.joinKey();
    }

    /** What people type when they can't scan: the address without its scheme. */
    private String joinHost() {
        return publicUrl.replaceFirst("^https?://", "");
    }
}
