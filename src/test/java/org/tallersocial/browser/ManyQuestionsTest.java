package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Phones hold the room's first 50 questions live; the others are a tap away. A person on a 390-px
 * phone finds the 60th question of a room, upvotes it, and the facilitator sees the vote.
 */
class ManyQuestionsTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_phone_finds_and_upvotes_the_sixtieth_question_of_a_room() {
        try (TestServer server = TestServer.start(); Chromium phone = Chromium.phone()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            try (room) {
                // One question each: a person's questions come at a pace the server limits.
                for (int i = 1; i <= 60; i++) {
                    Phone asker = room.join("Person " + i);
                    JsonNode reply = send(asker.ws, question("Question number " + i + " from the room?", true));
                    assertThat(reply.path("type").asText()).as("question %d: %s", i, reply).isEqualTo("ack");
                }
                WsClient console = room.console();
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                phone.find("#ask-toggle").click();
                phone.awaitText("#questions .question-list", "Question number 50 from the room?");
                assertThat(Chromium.text(phone.find("#questions"))).doesNotContain("Question number 51 ");
                phone.awaitText("#questions", "Show more questions (10 more)");
                phone.script("arguments[0].scrollIntoView({block: 'center'});",
                        phone.find("#questions button.more"));
                phone.screenshot("questions-01-phone-first-50");

                InBrowser.click(phone, "#questions button.more:not(.hidden)");
                phone.awaitText("#questions", "Question number 60 from the room?");
                phone.await(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                        "#questions button.more.hidden")).size() == 1);
                upvote(phone, "Question number 60 from the room?", "questions-02-phone-sixtieth-upvoted");

                JsonNode upvoted = console.await(m -> votesOf(m, "Question number 60 from the room?") == 1,
                        Duration.ofSeconds(5));
                assertThat(votesOf(upvoted, "Question number 60 from the room?")).isEqualTo(1);
                assertThat(phone.consoleErrors()).isEmpty();
                // The page with a loaded page of questions and a vote on it: a state the tour does not reach.
                assertAccessible(phone);

                // In Spanish: the page comes again with the live list only, and the button in the person's words.
                InBrowser.switchLanguage(phone, "es");
                phone.find("#ask-toggle").click();
                phone.awaitText("#questions button.more", "Ver más preguntas (10 más)");
                phone.script("arguments[0].scrollIntoView({block: 'center'});", phone.find("#questions button.more"));
                phone.screenshot("questions-03-phone-first-50-es");
            }
        }
    }

    @Test
    void a_phone_finds_and_upvotes_an_idea_below_the_top_fifty() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "conversation/en");
            try (room) {
                room.act("/live");
                WsClient console = room.console();
                room.goTo(2);
                long step = console.awaitStep(2).at("/step/id").asLong();
                // Five ideas each: a person's ideas come at a pace the server limits.
                for (int i = 0; i < 11; i++) {
                    Phone sender = room.join("Sender " + i);
                    for (int n = 0; n < 5; n++) {
                        JsonNode reply = send(sender.ws, org.tallersocial.testing.Conversation.idea(step,
                                "Idea number " + (i * 5 + n + 1) + " for next month"));
                        assertThat(reply.path("type").asText()).as("idea: %s", reply).isEqualTo("ack");
                    }
                }
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                InBrowser.awaitPhoneStep(phone, 2);
                phone.awaitText("#phone .idea-list", "Idea number 50 for next month");
                assertThat(Chromium.text(phone.find("#phone"))).doesNotContain("Idea number 51 ");
                InBrowser.click(phone, "#phone button.more:not(.hidden)");
                phone.awaitText("#phone", "Idea number 55 for next month");
                upvote(phone, "Idea number 55 for next month", "ideas-01-phone-below-the-top-fifty-upvoted");
                console.await(m -> m.path("picture").path("ideas").path(0).path("text").asText()
                        .equals("Idea number 55 for next month"), Duration.ofSeconds(5));
                assertThat(phone.consoleErrors()).isEmpty();
                assertAccessible(phone);
            }
        }
    }

    /** Taps the upvote of the line with this text, waits for its count to say 1, and keeps what the phone shows. */
    private static void upvote(Chromium phone, String text, String shot) {
        org.openqa.selenium.By button = org.openqa.selenium.By.xpath("//li[.//p[text()='" + text + "']]//button");
        phone.driver().findElement(button).click();
        phone.await(d -> {
            try {
                return d.findElement(button).getText().contains("1");
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        // The list is drawn anew on every update, so the line may be replaced between finding and scrolling.
        phone.await(d -> {
            try {
                phone.script("arguments[0].scrollIntoView({block: 'center'});", d.findElement(button));
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        phone.screenshot(shot);
    }

    /** axe-core's WCAG 2.1 AA rules, as the accessibility test runs them: nothing serious or critical. */
    private static void assertAccessible(Chromium phone) {
        assertThat(InBrowser.seriousViolations(phone)).as("axe-core, serious and critical").isEmpty();
    }

    private static int votesOf(JsonNode message, String text) {
        for (JsonNode q : message.path("questions").path("list")) {
            if (text.equals(q.path("text").asText())) {
                return q.path("votes").asInt();
            }
        }
        return -1;
    }
}
