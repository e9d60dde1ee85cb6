package org.tallersocial.questions;

/** A workshop's choices: whether questions wait for approval, and whether the projector shows the top ones. */
public record QuestionSettings(boolean needsApproval, boolean onScreen) {

    static final QuestionSettings DEFAULT = new QuestionSettings(false, false);
}
