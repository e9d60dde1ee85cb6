package org.tallersocial.raci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;

/** The console settles the matrix: from the room's majority, cell by cell, with history, undo and checks. */
class RaciSettlingTest {

    private TestServer server;
    private RaciRoom raci;
    private long owner;
    private long cm;
    private long everyone;
    private long publish;
    private long answer;
    private long measure;

    @BeforeEach
    void start() {
        server = TestServer.start();
        raci = RaciRoom.start(server);
        owner = raci.role("Owner");
        cm = raci.role("Community manager");
        everyone = raci.role("Every employee");
        publish = raci.activity("Publish content");
        answer = raci.activity("Answer customers");
        measure = raci.activity("Measure results");
    }

    @AfterEach
    void stop() {
        raci.close();
        server.close();
    }

    @Test
    void the_console_starts_from_the_rooms_majority_in_one_click() {
        Phone ana = raci.room.join("Ana");
        Phone ben = raci.room.join("Ben");
        Phone cris = raci.room.join("Cris");
        raci.openAll();
        RaciRoom.propose(ana, raci.step, publish, owner, List.of(cm), 1);
        RaciRoom.propose(ben, raci.step, publish, owner, List.of(cm, everyone), 1);
        RaciRoom.propose(cris, raci.step, publish, cm, List.of(cm), 1);
        RaciRoom.propose(ana, raci.step, answer, owner, List.of(cm), 2);
        RaciRoom.propose(ben, raci.step, answer, cm, List.of(everyone), 2);
        raci.ok(raci.cell("Measure results", "Every employee", "I", 0));

        raci.ok(raci.raci("majority"));

        JsonNode p = raci.consolePicture(pic -> pic.path("historyCount").asInt() > 1);
        assertThat(letter(p, publish, owner)).isEqualTo("A");
        assertThat(letter(p, publish, cm)).as("all three named the community manager as R").isEqualTo("R");
        assertThat(letter(p, publish, everyone)).as("one of three is not a majority").isNull();
        assertThat(letter(p, answer, owner)).as("a tie for A is left to the facilitator").isNull();
        assertThat(letter(p, answer, cm)).isEqualTo("R");
        assertThat(letter(p, answer, everyone)).isEqualTo("R");
        assertThat(letter(p, measure, everyone)).as("C and I stay: the room does not propose them").isEqualTo("I");
        assertThat(p.path("history").get(0).path("kind").asText()).isEqualTo("majority");
        assertThat(p.path("history").get(0).path("by").asText()).isEqualTo("Marta Facilitadora");
        assertThat(p.path("checks").findValuesAsText("code")).contains(RaciChecks.NO_ACCOUNTABLE);
    }

    @Test
    void every_change_is_kept_with_who_and_when_and_an_accidental_one_is_undone() {
        raci.ok(raci.cell("Publish content", "Owner", "A", 0));
        raci.ok(raci.cell("Publish content", "Owner", "r", 1));
        JsonNode p = raci.consolePicture(pic -> pic.path("historyCount").asInt() == 2);
        JsonNode newest = p.path("history").get(0);
        assertThat(newest.path("from").asText()).isEqualTo("A");
        assertThat(newest.path("to").asText()).as("letters are taken in either case").isEqualTo("R");
        assertThat(newest.path("by").asText()).isEqualTo("Marta Facilitadora");
        assertThat(newest.path("at").asLong()).isPositive();

        raci.ok(raci.raci("undo", "change", newest.path("id").asText()));

        JsonNode after = raci.consolePicture(pic -> pic.path("historyCount").asInt() == 3);
        assertThat(letter(after, publish, owner)).isEqualTo("A");
        assertThat(after.path("history").get(0).path("kind").asText()).isEqualTo("undo");
        assertThat(after.path("history").get(1).path("undone").asBoolean()).isTrue();
        assertThat(raci.raci("undo", "change", newest.path("id").asText()).status()).as("not twice").isEqualTo(409);
    }

    @Test
    void two_facilitators_editing_one_cell_the_second_sees_the_newer_value_and_decides() {
        Browser owner2 = server.browser();
        owner2.get("/login");
        assertThat(owner2.post("/login", "email", "marta@example.org", "password", Facilitators.PASSWORD).status())
                .isEqualTo(303);
        // Both consoles show the cell empty, at version 0.
        String activity = String.valueOf(publish);
        String role = String.valueOf(owner);

        RaciRoom.Reply first = raci.raci("cells", "activity", activity, "role", role, "letter", "A", "version", "0");
        RaciRoom.Reply second = RaciRoom.post(owner2, raci.room.id, "/steps/" + raci.step + "/raci/cells",
                "activity", activity, "role", role, "letter", "C", "version", "0");

        assertThat(first.ok()).isTrue();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("error").asText()).contains("Marta Facilitadora").contains("A");
        JsonNode newer = second.body().path("conflict");
        assertThat(newer.path("letter").asText()).isEqualTo("A");
        assertThat(newer.path("version").asInt()).isEqualTo(1);
        assertThat(newer.path("by").asText()).isEqualTo("Marta Facilitadora");
        JsonNode p = raci.consolePicture(pic -> pic.path("historyCount").asInt() == 1);
        assertThat(letter(p, publish, owner)).as("not silently overwritten").isEqualTo("A");

