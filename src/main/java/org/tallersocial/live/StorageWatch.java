package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the database took the last write, as the replies to the phones tell it: every store
 * that fails answers `not_saved`, and the next new answer acknowledged proves writes work again.
 * The facilitator must hear of it at once, not from a log read after the workshop.
 */
final class StorageWatch {

    private volatile long failingSince;
    private final AtomicBoolean changed = new AtomicBoolean();

    void noteReply(ObjectNode reply, long now) {
        String type = reply.path("type").asText("");
        if (type.equals("error") && reply.path("code").asText("").equals("not_saved")) {
            if (failingSince == 0) {
                failingSince = now;
                changed.set(true);
            }
        } else if (type.equals("ack") && !reply.path("duplicate").asBoolean(false) && failingSince != 0) {
            failingSince = 0;
            changed.set(true);
        }
    }

    boolean takeChanged() {
        return changed.getAndSet(false);
    }

    ObjectNode status() {
        ObjectNode status = JsonNodeFactory.instance.objectNode().put("ok", failingSince == 0);
        if (failingSince != 0) {
            status.put("failingSince", failingSince);
        }
        return status;
    }
}
