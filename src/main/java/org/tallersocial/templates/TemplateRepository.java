package org.tallersocial.templates;

import static org.tallersocial.db.generated.Tables.FACILITATOR;
import static org.tallersocial.db.generated.Tables.OWN_TEMPLATE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Own templates as their files in the content format, with who made them. */
final class TemplateRepository {

    /** A row as stored: its file is read (and checked) by {@link Templates}. */
    record Stored(long id, String content, Long createdById, String createdBy, OffsetDateTime createdAt) {
    }

    private final DSLContext dsl;

    TemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String language, String title, String content, long by, OffsetDateTime now) {
        return dsl.insertInto(OWN_TEMPLATE)
                .set(OWN_TEMPLATE.LANGUAGE, language)
                .set(OWN_TEMPLATE.TITLE, title)
                .set(OWN_TEMPLATE.CONTENT, content)
                .set(OWN_TEMPLATE.CREATED_BY, by)
                .set(OWN_TEMPLATE.CREATED_AT, now)
                .returning(OWN_TEMPLATE.ID).fetchOne().getId();
    }

    List<Stored> all() {
        return select().orderBy(OWN_TEMPLATE.TITLE, OWN_TEMPLATE.ID).fetch(TemplateRepository::toStored);
    }

    Optional<Stored> find(long id) {
        return select().where(OWN_TEMPLATE.ID.eq(id)).fetchOptional(TemplateRepository::toStored);
    }

    void delete(long id) {
        dsl.deleteFrom(OWN_TEMPLATE).where(OWN_TEMPLATE.ID.eq(id)).execute();
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(OWN_TEMPLATE.fields()).select(FACILITATOR.NAME).from(OWN_TEMPLATE)
                .leftJoin(FACILITATOR).on(FACILITATOR.ID.eq(OWN_TEMPLATE.CREATED_BY));
    }

    private static Stored toStored(Record r) {
        return new Stored(r.get(OWN_TEMPLATE.ID), r.get(OWN_TEMPLATE.CONTENT), r.get(OWN_TEMPLATE.CREATED_BY),
                r.get(FACILITATOR.NAME), r.get(OWN_TEMPLATE.CREATED_AT));
    }
}
