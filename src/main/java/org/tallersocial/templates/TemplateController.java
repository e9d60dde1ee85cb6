package org.tallersocial.templates;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.content.ContentError;
import org.tallersocial.content.TemplateFile;
import org.tallersocial.content.WorkshopTemplate;
import org.tallersocial.web.BasePath;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.HttpErrors;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.WorkshopRefusal;

/** The team's templates: downloading any template as a file, uploading one, deleting one's own. */
public final class TemplateController {

    private static final String LIST = "/facilitate#templates";

    private final Templates templates;
    private final Texts texts;

    public TemplateController(Templates templates, Texts texts) {
        this.templates = templates;
        this.texts = texts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/facilitate/templates/file", this::download);
        routes.post("/facilitate/templates", this::upload);
        routes.post("/facilitate/templates/{templateId}/delete", this::delete);
    }

    /** Sends a template as the file the content format describes, named as the facilitator will find it. */
    public static void sendFile(Context ctx, WorkshopTemplate template) {
        ctx.contentType("application/yaml; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + template.id() + "-" + template.language()
                + ".yaml\"");
        ctx.result(TemplateFile.write(template));
    }

    private void download(Context ctx) {
        String key = ctx.queryParam("template");
        WorkshopTemplate template = templates.find(key).filter(t -> !key.startsWith("empty/"))
                .orElseThrow(() -> new NotFoundResponse("no_template"));
        sendFile(ctx, template);
    }

    private void upload(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            refused(ctx, List.of(texts.get(LanguageChoice.of(ctx), "templates.no_file")));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) Math.min(file.size(), Integer.MAX_VALUE));
        } catch (IOException e) {
            refused(ctx, List.of(texts.get(LanguageChoice.of(ctx), "templates.unreadable")));
            return;
        }
        TemplateFile.Read read = templates.upload(file.filename(), bytes, me(ctx));
        if (read.template().isPresent()) {
            BasePath.redirect(ctx, LIST, HttpStatus.SEE_OTHER);
        } else {
            refused(ctx, lines(read.problems(), LanguageChoice.of(ctx)));
        }
    }

    private void delete(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("templateId"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no_template");
        }
        try {
            templates.delete(id, me(ctx));
            BasePath.redirect(ctx, LIST, HttpStatus.SEE_OTHER);
        } catch (WorkshopRefusal e) {
            HttpErrors.conflictPage(ctx, texts, texts.get(LanguageChoice.of(ctx), e.textKey(), e.args()), LIST);
        }
    }

    /** Each problem with its line and field, as the checker prints them, in the facilitator's language. */
    private List<String> lines(List<ContentError> problems, Locale locale) {
        return problems.stream().map(p -> {
            String where = p.line() > 0 ? texts.get(locale, "templates.at_line", p.line()) : "";
            String field = p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ";
            return (where.isEmpty() ? "" : where + " · ") + field + p.message(locale);
        }).toList();
    }

    private void refused(Context ctx, List<String> problems) {
        ctx.status(HttpStatus.BAD_REQUEST);
        ctx.render("templates/refused", Map.of("problems", problems));
    }

    private static Facilitator me(Context ctx) {
        return ctx.attribute(Csrf.FACILITATOR_ATTRIBUTE);
    }
}
