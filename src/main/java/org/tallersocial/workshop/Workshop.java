package org.tallersocial.workshop;

import java.time.OffsetDateTime;

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
        OffsetDateTime closedAt) {

    public boolean isLive() {
        return state == WorkshopState.LIVE;
    }

    public boolean isOpen() {
        return state != WorkshopState.CLOSED;
    }

    public Workshop withCurrentStep(int position) {
        return new Workshop(id, code, title, company, templateId, language, state, position, joiningLocked,
                ownerId, createdAt, startedAt, closedAt);
    }

    public Workshop withJoiningLocked(boolean locked) {
        return new Workshop(id, code, title, company, templateId, language, state, currentStep, locked,
                ownerId, createdAt, startedAt, closedAt);
    }

    public Workshop withNames(String newTitle, String newCompany) {
        return new Workshop(id, code, newTitle, newCompany, templateId, language, state, currentStep, joiningLocked,
                ownerId, createdAt, startedAt, closedAt);
    }

    public Workshop withState(WorkshopState newState, OffsetDateTime at) {
        return new Workshop(id, code, title, company, templateId, language, newState, currentStep, joiningLocked,
                ownerId, createdAt,
                newState == WorkshopState.LIVE && startedAt == null ? at : startedAt,
                newState == WorkshopState.CLOSED ? at : closedAt);
    }
}
