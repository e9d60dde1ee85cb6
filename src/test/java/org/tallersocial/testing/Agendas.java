package org.tallersocial.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** The agenda editor's two requests, as its script makes them (docs/protocol.md, "The agenda editor"). */
public final class Agendas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Agendas() {
    }

    /** The agenda as the editor sends it back: its version and steps, without what it was only told. */
    public static ObjectNode editable(Browser facilitator, long workshopId) {
        try {
            ObjectNode agenda = (ObjectNode) JSON.readTree(
                    facilitator.get("/facilitate/" + workshopId + "/agenda.json").body());
            agenda.remove(List.of("state", "current"));
            agenda.get("steps").forEach(s -> ((ObjectNode) s).remove(List.of("begun", "reached")));
            return agenda;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Browser.Response save(Browser facilitator, long workshopId, ObjectNode agenda) {
        return facilitator.postJson("/facilitate/" + workshopId + "/agenda", agenda.toString());
    }
}
