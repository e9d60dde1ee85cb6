package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.TypedTexts.ofLength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Conversation;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.Stored;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Every limit on what people type counts the characters a person counts, emoji included: a text of
 * exactly the limit in emoji, flags and accents typed apart is taken and stored as typed, one more
 * is refused in so many words and stores nothing. Never an HTTP 500, never `not_saved` with the
 * console's storage alarm (the database's VARCHAR counts UTF-16 units, two for an emoji).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextLengthsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})");
    private static final String NEXT_MONTH = LocalDate.now().plusMonths(1).toString();

    private TestServer server;
    private Browser marta;
    private long profileSeq;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        marta = Facilitators.first(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_display_name_of_forty_emoji_joins_and_one_more_is_refused() {
        try (LiveRoom room = LiveRoom.live(server, marta)) {
            Browser phone = server.browser();
            phone.get("/j/" + room.code);
            Map<String, Long> before = Stored.rowsByTable(server);
            Browser.Response refused = phone.post("/j/" + room.code, "name", ofLength(41));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("A name can have at most 40 characters.");
            assertThat(Stored.rowsByTable(server)).isEqualTo(before);

            assertThat(phone.post("/j/" + room.code, "name", ofLength(40)).status()).isEqualTo(303);
            assertThat(Stored.values(server, "participant", "display_name")).contains(ofLength(40));
        }
    }

    @Test
    void a_workshop_title_and_company_of_two_hundred_emoji_are_kept_and_one_more_is_refused() {
        Map<String, Long> before = Stored.rowsByTable(server);
        Browser.Response refused = marta.post("/facilitate/workshops", "title", ofLength(201),
                "company", "Panadería Ruiz", "template", "poll-kinds/en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The title can have at most 200 characters.");
        refused = marta.post("/facilitate/workshops", "title", "Kick-off", "company", ofLength(201),
                "template", "poll-kinds/en");
        assertThat(refused.body()).contains("The company name can have at most 200 characters.");
        assertThat(Stored.rowsByTable(server)).isEqualTo(before);

        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en", ofLength(200), ofLength(200))) {
            assertThat(Stored.values(server, "workshop", "title")).contains(ofLength(200));
            assertThat(Stored.values(server, "workshop", "company")).contains(ofLength(200));
            assertThat(room.actRaw("/settings", "title", ofLength(201), "company", "Ruiz").status()).isEqualTo(409);
            room.act("/settings", "title", ofLength(199) + "!", "company", ofLength(200));
            assertThat(Stored.values(server, "workshop", "title")).contains(ofLength(199) + "!");
        }
    }

    @Test
    void questions_ideas_and_volunteers_names_at_their_limit_are_stored_and_one_more_is_too_long() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "conversation/en")) {
            room.act("/live");
            WsClient console = room.console();
            LiveRoom.Phone phone = room.join("");
            phoneLimit(console, phone.ws, 280, n -> Conversation.question(ofLength(n), true), "question", "body");

            room.goTo(2);
            long ideas = phone.ws.awaitStep(2).at("/step/id").asLong();
            phoneLimit(console, phone.ws, 140, n -> Conversation.idea(ideas, ofLength(n)), "idea", "body");

            room.goTo(3);
            long commitments = phone.ws.awaitStep(3).at("/step/id").asLong();
            Map<String, Long> before = Stored.rowsByTable(server);
            assertThat(room.actRaw("/commitments", "action", ofLength(201), "role", "Owner", "due", NEXT_MONTH)
                    .body()).contains("The action can have at most 200 characters.");
            assertThat(room.actRaw("/commitments", "action", "Post weekly", "role", ofLength(81), "due", NEXT_MONTH)
                    .body()).contains("The role can have at most 80 characters.");
            assertThat(Stored.rowsByTable(server)).isEqualTo(before);
            room.act("/commitments", "action", ofLength(200), "role", ofLength(80), "due", NEXT_MONTH);
            assertThat(Stored.values(server, "commitment", "action")).contains(ofLength(200));
            assertThat(Stored.values(server, "commitment", "responsible_role")).contains(ofLength(80));
            long commitment = Conversation.pictureWith(console, p -> p.path("commitments").size() == 1)
                    .at("/commitments/0/id").asLong();
            phoneLimit(console, phone.ws, 40, n -> Conversation.volunteer(commitments, commitment, true, ofLength(n)),
                    "commitment_volunteer", "display_name");
        }
    }

    @Test
    void open_answers_and_words_at_the_polls_limit_are_stored_and_one_more_is_too_long() {
        try (LiveRoom room = LiveRoom.live(server, marta)) {
            WsClient console = room.console();
            LiveRoom.Phone phone = room.join("Ana");
            room.goTo(4);
            long cloud = phone.ws.awaitStep(4).at("/step/id").asLong();
            phoneLimit(console, phone.ws, 20, n -> answer(cloud, JSON.createArrayNode().add(ofLength(n))),
                    "answer", "value_json");
            room.goTo(5);
            long open = phone.ws.awaitStep(5).at("/step/id").asLong();
            phoneLimit(console, phone.ws, 100, n -> answer(open, JSON.valueToTree(ofLength(n))), "answer", "value_json");
        }
    }

    @Test
    void a_profiles_own_words_ambassador_and_network_at_their_limit_are_stored_and_one_more_is_refused() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "profiles/en")) {
            room.act("/live");
            WsClient console = room.console();
            LiveRoom.Phone phone = room.join("Ana");
            room.goTo(1);
            long step = phone.ws.awaitStep(1).at("/step/id").asLong();
            String network = ofLength(40);
            assertThat(room.actRaw("/steps/" + step + "/networks", "networks", "LinkedIn\n" + ofLength(41))
                    .body()).contains("name can have at most 40 characters.");
            room.act("/steps/" + step + "/networks", "networks", "LinkedIn\n" + network);

            phoneLimit(console, phone.ws, 80, n -> {
                ObjectNode a = ProfileAnswers.answer("no", null, List.of("other"), List.of());
                a.put("obstacleOther", ofLength(n));
                return ProfileAnswers.message(step, network, a, ++profileSeq);
            }, "profile_answer", "obstacle_other");
            assertThat(Stored.values(server, "profile_answer", "network")).contains(network);
            phoneLimit(console, phone.ws, 40, n -> {
                ObjectNode a = ProfileAnswers.answer("yes", 3, List.of(), List.of());
                a.put("ambassador", true).put("ambassadorName", ofLength(n));
                return ProfileAnswers.message(step, "LinkedIn", a, ++profileSeq);
            }, "profile_answer", "ambassador_name");
        }
    }

    @Test
    void raci_names_and_a_settling_reason_at_their_limit_are_kept_and_one_more_is_refused() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "conversation/en")) {
            room.act("/live");
            room.goTo(1);
            long step = room.console().awaitStep(1).at("/step/id").asLong();
            String raci = "/steps/" + step + "/raci/";
            Map<String, Long> before = Stored.rowsByTable(server);
            assertThat(room.actRaw(raci + "roles", "name", ofLength(41)).body())
                    .contains("A name can have at most 40 characters.");
            assertThat(room.actRaw(raci + "activities", "name", ofLength(81)).body())
                    .contains("A name can have at most 80 characters.");
            assertThat(room.actRaw(raci + "settle", "anyway", "true", "reason", ofLength(301)).body())
                    .contains("The reason can have at most 300 characters.");
            assertThat(Stored.rowsByTable(server)).isEqualTo(before);

            room.act(raci + "roles", "name", ofLength(40));
            room.act(raci + "activities", "name", ofLength(80));
            room.act(raci + "settle", "anyway", "true", "reason", ofLength(300));
            assertThat(Stored.values(server, "raci_role", "name")).contains(ofLength(40));
            assertThat(Stored.values(server, "raci_activity", "name")).contains(ofLength(80));
            assertThat(Stored.values(server, "raci_settlement", "reason")).contains(ofLength(300));
        }
    }

    @Test
    void an_invitations_note_and_a_facilitators_name_at_their_limit_are_kept_and_one_more_is_refused() {
        Map<String, Long> before = Stored.rowsByTable(server);
        Browser.Response refused = marta.post("/facilitate/team/invitations", "note", ofLength(201));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("The note can be at most 200 characters long.");
        assertThat(Stored.rowsByTable(server)).isEqualTo(before);

        Browser.Response invited = marta.post("/facilitate/team/invitations", "note", ofLength(200));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(Stored.values(server, "invitation", "note")).contains(ofLength(200));
        Matcher link = INVITE.matcher(invited.body());
        assertThat(link.find()).isTrue();
        Browser newcomer = server.browser();
        newcomer.get(link.group());
        before = Stored.rowsByTable(server);
        refused = newcomer.post(link.group(), "name", ofLength(121), "email", "luis@example.org",
                "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Your name can be at most 120 characters long.");
        assertThat(Stored.rowsByTable(server)).isEqualTo(before);
        assertThat(newcomer.post(link.group(), "name", ofLength(120), "email", "luis@example.org",
                "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD).status()).isEqualTo(303);
        assertThat(Stored.values(server, "facilitator", "name")).contains(ofLength(120));
    }

    @Test
    void a_review_links_reader_and_a_templates_title_at_their_limit_are_kept_and_one_more_is_refused() {
        try (LiveRoom room = LiveRoom.live(server, marta)) {
            Map<String, Long> before = Stored.rowsByTable(server);
            Browser.Response refused = room.actRaw("/review-links", "reader", ofLength(81), "days", "");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("At most 80 characters for who the link is for.");
            assertThat(Stored.rowsByTable(server)).isEqualTo(before);
            assertThat(room.actRaw("/review-links", "reader", ofLength(80), "days", "").status()).isEqualTo(200);
            assertThat(Stored.values(server, "review_link", "reader")).contains(ofLength(80));
        }

        String file = marta.get("/facilitate/templates/file?template=poll-kinds/en").body();
        Map<String, Long> before = Stored.rowsByTable(server);
        Browser.Response refused = upload(file, ofLength(121));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is 121 characters long; at most 120 fit");
        assertThat(Stored.rowsByTable(server)).isEqualTo(before);
        assertThat(upload(file, ofLength(120)).status()).isEqualTo(303);
        assertThat(Stored.values(server, "own_template", "title")).contains(ofLength(120));
    }

    /**
     * A phone message one character over its limit is refused as too long and stores nothing; at the
     * limit it is acknowledged and stored as typed; and the console's storage alarm stays down.
     */
    private void phoneLimit(WsClient console, WsClient phone, int limit, IntFunction<ObjectNode> message,
                            String table, String column) {
        Map<String, Long> before = Stored.rowsByTable(server);
        JsonNode refused = Conversation.send(phone, message.apply(limit + 1));
        assertThat(refused.path("code").asText()).as("%s", refused).isEqualTo("too_long");
        assertThat(refused.path("message").asText()).contains(String.valueOf(limit));
        assertThat(Stored.rowsByTable(server)).isEqualTo(before);

        JsonNode taken = Conversation.send(phone, message.apply(limit));
        assertThat(taken.path("type").asText()).as("%s", taken).isEqualTo("ack");
        assertThat(Stored.values(server, table, column)).anyMatch(v -> v != null && v.contains(ofLength(limit)));
        console.forget();
        console.send("{\"type\":\"hello\"}");
        assertThat(console.await("state").at("/storage/ok").asBoolean()).as("no storage alarm").isTrue();
    }

    private static ObjectNode answer(long step, JsonNode value) {
        ObjectNode msg = Conversation.message("answer").put("step", step);
        msg.set("value", value);
        return msg;
    }

    private Browser.Response upload(String file, String title) {
        String yaml = file.replaceFirst("(?m)^title: .*$", Matcher.quoteReplacement("title: \"" + title + "\""));
        return marta.postFile("/facilitate/templates", "file", "titled.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
