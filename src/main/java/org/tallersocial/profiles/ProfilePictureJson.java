package org.tallersocial.profiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The room's picture as the projector and console receive it (see docs/protocol.md); a hidden count is null. */
public final class ProfilePictureJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProfilePictureJson() {
    }

    public static ObjectNode of(ProfileSummary s) {
        ObjectNode out = JSON.objectNode().put("kind", "profiles").put("respondents", s.respondents())
                .put("threshold", s.threshold());
        ArrayNode networks = out.putArray("networks");
        for (ProfileSummary.NetworkRow row : s.networks()) {
            ObjectNode n = networks.addObject().put("network", row.network()).put("answered", row.answered());
            counts(n.putArray("presence"), row.presence());
            counts(n.putArray("ladder"), row.ladder());
        }
        ranked(out.putArray("obstacles"), s.obstacles());
        ranked(out.putArray("helps"), s.helps());
        ObjectNode cross = out.putObject("cross");
        s.cross().obstacles().forEach(cross.putArray("obstacles")::add);
        s.cross().helps().forEach(cross.putArray("helps")::add);
        ArrayNode cells = cross.putArray("cells");
        for (Integer[] row : s.cross().cells()) {
            counts(cells.addArray(), row);
        }
        ObjectNode ambassadors = out.putObject("ambassadors");
        s.ambassadors().forEach((network, names) -> {
            ArrayNode list = ambassadors.putArray(network);
            names.forEach(list::add);
        });
        return out;
    }

    private static void ranked(ArrayNode out, java.util.List<ProfileSummary.Count> counts) {
        for (ProfileSummary.Count c : counts) {
            ObjectNode item = out.addObject().put("key", c.key());
            if (c.count() == null) {
                item.putNull("count");
            } else {
                item.put("count", c.count());
            }
        }
    }

    private static void counts(ArrayNode out, Integer[] counts) {
        for (Integer c : counts) {
            if (c == null) {
                out.addNull();
            } else {
                out.add(c);
            }
        }
    }
}
