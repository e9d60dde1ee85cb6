package org.tallersocial.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idle browsers of this test JVM, kept for the next test that opens one of the same kind. Launching
 * Chromium costs seconds of the machine's two cores; a wiped one (fresh tab, no cookies, no storage)
 * is as good as new for a test, and the suite opens hundreds.
 */
final class BrowserPool {

    /** Size and text setting are fixed at launch; browsers opened with extra switches are never pooled. */
    record Kind(Chromium.Size size, int textPercent) {
    }

    /** Enough for a test's phone, projector and laptop, without hoarding memory. */
    private static final int MOST_IDLE = 6;
    private static final Map<Kind, Deque<Chromium>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserPool::quitAll, "browser-pool"));
    }

    private BrowserPool() {
    }

    static synchronized Chromium take(Kind kind) {
        Deque<Chromium> idle = IDLE.get(kind);
        return idle == null ? null : idle.pollFirst();
    }

    /** False when the pool will not keep it: it could not be wiped, or the pool is full. */
    static boolean give(Kind kind, Chromium browser) {
        if (full() || !browser.wipe()) {
            return false;
        }
        synchronized (BrowserPool.class) {
            if (full()) {
                return false;
            }
            IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).addFirst(browser);
            return true;
        }
    }

    private static synchronized boolean full() {
        return IDLE.values().stream().mapToInt(Deque::size).sum() >= MOST_IDLE;
    }

    private static void quitAll() {
        List<Chromium> all = new ArrayList<>();
        synchronized (BrowserPool.class) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(Chromium::quit);
    }
}
