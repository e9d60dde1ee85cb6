package org.tallersocial.workshop;

/** An anonymous person in one workshop; the display name is optional. */
/**
 * @param nameWaits the name is not on show: the word filter held it, or the facilitator rejected it
 * @param late      joined through the catch-up link after the workshop closed, to answer at their own pace
 */
public record Participant(long id, long workshopId, String displayName, boolean nameWaits, boolean late) {
}
