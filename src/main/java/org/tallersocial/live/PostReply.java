package org.tallersocial.live;

import java.util.concurrent.CompletableFuture;

/**
 * The reply to one message a phone posted on the fallback: the message path
 * answers every message exactly once, and here that answer becomes the body
 * of the HTTP response instead of a frame on a socket.
 */
final class PostReply implements Outbound {

    private final CompletableFuture<String> reply = new CompletableFuture<>();

    CompletableFuture<String> text() {
        return reply;
    }

    @Override
    public boolean isOpen() {
        return !reply.isDone();
    }

    @Override
    public void send(Text message, Runnable done) {
        reply.complete(message.string());
        done.run();
    }

    @Override
    public void close(int code, String reason) {
        reply.complete(null);
    }
}
