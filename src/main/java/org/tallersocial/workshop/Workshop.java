package org.tallersocial.workshop;

import java.time.OffsetDateTime;

/**
 * @param stepStartedAt when the room arrived at the current step (null before going live),
 *                      for the console's clock against the planned duration
 * @param rehearsal     a run before the real session, to be reset to a fresh draft afterwards
 * @param joinKey       the secret the QR code and the projector's address carry beside the code ({@code CodeLookup})
 * @param catchUpUntil  a closed workshop takes answers from those who join later until then (null: no window)
 * @param catchUpKey    the secret of the catch-up link, its own so that the day's QR code opens nothing later
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
        String joinKey,
        OffsetDateTime catchUpUntil,
        String catchUpKey) {

    public boolean isLive() {
        return state == WorkshopState.LIVE;
    }

    public boolean isOpen() {
        return state != WorkshopState.CLOSED;
    }

    /**
     * Whether late answers are taken at this moment: closed, with a window that has not ended. The server's
     * clock decides, at each message, so the window closes by itself with no one to close it.
     */
    public boolean takesLateAnswers(java.time.Instant now) {
        return state == WorkshopState.CLOSED && catchUpUntil != null && now.isBefore(catchUpUntil.toInstant());
    }

    /** A window opened, moved, or ended (until null keeps the key, so a link sent stays the link). */
    public Workshop withCatchUp(OffsetDateTime until, String key) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, rehearsal, joinKey, until, key);
    }

    public Workshop atStep(int position, OffsetDateTime at) {
        return new Workshop(id, code, title, company, templateId, language, state, position, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, at, rehearsal, joinKey, catchUpUntil, catchUpKey);
    }

    public Workshop withJoiningLocked(boolean locked) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, locked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, rehearsal, joinKey, catchUpUntil, catchUpKey);
    }

    public Workshop withNames(String newTitle, String newCompany) {
        return new Workshop(id, code, newTitle, newCompany, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, rehearsal, joinKey, catchUpUntil, catchUpKey);
    }

    /** Going live starts the clock of the first step; closing stops nothing but records when. */
    public Workshop withState(WorkshopState newState, OffsetDateTime at) {
        boolean firstStart = newState == WorkshopState.LIVE && startedAt == null;
        return new Workshop(id, code, title, company, templateId, language, newState, currentStep, joiningLocked,
                ownerId, createdAt,
                firstStart ? at : startedAt,
                newState == WorkshopState.CLOSED ? at : closedAt,
                firstStart ? at : stepStartedAt, rehearsal, joinKey, catchUpUntil, catchUpKey);
    }

    /** Going live as a rehearsal, or not. */
    public Workshop asRehearsal(boolean value) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt, stepStartedAt, value, joinKey, catchUpUntil, catchUpKey);
    }

    /** After a rehearsal: a draft as on the day it was made, with its names and agenda. */
    public Workshop fresh() {
        return new Workshop(id, code, title, company, templateId, language, WorkshopState.DRAFT, 0, false,
                ownerId, createdAt, null, null, null, false, joinKey, null, null);
    }
}
