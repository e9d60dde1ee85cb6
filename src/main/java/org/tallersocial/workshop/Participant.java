package org.tallersocial.workshop;

/** An anonymous person in one workshop; the display name is optional. */
public record Participant(long id, long workshopId, String displayName) {
}
