package org.tallersocial.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message as it goes to many sockets: written to JSON once, and to UTF-8 once, the first time a
 * socket needs its bytes. A coalesced update for a thousand phones was otherwise encoded a thousand
 * times, most of the ticker's work.
 */
final class Text {

    private final String string;
    private volatile ByteBuffer bytes;

    Text(String string) {
        this.string = string;
    }

    String string() {
        return string;
    }

    /** The UTF-8 bytes, a view of its own for each caller (position and limit are the caller's). */
    ByteBuffer bytes() {
        ByteBuffer b = bytes;
        if (b == null) {
            b = ByteBuffer.wrap(string.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
            bytes = b;
        }
        return b.duplicate();
    }
}
