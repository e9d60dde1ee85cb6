package org.tallersocial.workshop;

/** A participant's identity lives in a cookie named after its workshop, so it opens only that one. */
public final class ParticipantCookie {

    private ParticipantCookie() {
    }

    public static String name(long workshopId) {
        return "ts_p" + workshopId;
    }
}
