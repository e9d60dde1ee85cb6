package org.tallersocial.live;

/**
 * Where a socket's messages go: a WebSocket, a phone's event stream (the
 * fallback when a proxy strips the upgrade), or the reply to one HTTP post.
 * The hub and the message handlers see only {@link Socket}, whatever carries it.
 */
interface Outbound {

    boolean isOpen();

    /** Sends without blocking the caller; runs {@code done} once the message is written or lost. */
    void send(Text message, Runnable done);

    /** Ends the connection; the code is a WebSocket close code (1012 restarting, 1013 too far behind). */
    void close(int code, String reason);

    /** Whether this is the fallback transport, which the console counts. */
    default boolean isFallback() {
        return false;
    }
}
