package org.tallersocial.raci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Every input the matrix refuses gets a clear reason, and nothing of it is stored. */
class RaciRefusalsTest {

    private TestServer server;
    private RaciRoom raci;
    private Phone ana;
    private long owner;
    private long publish;

    @BeforeEach
    void start() {
        server = TestServer.start();
        raci = RaciRoom.start(server);
        ana = raci.room.join("Ana");
        raci.openAll();
        owner = raci.role("Owner");
        publish = raci.activity("Publish content");
    }

    @AfterEach
    void stop() {
        raci.close();
        server.close();
    }

    @Test
    void a_proposal_for_an_unknown_activity_is_refused() {
        JsonNode reply = RaciRoom.propose(ana, raci.step, 999_999, owner, List.of(), 1);

        assertThat(reply.path("code").asText()).isEqualTo("unknown_activity");
        assertThat(reply.path("message").asText()).isEqualTo("That activity is not in this matrix.");
    }

    @Test
    void a_proposal_naming_an_unknown_role_is_refused_and_nothing_is_stored() {
        JsonNode asA = RaciRoom.propose(ana, raci.step, publish, 999_999L, List.of(), 1);
        JsonNode asR = RaciRoom.propose(ana, raci.step, publish, owner, List.of(owner, 999_999L), 2);
        ana.ws.send("{\"type\":\"raci.propose\",\"id\":\"t1\",\"step\":" + raci.step + ",\"seq\":3,\"activity\":"
                + publish + ",\"accountable\":\"Owner\",\"responsible\":[]}");

        assertThat(asA.path("code").asText()).isEqualTo("unknown_role");
        assertThat(asR.path("code").asText()).isEqualTo("unknown_role");
        assertThat(ana.reply("t1").path("code").asText()).as("a role is named by its id").isEqualTo("unknown_role");
        assertThat(RaciRoom.propose(ana, raci.step, publish, owner, List.of(owner, owner), 4).path("code").asText())
                .isEqualTo("invalid_proposal");
        ana.reconnect(server.wsUrl(), raci.room.code);
        assertThat(ana.ws.await("state").at("/mine/proposals").size()).isZero();
    }

    @Test
    void a_role_id_beyond_a_long_does_not_wrap_onto_a_real_role() {
        // 2^64 + id reads as id in JsonNode.asLong(); it must name no role at all.
        String wrapped = java.math.BigInteger.TWO.pow(64).add(java.math.BigInteger.valueOf(owner)).toString();
        ana.ws.send("{\"type\":\"raci.propose\",\"id\":\"w1\",\"step\":" + raci.step + ",\"seq\":1,\"activity\":"
                + publish + ",\"accountable\":" + wrapped + ",\"responsible\":[" + wrapped + "]}");
        assertThat(ana.reply("w1").path("code").asText()).isEqualTo("unknown_role");
        ana.reconnect(server.wsUrl(), raci.room.code);
        assertThat(ana.ws.await("state").at("/mine/proposals").size()).isZero();
    }

    @Test
    void a_letter_that_is_not_R_A_C_or_I_is_refused() {
        for (String letter : List.of("X", "RA", "Z", "1")) {
            RaciRoom.Reply r = raci.cell("Publish content", "Owner", letter, 0);
            assertThat(r.status()).as(letter).isEqualTo(409);
            assertThat(r.body().path("error").asText()).isEqualTo("A cell holds R, A, C, I or nothing.");
        }
        assertThat(raci.raci("cells", "activity", "999999", "role", String.valueOf(owner), "letter", "A", "version", "0")
                .body().path("error").asText()).isEqualTo("That activity is not in this matrix.");
        assertThat(raci.raci("cells", "activity", String.valueOf(publish), "role", "999999", "letter", "A", "version", "0")
                .body().path("error").asText()).isEqualTo("That role is not in this matrix.");
        assertThat(raci.consolePicture().path("cells").size()).isZero();
    }

