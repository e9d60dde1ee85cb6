package org.tallersocial.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What one phone and one network address may do, sized so a real room never meets them: a
 * whole company joining over one office router, everyone answering the moment a poll opens.
 * Per-address limits can be switched off for load tests from one machine, or behind a proxy
 * that makes every phone look like one address.
 */
public final class Limits {

    /** Projectors open at once from one address, and opened in a burst (then one a second). */
    public static final int PROJECTORS_PER_ADDRESS = 20;

    private final boolean perAddress;
    private final RateLimit joins;
    private final RateLimit wrongCodes;
    private final RateLimit socketMessages;
    private final RateLimit addressMessages;
    private final RateLimit projectorOpens;
    private final RateLimit logins;
    private final ConcurrentHashMap<String, AtomicInteger> projectorsOpen = new ConcurrentHashMap<>();

    /** @param clock the server's clock, which the logins' lock-outs also run on, and which tests hold still to see
     *     a limit without a race against refills */
    public Limits(boolean perAddress, Clock clock) {
        this.perAddress = perAddress;
        LongSupplier nanos = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        joins = new RateLimit(300, 5, nanos);
        wrongCodes = new RateLimit(30, 0.5, nanos);
        socketMessages = new RateLimit(60, 10, nanos);
        addressMessages = new RateLimit(3_000, 300, nanos);
        projectorOpens = new RateLimit(PROJECTORS_PER_ADDRESS, 1, nanos);
        // A right password gives its token back, so this counts wrong ones: a whole office
        // mistyping never meets it, a script trying passwords across emails does.
        logins = new RateLimit(20, 1.0 / 20, nanos);
    }

    /** A new participant from this address. */
    public boolean mayJoin(String address) {
        return !perAddress || joins.allow(address);
    }

    /**
     * Whether this address may look up a code unvouched: false once it guessed too many wrong ones lately,
     * on any of the routes that reveal a code ({@code live.CodeLookup}).
     */
    public boolean mayTryCode(String address) {
        return !perAddress || !wrongCodes.exhausted(address);
    }

    /** An unknown code: one guess spent of the address's budget. */
    public void wrongCode(String address) {
        if (perAddress) {
            wrongCodes.allow(address);
        }
    }

    /**
     * One message from a live connection: its sender's pace (a phone's participant, whatever tabs they have
     * open; a projector's or console's own socket), then its address's.
     */
    public boolean mayReceive(String sender, String address) {
        return socketMessages.allow(sender) && (!perAddress || address == null || addressMessages.allow(address));
    }

    /**
     * A new projector from this address: a venue has a projector or a few, not dozens, and each one is sent
     * every change of the room, so a script opening them by the hundred would slow the room for everyone.
     */
    public boolean mayOpenProjector(String address) {
        if (!perAddress) {
            return true;
        }
        AtomicInteger open = projectorsOpen.get(address);
        return (open == null || open.get() < PROJECTORS_PER_ADDRESS) && projectorOpens.allow(address);
    }

    public void projectorOpened(String address) {
        if (perAddress) {
            projectorsOpen.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        }
    }

    public void projectorClosed(String address) {
        if (perAddress) {
            projectorsOpen.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
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
}
