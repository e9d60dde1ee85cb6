package org.tallersocial.templates;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.auth.Facilitator;
import org.tallersocial.content.StepKind;
import org.tallersocial.content.StepSpec;
import org.tallersocial.content.TemplateCatalog;
import org.tallersocial.content.TemplateFile;
import org.tallersocial.content.WorkshopTemplate;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * Every agenda a workshop can start from, by the key the create form sends: a shipped template
 * ({@code social-business/en}, read-only files), the team's own ({@code own:7}, kept in the database as
 * their files) and an empty agenda ({@code empty/es}).
 */
public final class Templates {

    static final String OWN = "own:";
    private static final String EMPTY = "empty";
    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);

    private final TemplateCatalog shipped;
    private final TemplateRepository repository;
    private final Texts texts;
    private final Clock clock;

    public Templates(TemplateCatalog shipped, DSLContext dsl, Texts texts, Clock clock) {
        this.shipped = shipped;
        this.repository = new TemplateRepository(dsl);
        this.texts = texts;
        this.clock = clock;
    }

    public List<WorkshopTemplate> shipped() {
        return shipped.all();
    }

    /** The team's templates; one whose file no longer passes the rules (they may grow stricter) is left out. */
    public List<OwnTemplate> own() {
        return repository.all().stream().map(this::read).flatMap(Optional::stream).toList();
    }

    public Optional<WorkshopTemplate> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith(OWN)) {
            return own(key).map(OwnTemplate::template);
        }
        String[] parts = key.split("/", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        return EMPTY.equals(parts[0]) ? empty(parts[1]) : shipped.find(parts[0], parts[1]);
    }

    public Optional<OwnTemplate> own(String key) {
        try {
            return key.startsWith(OWN) ? repository.find(Long.parseLong(key.substring(OWN.length())))
                    .flatMap(this::read) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "Save as template": the agenda as the workshop has it now, for the whole team. */
    public OwnTemplate save(WorkshopTemplate agenda, Facilitator by) {
        return store(TemplateFile.write(agenda), agenda, by);
    }

    /** An uploaded file becomes a template when the content rules find nothing wrong with it. */
    public TemplateFile.Read upload(String fileName, byte[] bytes, Facilitator by) {
        TemplateFile.Read read = TemplateFile.read(fileName, bytes);
        read.template().ifPresent(t -> store(new String(bytes, StandardCharsets.UTF_8), t, by));
        return read;
    }

    /** Only its author deletes a template: the rest of the team may be about to use it. */
    public void delete(long id, Facilitator by) {
        TemplateRepository.Stored stored = repository.find(id).orElseThrow(() -> new WorkshopRefusal("unknown_id"));
        if (stored.createdById() == null || stored.createdById() != by.id()) {
            throw new WorkshopRefusal("template_not_yours");
        }
        repository.delete(id);
    }

    private OwnTemplate store(String file, WorkshopTemplate t, Facilitator by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repository.insert(t.language(), t.title(), file, by.id(), now);
        return new OwnTemplate(id, t, by.id(), by.name(), now);
    }

    private Optional<OwnTemplate> read(TemplateRepository.Stored s) {
        TemplateFile.Read read = TemplateFile.read("own-template-" + s.id(), s.content().getBytes(StandardCharsets.UTF_8));
        if (read.template().isEmpty()) {
            LOG.warn("own template {} no longer passes the content rules: {}", s.id(), read.problems().get(0).render());
        }
        return read.template().map(t -> new OwnTemplate(s.id(), t, s.createdById(), s.createdBy(), s.createdAt()));
    }

    /** An agenda to write from nothing: one opening slide, since a workshop always has a step to be on. */
    private Optional<WorkshopTemplate> empty(String language) {
        if (!Texts.supports(language)) {
            return Optional.empty();
        }
        Locale locale = Texts.locale(language);
        StepSpec opening = new StepSpec("welcome", StepKind.SLIDE, texts.get(locale, "list.empty_first_slide"),
                null, null, 120, null);
        return Optional.of(new WorkshopTemplate(EMPTY, language, "", "", List.of(opening)));
    }
}
