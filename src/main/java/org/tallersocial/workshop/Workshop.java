package org.tallersocial.workshop;

import java.time.OffsetDateTime;

/**
 * @param stepStartedAt when the room arrived at the current step (null before going live),
 *                      for the console's clock against the planned duration
 * @param rehearsal     a run before the real session, to be reset to a fresh draft afterwards
 * @param joinKey       the secret the QR code and the projector's address carry beside the code ({@code CodeLookup})
 */
public record Workshop(
        long id,
        String code,
        String title,
        String company,
        String templateId,
        String language,
        WorkshopState state,
        int currentStep,
        boolean joiningLocked,
        long ownerId,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime closedAt,
        OffsetDateTime stepStartedAt,
        boolean rehearsal,
        String joinKey) {

    public boolean isLive() {
        return state == WorkshopState.LIVE;
    }

    public boolean isOpen() {
        return state != WorkshopState.CLOSED;
    }

    public Workshop atStep(int position, OffsetDateTime at) {
        return new Workshop(id, code, title, company, templateId, language, state, position, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, at, rehearsal, joinKey);
    }

    public Workshop withJoiningLocked(boolean locked) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, locked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, rehearsal, joinKey);
    }

    public Workshop withNames(String newTitle, String newCompany) {
        return new Workshop(id, code, newTitle, newCompany, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, rehearsal, joinKey);
    }

    /** Going live starts the clock of the first step; closing stops nothing but records when. */
    public Workshop withState(WorkshopState newState, OffsetDateTime at) {
        boolean firstStart = newState == WorkshopState.LIVE && startedAt == null;
        return new Workshop(id, code, title, company, templateId, language, newState, currentStep, joiningLocked,
                ownerId, createdAt,
                firstStart ? at : startedAt,
                newState == WorkshopState.CLOSED ? at : closedAt,
                firstStart ? at : stepStartedAt, rehearsal, joinKey);
    }

    /** Going live as a rehearsal, or not. */
    public Workshop asRehearsal(boolean value) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, value, joinKey);
    }

    /** After a rehearsal: a draft as on the day it was made, with its names and agenda. */
    public Workshop fresh() {
        return new Workshop(id, code, title, company, templateId, language, WorkshopState.DRAFT, 0, false,
                ownerId, createdAt, null, null, null, false, joinKey);
    }
}
