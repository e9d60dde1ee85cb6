package org.tallersocial.workshop;

import static org.tallersocial.db.generated.Tables.WORKSHOP;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.db.generated.tables.records.WorkshopRecord;
import org.tallersocial.web.Tokens;

public final class WorkshopRepository {

    private final DSLContext dsl;

    public WorkshopRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(DSLContext tx, String code, String title, String company, String templateId,
                       String language, long ownerId, OffsetDateTime now) {
        return tx.insertInto(WORKSHOP)
                .set(WORKSHOP.CODE, code)
                .set(WORKSHOP.TITLE, title)
                .set(WORKSHOP.COMPANY, company)
                .set(WORKSHOP.TEMPLATE_ID, templateId)
                .set(WORKSHOP.LANGUAGE, language)
                .set(WORKSHOP.STATE, WorkshopState.DRAFT.key())
                .set(WORKSHOP.OWNER_ID, ownerId)
                .set(WORKSHOP.CREATED_AT, now)
                .set(WORKSHOP.JOIN_KEY, Tokens.newKey())
                .returning(WORKSHOP.ID)
                .fetchOne()
                .getId();
    }

    public Optional<Workshop> find(long id) {
        return dsl.selectFrom(WORKSHOP).where(WORKSHOP.ID.eq(id)).fetchOptional().map(WorkshopRepository::toWorkshop);
    }

    /** Codes are unique among open workshops only, so a closed one's code may live on in a newer workshop. */
    public Optional<Workshop> findOpenByCode(String code) {
        return dsl.selectFrom(WORKSHOP)
                .where(WORKSHOP.CODE.eq(code)).and(WORKSHOP.STATE.ne(WorkshopState.CLOSED.key()))
                .fetchOptional().map(WorkshopRepository::toWorkshop);
    }

    public Optional<Workshop> findLatestByCode(String code) {
        return dsl.selectFrom(WORKSHOP).where(WORKSHOP.CODE.eq(code))
                .orderBy(WORKSHOP.ID.desc()).limit(1)
                .fetchOptional().map(WorkshopRepository::toWorkshop);
    }

    public boolean openCodeExists(DSLContext tx, String code) {
        return tx.fetchExists(WORKSHOP, WORKSHOP.CODE.eq(code).and(WORKSHOP.STATE.ne(WorkshopState.CLOSED.key())));
    }

    public List<Workshop> listForOwner(long ownerId) {
        return dsl.selectFrom(WORKSHOP).where(WORKSHOP.OWNER_ID.eq(ownerId))
                .orderBy(WORKSHOP.CREATED_AT.desc(), WORKSHOP.ID.desc())
                .fetch(WorkshopRepository::toWorkshop);
    }

    public void update(Workshop w) {
        update(dsl, w);
    }

    /** Inside the caller's transaction. */
    public void update(DSLContext tx, Workshop w) {
        tx.update(WORKSHOP)
                .set(WORKSHOP.TITLE, w.title())
                .set(WORKSHOP.COMPANY, w.company())
                .set(WORKSHOP.STATE, w.state().key())
                .set(WORKSHOP.CURRENT_STEP, w.currentStep())
                .set(WORKSHOP.JOINING_LOCKED, w.joiningLocked())
                .set(WORKSHOP.STARTED_AT, w.startedAt())
                .set(WORKSHOP.CLOSED_AT, w.closedAt())
                .set(WORKSHOP.STEP_STARTED_AT, w.stepStartedAt())
                .set(WORKSHOP.REHEARSAL, w.rehearsal())
                .set(WORKSHOP.CATCH_UP_UNTIL, w.catchUpUntil())
                .set(WORKSHOP.CATCH_UP_KEY, w.catchUpKey())
                .where(WORKSHOP.ID.eq(w.id()))
                .execute();
    }

    private static Workshop toWorkshop(WorkshopRecord r) {
        return new Workshop(r.getId(), r.getCode(), r.getTitle(), r.getCompany(), r.getTemplateId(),
                r.getLanguage(), WorkshopState.fromKey(r.getState()), r.getCurrentStep(), r.getJoiningLocked(),
                r.getOwnerId(), r.getCreatedAt(), r.getStartedAt(), r.getClosedAt(), r.getStepStartedAt(),
                r.getRehearsal(), r.getJoinKey(), r.getCatchUpUntil(), r.getCatchUpKey());
    }

    /** Workshops made before join keys existed get theirs, so that every QR code and projector carries one. */
    public void giveJoinKeys() {
        for (Long id : dsl.select(WORKSHOP.ID).from(WORKSHOP).where(WORKSHOP.JOIN_KEY.isNull()).fetch(WORKSHOP.ID)) {
            dsl.update(WORKSHOP).set(WORKSHOP.JOIN_KEY, Tokens.newKey()).where(WORKSHOP.ID.eq(id)).execute();
        }
    }

    public void delete(long id) {
        dsl.deleteFrom(WORKSHOP).where(WORKSHOP.ID.eq(id)).execute();
    }
}
