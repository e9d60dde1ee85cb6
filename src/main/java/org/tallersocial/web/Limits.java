package org.tallersocial.web;

/**
 * What one phone and one network address may do, sized so a real room never meets them: a
 * whole company joining over one office router, everyone answering the moment a poll opens.
 * Per-address limits can be switched off for load tests from one machine, or behind a proxy
 * that makes every phone look like one address.
 */
public final class Limits {

    private final boolean perAddress;
    private final RateLimit joins = new RateLimit(300, 5);
    private final RateLimit wrongCodes = new RateLimit(30, 0.5);
    private final RateLimit phoneMessages = new RateLimit(60, 10);
    private final RateLimit addressMessages = new RateLimit(3_000, 300);

    public Limits(boolean perAddress) {
        this.perAddress = perAddress;
    }

    /** A new participant from this address. */
    public boolean mayJoin(String address) {
        return !perAddress || joins.allow(address);
    }

    /** Whether this address may look up a code at all: it guessed too many wrong ones lately. */
    public boolean mayTryCode(String address) {
        return !perAddress || !wrongCodes.exhausted(address);
    }

    public void wrongCode(String address) {
        if (perAddress) {
            wrongCodes.allow(address);
        }
    }

    /** One message from a phone's socket: its participant's pace, then its address's. */
    public boolean mayReceive(long participantId, String address) {
        return phoneMessages.allow(Long.toString(participantId)) && (!perAddress || addressMessages.allow(address));
    }
}
