package org.tallersocial.questions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.tallersocial.live.Refused;
import org.tallersocial.web.Words;
import org.tallersocial.web.TypedText;

/** What people type on phones for the conversation (questions, ideas): read, tidied, limited. */
public final class PhoneText {

    private PhoneText() {
    }

    /** The text of a message field, tidied, from 1 to {@code max} characters; anything else is refused. */
    public static String read(JsonNode message, String field, int max) {
        JsonNode node = message.get(field);
        if (node == null || !node.isTextual()) {
            throw new Refused("invalid_message", "conversation.no_text");
        }
        String text = TypedText.line(node.asText());
        if (text.isEmpty()) {
            throw new Refused("invalid_answer", "conversation.no_text");
        }
        if (TypedText.tooLong(text, max)) {
            throw new Refused("too_long", "conversation.too_long", max);
        }
        return text;
    }

    /** Case, accents and spacing aside, the same words: a duplicate. */
    public static String sameness(String text) {
        return Words.normalise(text).replaceAll("[\\p{Punct}¿¡]+$", "").strip();
    }

    /** Refuses a phone that already sent {@code perMinute} texts in the last minute. */
    public static void checkPace(Collection<OffsetDateTime> earlier, OffsetDateTime now, int perMinute) {
        OffsetDateTime since = now.minus(Duration.ofMinutes(1));
        long recent = earlier.stream().filter(t -> t.isAfter(since)).count();
        if (recent >= perMinute) {
            throw new Refused("too_fast", "conversation.too_fast", perMinute);
        }
    }

    /** Whether the message asks for a yes (true) or a no (false); anything else is refused. */
    public static boolean flag(JsonNode message, String field) {
        JsonNode node = message.get(field);
        if (node == null || !node.isBoolean()) {
            throw new Refused("invalid_message", "conversation.no_flag", field);
        }
        return node.asBoolean();
    }

    /** The id of the item a message is about. */
    public static long id(JsonNode message, String field) {
        JsonNode node = message.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new Refused("invalid_message", "conversation.no_item", field);
        }
        return node.asLong();
    }
}
