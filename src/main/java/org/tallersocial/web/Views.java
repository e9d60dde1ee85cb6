package org.tallersocial.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pebble, registered as Javalin's file renderer. Every page gets, without
 * each handler passing them: the CSRF token, the logged-in facilitator (if
 * any), its language, and the texts its scripts need in that language.
 */
public final class Views implements FileRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE_TEXTS = "console.";

    private final PebbleEngine engine;
    private final Texts texts;
    /** Keyed by language and whether the page is the console: phones don't download the console's texts. */
    private final Map<String, String> scriptTexts = new ConcurrentHashMap<>();

    public Views(Texts texts) {
        this.texts = texts;
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .extension(new TextsExtension(texts, ZoneId.systemDefault()))
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .build();
    }

    /**
     * After every request: Javalin answers a rendered page as plain "text/html"; it says its charset, so no
     * browser guesses one for a page full of accents.
     */
    public static void sayCharset(Context ctx) {
        if ("text/html".equals(ctx.res().getContentType())) {
            ctx.contentType("text/html; charset=utf-8");
        }
    }

    public Texts texts() {
        return texts;
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        Map<String, Object> all = new HashMap<>(model);
        Locale locale = LanguageChoice.of(ctx);
        all.putIfAbsent("csrf", Csrf.token(ctx));
        all.putIfAbsent("facilitator", ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE));
        all.put("lang", locale.getLanguage());
        all.put("languages", Texts.LANGUAGES);
        all.put("here", BasePath.local(ctx));
        // Every link, form and asset of every template starts with it, and scripts read it from <html>.
        all.put("base", BasePath.of(ctx));
        boolean console = filePath.startsWith("console/");
        all.put("scriptTexts", scriptTexts.computeIfAbsent(locale.getLanguage() + console,
                k -> scriptTextsJson(locale, console)));
        return render(filePath, all, locale);
    }

    public String render(String filePath, Map<String, ?> model, Locale locale) {
        PebbleTemplate template = engine.getTemplate(filePath);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, new HashMap<>(model), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** JSON safe to place inside a script element: no "<" can close it early. */
    private String scriptTextsJson(Locale locale, boolean console) {
        Map<String, String> wanted = new java.util.TreeMap<>(texts.forScripts(locale));
        if (!console) {
            wanted.keySet().removeIf(k -> k.startsWith(CONSOLE_TEXTS));
        }
        try {
            return JSON.writeValueAsString(wanted).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
