package org.tallersocial.live;

/**
 * How the pipeline words the refusals it makes for a feature, as text keys under `error.`: a feature's
 * phones read "the ideas are closed", not "the poll is closed".
 *
 * @param notThisStepCode the error code when the step is of another kind (`wrong_step`; polls say `not_a_poll`)
 */
public record Refusals(String phonesOnly, String notThisStepCode, String notThisStep, String notOpenYet,
                       String closed) {
}
