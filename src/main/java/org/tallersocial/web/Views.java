package org.tallersocial.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Pebble, registered as Javalin's file renderer. Every page gets the CSRF
 * token and the logged-in facilitator (if any) without each handler passing them.
 */
public final class Views implements FileRenderer {

    private final PebbleEngine engine;

    public Views() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .build();
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        Map<String, Object> all = new HashMap<>(model);
        all.putIfAbsent("csrf", Csrf.token(ctx));
        all.putIfAbsent("facilitator", ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE));
        return render(filePath, all);
    }

    public String render(String filePath, Map<String, ?> model) {
        PebbleTemplate template = engine.getTemplate(filePath);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, new HashMap<>(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
