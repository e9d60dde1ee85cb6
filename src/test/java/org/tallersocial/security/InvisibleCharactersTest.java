package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.TypedTexts.INVISIBLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.ProfileAnswers;
import org.tallersocial.testing.Stored;
import org.tallersocial.testing.TestServer;

/**
 * A name or a title typed with what nobody sees (a right-to-left override that turns "Ana" around on
 * the projector, zero-width spaces that make two names look one, NUL) is stored and shown without
 * it; one made only of it is an empty name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvisibleCharactersTest {

    private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})");

    private TestServer server;
    private Browser marta;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.TEST_CONTENT);
        marta = Facilitators.first(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** "Ana" with every invisible character between its letters. */
    private static String hidden(String name) {
        return name.charAt(0) + INVISIBLE + name.substring(1, 2) + INVISIBLE + name.substring(2) + INVISIBLE;
    }

    @Test
    void a_display_name_keeps_only_what_shows_and_an_invisible_one_joins_without_a_name() {
        try (LiveRoom room = LiveRoom.live(server, marta)) {
            LiveRoom.Phone eva = room.join(hidden("Eva"));
            JsonNode state = eva.ws.await("state");
            assertThat(state.toString()).contains("\"Eva\"").doesNotContain("\\u202E", "\\u0000", "\u202E");
            assertThat(Stored.values(server, "participant", "display_name")).contains("Eva");
            room.join(INVISIBLE);
            assertThat(Stored.values(server, "participant", "display_name")).as("no name, not an empty one")
                    .containsNull().noneMatch(v -> v != null && v.isEmpty());
        }
    }

    @Test
    void a_workshop_title_and_company_keep_only_what_shows_and_invisible_ones_are_empty() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "poll-kinds/en", hidden("Kick-off"), hidden("Ruiz"))) {
            assertThat(Stored.values(server, "workshop", "title")).contains("Kick-off");
            assertThat(Stored.values(server, "workshop", "company")).contains("Ruiz");
            assertThat(marta.get("/facilitate/" + room.id).body()).contains("Kick-off").doesNotContain("\u202E");
        }
        Browser.Response empty = marta.post("/facilitate/workshops", "title", INVISIBLE, "company", "Ruiz",
                "template", "poll-kinds/en");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(Stored.values(server, "workshop", "title")).doesNotContain("");
    }

    @Test
    void a_facilitators_name_and_an_invitations_note_keep_only_what_shows() {
        Browser.Response invited = marta.post("/facilitate/team/invitations", "note", hidden("For Luis"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(Stored.values(server, "invitation", "note")).contains("For Luis");
        Matcher link = INVITE.matcher(invited.body());
        assertThat(link.find()).isTrue();
        Browser luis = server.browser();
        luis.get(link.group());
        assertThat(luis.post(link.group(), "name", INVISIBLE, "email", "luis@example.org",
                "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD).status()).isEqualTo(422);
        assertThat(luis.post(link.group(), "name", hidden("Luis"), "email", "luis@example.org",
                "password", Facilitators.PASSWORD, "confirm", Facilitators.PASSWORD).status()).isEqualTo(303);
        assertThat(Stored.values(server, "facilitator", "name")).contains("Luis");
    }

    @Test
    void raci_names_networks_and_an_ambassador_keep_only_what_shows() {
        try (LiveRoom room = LiveRoom.draft(server, marta, "conversation/en")) {
            room.act("/live");
            room.goTo(1);
            long step = room.console().awaitStep(1).at("/step/id").asLong();
            String raci = "/steps/" + step + "/raci/";
            room.act(raci + "roles", "name", hidden("Baker"));
            room.act(raci + "activities", "name", hidden("Bake bread"));
            assertThat(room.actRaw(raci + "roles", "name", INVISIBLE).body()).contains("Give a name.");
            assertThat(Stored.values(server, "raci_role", "name")).contains("Baker").doesNotContain("");
            assertThat(Stored.values(server, "raci_activity", "name")).contains("Bake bread");
        }
        try (LiveRoom room = LiveRoom.draft(server, marta, "profiles/en")) {
            room.act("/live");
            LiveRoom.Phone phone = room.join("Ana");
            room.goTo(1);
            long step = phone.ws.awaitStep(1).at("/step/id").asLong();
            room.act("/steps/" + step + "/networks", "networks", hidden("Blog") + "\n" + INVISIBLE + "\nLinkedIn");
            ObjectNode answer = ProfileAnswers.answer("yes", 3, List.of(), List.of());
            answer.put("ambassador", true).put("ambassadorName", hidden("Pia"));
            assertThat(ProfileAnswers.send(phone.ws, step, "Blog", answer).path("type").asText()).isEqualTo("ack");
            assertThat(Stored.values(server, "profile_answer", "network")).contains("Blog");
            assertThat(Stored.values(server, "profile_answer", "ambassador_name")).contains("Pia");
            assertThat(room.facilitator.get("/facilitate/" + room.id).body()).doesNotContain("\u202E");
        }
    }

    @Test
    void a_review_links_reader_and_a_templates_title_keep_only_what_shows() {
        try (LiveRoom room = LiveRoom.live(server, marta)) {
            assertThat(room.actRaw("/review-links", "reader", hidden("Owner"), "days", "").status()).isEqualTo(200);
            assertThat(Stored.values(server, "review_link", "reader")).contains("Owner");
            assertThat(room.actRaw("/review-links", "reader", INVISIBLE, "days", "").status()).isEqualTo(400);
        }
        String file = marta.get("/facilitate/templates/file?template=poll-kinds/en").body();
        String escaped = "\\u202E\\u200B\\u2066\\u2067\\u2068\\u2069\\uFEFF\\0";
        String yaml = file.replaceFirst("(?m)^title: .*$",
                Matcher.quoteReplacement("title: \"Bak" + escaped + "ery" + escaped + "\""));
        assertThat(marta.postFile("/facilitate/templates", "file", "bakery.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(303);
        assertThat(Stored.values(server, "own_template", "title")).contains("Bakery");
    }
}
