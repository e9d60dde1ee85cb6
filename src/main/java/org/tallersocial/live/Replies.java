package org.tallersocial.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.tallersocial.web.Texts;

/** The two replies a phone's message gets, whatever its kind: an `ack`, or an `error` worded in the phone's language. */
public final class Replies {

    private final Texts texts;

    public Replies(Texts texts) {
        this.texts = texts;
    }

    /** @param fields the feature's part of the ack: what is now stored for the message's slot */
    ObjectNode ack(String id, ObjectNode fields, boolean duplicate) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode().put("type", "ack").put("id", id);
        ack.setAll(fields);
        return ack.put("duplicate", duplicate);
    }

    ObjectNode error(String id, Refused why, Locale locale) {
        ObjectNode err = JsonNodeFactory.instance.objectNode().put("type", "error");
        if (id != null) {
            err.put("id", id);
        }
        return err.put("code", why.code()).put("message", texts.get(locale, why.textKey(), why.args()));
    }
}
