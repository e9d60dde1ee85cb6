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
    private static int idleCount;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserPool::quitAll, "browser-pool"));
    }

    private BrowserPool() {
    }

    static synchronized Chromium take(Kind kind) {
        Deque<Chromium> idle = IDLE.get(kind);
        Chromium browser = idle == null ? null : idle.pollFirst();
        if (browser != null) {
            idleCount--;
        }
        return browser;
    }

    /** False when the pool will not keep it: it could not be wiped, or the pool is full. */
    static boolean give(Kind kind, Chromium browser) {
        synchronized (BrowserPool.class) {
            if (idleCount >= MOST_IDLE) {
                return false;
            }
        }
        if (!browser.wipe()) {
            return false;
        }
        synchronized (BrowserPool.class) {
            if (idleCount >= MOST_IDLE) {
                return false;
            }
            IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).addFirst(browser);
            idleCount++;
            return true;
        }
    }

    private static void quitAll() {
        List<Chromium> all = new ArrayList<>();
        synchronized (BrowserPool.class) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
            idleCount = 0;
        }
        all.forEach(Chromium::quit);
    }
}
