package org.tallersocial.ideas;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the room leaves with: an action, the role responsible for it, a date,
 * and where it stands. Made from an idea ({@code ideaId}) or written on the spot.
 */
public record Commitment(long id, Long ideaId, String action, String role, LocalDate due, Status status,
                         List<Volunteer> volunteers) {

    public enum Status {
        PLANNED, IN_PROGRESS, DONE, DROPPED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static java.util.Optional<Status> of(String key) {
            return java.util.Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
        }

        /** People may still take on a commitment that is not done or dropped. */
        boolean takesVolunteers() {
            return this == PLANNED || this == IN_PROGRESS;
        }
    }

    /** A person who took the commitment on, named on purpose. */
    public record Volunteer(long participantId, String name) {
    }

    Commitment withStatus(Status s) {
        return new Commitment(id, ideaId, action, role, due, s, volunteers);
    }

    Commitment withVolunteers(List<Volunteer> list) {
        return new Commitment(id, ideaId, action, role, due, status, List.copyOf(list));
    }
}
