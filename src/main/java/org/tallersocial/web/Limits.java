package org.tallersocial.web;

import java.time.Clock;

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
    private final RateLimit logins;

    public Limits(boolean perAddress) {
        this(perAddress, Clock.systemUTC());
    }

    /** @param clock the server's, which the logins' lock-outs also run on */
    public Limits(boolean perAddress, Clock clock) {
        this.perAddress = perAddress;
        // A right password gives its token back, so this counts wrong ones: a whole office
        // mistyping never meets it, a script trying passwords across emails does.
        this.logins = new RateLimit(20, 1.0 / 20, () -> clock.millis() * 1_000_000L);
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

    /** A login from this address in a browser that no account trusts; takes a token whatever its outcome. */
    public boolean mayTryLogin(String address) {
        return !perAddress || logins.allow(address);
    }

    /** The password was right: the try costs the address nothing. */
    public void loggedIn(String address) {
        if (perAddress) {
            logins.giveBack(address);
        }
    }

    /** One message from a phone's socket: its participant's pace, then its address's. */
    public boolean mayReceive(long participantId, String address) {
        return phoneMessages.allow(Long.toString(participantId)) && (!perAddress || addressMessages.allow(address));
    }
}
