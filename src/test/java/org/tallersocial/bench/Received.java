package org.tallersocial.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the server sent each phone from one moment on: the venue's Wi-Fi carries it, and a phone's
 * share must follow what changed on its own screen, not the size of the room.
 */
final class Received {

    /** How long after the last phone update (twice a second) the count is read, so the last one is in it. */
    static final long SETTLE_MILLIS = 600;

    private final List<Phone> phones;
    private final long[] from;
    private long[] bytes;

    private Received(List<Phone> phones) {
        this.phones = List.copyOf(phones);
        this.from = this.phones.stream().mapToLong(Phone::received).toArray();
    }

    /** Starts counting now. */
    static Received from(List<Phone> phones) {
        return new Received(phones);
    }

    /** Stops counting once the phones' last coalesced update has had time to arrive. */
    Received settle() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        long[] out = new long[phones.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = phones.get(i).received() - from[i];
        }
        Arrays.sort(out);
        bytes = out;
        return this;
    }

    double kbPerPhone(double percentile) {
        if (bytes.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(percentile / 100.0 * bytes.length) - 1;
        return bytes[Math.max(0, Math.min(bytes.length - 1, i))] / 1024.0;
    }

    double totalMb() {
        return Arrays.stream(bytes).sum() / (1024.0 * 1024.0);
    }

    /** The result line's part: {@code phone_kb_p50=.. phone_kb_p99=.. phones_mb=..}. */
    String figures() {
        return String.format(Locale.ROOT, " phone_kb_p50=%.1f phone_kb_p99=%.1f phones_mb=%.1f", kbPerPhone(50),
                kbPerPhone(99), totalMb());
    }

    String describe() {
        return String.format(Locale.ROOT, "received by the phones meanwhile: p50 %.1f KB, p99 %.1f KB a phone,"
                + " %.1f MB in all (UTF-8 text before compression)", kbPerPhone(50), kbPerPhone(99), totalMb());
    }
}
