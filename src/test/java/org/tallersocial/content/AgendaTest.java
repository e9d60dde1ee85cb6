package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The editor's agenda is checked by the files' rules, and what the editor is given reads back unchanged. */
class AgendaTest {

    @Test
    void every_shipped_agenda_written_for_the_editor_reads_back_as_the_same_steps() throws ContentException {
        for (WorkshopTemplate t : ShippedContentTest.load().all()) {
            Agenda.Checked back = Agenda.check(Agenda.write(t.steps()));
            assertThat(back.problems()).as(t.id() + "/" + t.language()).isEmpty();
            assertThat(back.steps()).as(t.id() + "/" + t.language()).isEqualTo(t.steps());
        }
    }

    @Test
    void a_bad_value_is_reported_at_its_field_by_the_rules_of_the_content_files() throws ContentException {
        ArrayNode steps = Agenda.write(ShippedContentTest.load().find("social-business", "en").orElseThrow().steps());
        ObjectNode poll = (ObjectNode) steps.get(1);
        poll.putArray("options").add("Only one");
        ((ObjectNode) steps.get(0)).put("duration", "90 minutes");

        Agenda.Checked checked = Agenda.check(steps);

        assertThat(checked.ok()).isFalse();
        assertThat(checked.steps()).isEmpty();
        assertThat(checked.problems()).extracting(ContentError::path)
                .contains("steps[0].duration", "steps[1].options");
    }

    @Test
    void durations_are_written_as_a_facilitator_would_type_them() {
        assertThat(Durations.format(180)).isEqualTo("3m");
        assertThat(Durations.format(90)).isEqualTo("1m30s");
        assertThat(Durations.format(45)).isEqualTo("45s");
        for (int s : new int[] {0, 1, 59, 60, 61, 3599, 3600}) {
            assertThat(Durations.parse(Durations.format(s))).isEqualTo(s);
        }
    }
}
