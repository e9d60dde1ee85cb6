package org.tallersocial.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One input a phone sends (a poll's answer, a profile, a proposal, an idea, a vote...) and what
 * became of it: when it was first sent, when its ack came, or the refusal or broken connection
 * that ended it. A resend after {@code busy} or {@code not_saved} keeps the first send's time,
 * as a person waits from their tap, not from the phone's retry.
 */
final class PhoneMessage {

    final Phone phone;
    final String id;
    final ObjectNode body;
    final String text;
    volatile long sentAt;
    volatile long ackAt;
    volatile JsonNode ack;
    /** An {@code error} reply other than busy or not_saved: the server would not take it. */
    volatile String refusal;
    /** The socket broke or the send failed: the phone never heard back. */
    volatile String failure;
    final AtomicInteger resends = new AtomicInteger();
    private volatile Runnable onDone;

    PhoneMessage(Phone phone, ObjectNode body) {
        this.phone = phone;
        this.id = body.path("id").asText();
        this.body = body;
        this.text = body.toString();
    }

    String type() {
        return body.path("type").asText();
    }

    /** Sent (again) from now on, as if for the first time: the retry burst of the poll bench. */
    void start(long now, Runnable whenDone) {
        ackAt = 0;
        ack = null;
        refusal = null;
        failure = null;
        resends.set(0);
        onDone = whenDone;
        sentAt = now;
    }

    boolean finished() {
        return ackAt > 0 || refusal != null || failure != null;
    }

    synchronized void acked(long now, JsonNode reply) {
        if (finished()) {
            return;
        }
        ack = reply;
        ackAt = now;
        done();
    }

    synchronized void refused(String why) {
        if (!finished()) {
            refusal = why;
            done();
        }
    }

    synchronized void failed(String why) {
        if (!finished()) {
            failure = why;
            done();
        }
    }

    double latencyMillis() {
        return (ackAt - sentAt) / 1e6;
    }

    private void done() {
        Runnable r = onDone;
        if (r != null) {
            r.run();
        }
    }
}