        // Having seen the newer value, the second one decides to change it anyway.
        RaciRoom.Reply decided = RaciRoom.post(owner2, raci.room.id, "/steps/" + raci.step + "/raci/cells",
                "activity", activity, "role", role, "letter", "C", "version", "1");
        assertThat(decided.ok()).isTrue();
        assertThat(letter(raci.consolePicture(pic -> pic.path("historyCount").asInt() == 2), publish, owner)).isEqualTo("C");
    }

    @Test
    void settling_with_failing_checks_needs_settle_anyway_with_a_reason_which_the_exports_show() {
        raci.ok(raci.cell("Publish content", "Owner", "A", 0));
        raci.ok(raci.cell("Publish content", "Community manager", "R", 0));

        RaciRoom.Reply refused = raci.raci("settle");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asText()).contains("checks still fail").contains("settle anyway");
        assertThat(raci.raci("settle", "anyway", "true", "reason", "  ").status()).isEqualTo(409);

        raci.ok(raci.raci("settle", "anyway", "true", "reason", "Measuring waits for the new website"));

        JsonNode p = raci.consolePicture(pic -> pic.path("settlement").path("settled").asBoolean());
        assertThat(p.at("/settlement/reason").asText()).isEqualTo("Measuring waits for the new website");
        assertThat(p.at("/settlement/failing").findValuesAsText("")).isEmpty();
        assertThat(p.at("/settlement/failing").toString()).contains("Measure results: nobody answers for it");
        assertThat(raci.cell("Publish content", "Owner", "R", 1).status()).as("settled: reopen to change").isEqualTo(409);

        Browser.Response csv = raci.facilitator.get("/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFActivity,Owner,Community manager,Every employee\r\n"
                + "Publish content,A,R,\r\n" + "Answer customers,,,\r\n");
        assertThat(csv.body()).contains("Settled anyway by Marta Facilitadora")
                .contains("Measuring waits for the new website").contains("Every employee has no letter anywhere.");
        Browser.Response print = raci.facilitator.get("/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci/print");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.body()).contains("Responsibility matrix: Who does what?").contains("Publish content")
                .contains("Settled with failing checks because: Measuring waits for the new website");

        raci.ok(raci.raci("reopen"));
        raci.consolePicture(pic -> !pic.path("settlement").path("settled").asBoolean());
        raci.ok(raci.cell("Publish content", "Owner", "R", 1));
    }

    @Test
    void a_matrix_that_passes_every_check_settles_in_one_click() {
        for (String a : List.of("Publish content", "Answer customers", "Measure results")) {
            raci.ok(raci.cell(a, "Owner", "A", 0));
            raci.ok(raci.cell(a, "Community manager", "R", 0));
            raci.ok(raci.cell(a, "Every employee", "I", 0));
        }
        JsonNode p = raci.consolePicture(pic -> pic.path("historyCount").asInt() == 9);
        assertThat(p.path("checks").findValuesAsText("code")).containsExactly(RaciChecks.TOO_MANY_A);

        raci.ok(raci.cell("Measure results", "Owner", "C", 1));
        raci.ok(raci.cell("Measure results", "Community manager", "A", 1));
        raci.ok(raci.cell("Measure results", "Every employee", "R", 1));
        assertThat(raci.consolePicture(pic -> pic.path("historyCount").asInt() == 12).path("checks").size()).isZero();
        raci.ok(raci.raci("settle"));

        JsonNode settled = raci.consolePicture(pic -> pic.path("settlement").path("settled").asBoolean());
        assertThat(settled.at("/settlement/reason").isNull()).isTrue();
        String csv = raci.facilitator.get("/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci.csv").body();
        assertThat(csv).contains("Settled by Marta Facilitadora").doesNotContain("anyway");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void the_facilitator_adapts_roles_and_activities_and_a_rename_keeps_the_proposals() {
        Phone ana = raci.room.join("Ana");
        raci.openAll();
        RaciRoom.propose(ana, raci.step, publish, owner, List.of(cm), 1);

        raci.ok(raci.raci("roles/" + owner, "action", "rename", "name", "Owner (Ruiz)"));
        raci.ok(raci.raci("roles", "name", "Bakers"));
        raci.ok(raci.raci("activities", "name", "=Photograph the cakes"));
        raci.ok(raci.raci("activities/" + measure, "action", "up"));
        raci.ok(raci.raci("roles/" + everyone, "action", "remove"));

        JsonNode p = raci.consolePicture(pic -> pic.path("roles").size() == 3 && pic.toString().contains("Bakers"));
        assertThat(p.path("roles").findValuesAsText("name")).containsExactly("Owner (Ruiz)", "Community manager", "Bakers");
        assertThat(p.path("activities").findValuesAsText("name"))
                .containsExactly("Publish content", "Measure results", "Answer customers", "=Photograph the cakes");
        assertThat(RaciRoomTest.row(p, publish).path("a").path(String.valueOf(owner)).asInt())
                .as("the renamed role keeps its proposal").isEqualTo(1);
        assertThat(raci.raci("roles/" + owner, "action", "remove").body().path("error").asText())
                .isEqualTo("Proposals or the matrix already use Owner (Ruiz): it stays. Rename it instead.");
        raci.console.send("{\"type\":\"hello\"}");
        JsonNode spec = raci.console.await(m -> "state".equals(m.path("type").asText())
                && m.at("/step/exercise/roles").size() == 3 && m.at("/step/exercise/roles/2").asText().equals("Bakers"),
                java.time.Duration.ofSeconds(10)).at("/step/exercise");
        assertThat(spec.path("roles").get(0).asText()).as("the step's own copy follows").isEqualTo("Owner (Ruiz)");
        String csv = raci.facilitator.get("/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci.csv").body();
        assertThat(csv).as("a name never becomes a formula").contains("'=Photograph the cakes");
    }

    private static String letter(JsonNode picture, long activity, long role) {
        JsonNode l = RaciRoom.cellOf(picture, activity, role).path("letter");
        return l.isNull() || l.isMissingNode() ? null : l.asText();
    }
}