    @Test
    void a_proposal_after_the_round_closed_is_refused_but_a_retry_of_a_stored_one_is_acknowledged() {
        RaciRoom.propose(ana, raci.step, publish, owner, List.of(owner), 5);
        raci.room.poll(raci.step, "close");

        JsonNode late = RaciRoom.propose(ana, raci.step, publish, owner, List.of(), 6);
        JsonNode retry = RaciRoom.propose(ana, raci.step, publish, owner, List.of(owner), 5);

        assertThat(late.path("code").asText()).isEqualTo("poll_closed");
        assertThat(late.path("message").asText()).isEqualTo("This round is closed: proposals can no longer change.");
        assertThat(retry.path("type").asText()).isEqualTo("ack");
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void a_phone_cannot_drive_the_console() {
        Browser phone = ana.browser;
        String base = "/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci/";
        for (String action : List.of("cells", "settle", "majority", "open", "roles")) {
            Browser.Response r = phone.post(base + action, "activity", String.valueOf(publish), "role",
                    String.valueOf(owner), "letter", "A", "version", "0", "activities", "all", "name", "Intruder");
            assertThat(r.status()).as(action).isEqualTo(401);
        }
        Browser.Response csv = phone.get("/facilitate/" + raci.room.id + "/steps/" + raci.step + "/raci.csv");
        assertThat(csv.status()).as("the export sends a phone to the login page").isEqualTo(302);
        assertThat(csv.location()).get().asString().startsWith("/login");
        assertThat(raci.consolePicture().path("cells").size()).isZero();
        assertThat(raci.consolePicture().path("roles").size()).isEqualTo(3);
    }

    @Test
    void only_phones_make_proposals() {
        WsClient projector = raci.room.projector();
        for (WsClient ws : List.of(raci.console, projector)) {
            ws.send("{\"type\":\"raci.propose\",\"id\":\"c1\",\"step\":" + raci.step + ",\"seq\":1,\"activity\":"
                    + publish + ",\"accountable\":" + owner + ",\"responsible\":[]}");
            JsonNode reply = ws.await(m -> "c1".equals(m.path("id").asText()), java.time.Duration.ofSeconds(10));
            assertThat(reply.path("code").asText()).isEqualTo("not_allowed");
            assertThat(reply.path("message").asText()).isEqualTo("Only phones make proposals.");
        }
    }

    @Test
    void a_proposal_for_another_step_or_without_a_seq_is_refused() {
        assertThat(RaciRoom.propose(ana, raci.step + 1, publish, owner, List.of(), 1).path("code").asText())
                .isEqualTo("wrong_step");
        ana.ws.send("{\"type\":\"raci.propose\",\"id\":\"n1\",\"step\":" + raci.step + ",\"activity\":" + publish + "}");
        assertThat(ana.reply("n1").path("code").asText()).isEqualTo("invalid_message");
        raci.room.goTo(2);
        assertThat(RaciRoom.propose(ana, raci.step, publish, owner, List.of(), 2).path("code").asText())
                .isEqualTo("wrong_step");
    }

    @Test
    void the_layout_refuses_bad_names_and_removing_what_is_in_use() {
        RaciRoom.propose(ana, raci.step, publish, owner, List.of(), 1);

        assertThat(raci.raci("roles", "name", "  ").body().path("error").asText()).isEqualTo("Give a name.");
        assertThat(raci.raci("roles", "name", "owner").body().path("error").asText()).isEqualTo("owner is already in the matrix.");
        assertThat(raci.raci("roles", "name", "x".repeat(41)).body().path("error").asText())
                .isEqualTo("A name can have at most 40 characters.");
        assertThat(raci.raci("activities/" + publish, "action", "remove").body().path("error").asText())
                .isEqualTo("Proposals or the matrix already use Publish content: it stays. Rename it instead.");
        assertThat(raci.raci("roles/" + owner, "action", "explode").status()).isEqualTo(409);
        assertThat(raci.raci("open", "activities", "999999").status()).isEqualTo(409);
        assertThat(raci.post("/steps/1/raci/roles", "name", "Bakers").status()).as("not a RACI step").isEqualTo(404);
        JsonNode p = raci.consolePicture();
        assertThat(p.path("roles").size()).isEqualTo(3);
        assertThat(p.path("activities").size()).isEqualTo(3);
    }
}
