package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.message;
import static org.tallersocial.testing.Conversation.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.MutableClock;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A quiz of three questions as the room sees it: a 390-px phone chooses a nickname and answers against
 * the clock, the projector shows the right option once the time is up, and the final standings share the
 * first place between two level players and leave out the one who stayed off the board. The server's
 * clock stands still unless the test moves it, so every quick answer earns the same 1,000 points.
 */
class QuizBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    private static ObjectNode pick(long step, int option) {
        return message("quizAnswer").put("step", step).put("option", option);
    }

    @Test
    void three_questions_end_in_a_shared_first_place_without_those_who_stayed_off() {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer server = TestServer.withClock(clock); Chromium phone = Chromium.phone();
             Chromium projector = Chromium.projector(); Chromium laptop = Chromium.console()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "quiz/en");
            try (room) {
                room.act("/live");
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                InBrowser.openProjector(projector, server, room);
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                Phone bo = room.join("Bo");
                Phone cy = room.join("Cy");
                WsClient console = room.console();

                room.goTo(1);
                InBrowser.awaitPhoneStep(phone, 1);
                long q1 = console.awaitStep(1).at("/step/id").asLong();
                phone.awaitText("#phone .kicker", "Quiz · question 1 of 3");
                assertThat(InBrowser.seriousViolations(phone)).isEmpty();
                phone.screenshot("quiz-01-phone-nickname");
                phone.find("#phone .quiz-name input").sendKeys("Marisa M");
                phone.find("#phone .quiz-name button[type=submit]").click();
                phone.awaitText("#phone .quiz-name", "On the leaderboard as Marisa M");
                send(bo.ws, message("quizName").put("step", q1).put("nickname", "Bo"));
                send(cy.ws, message("quizName").put("step", q1).putNull("nickname"));

                InBrowser.click(phone, "#phone .quiz-option:nth-child(1)");
                phone.awaitText("#phone .status", "Answer saved.");
                assertThat(phone.findAll("#phone .quiz-option:not([disabled])")).as("one pick, final").isEmpty();
                phone.screenshot("quiz-02-phone-locked-in");
                send(bo.ws, pick(q1, 0));
                send(cy.ws, pick(q1, 1));
                projector.awaitText("#stage .screen-note", "3 answered");
                assertThat(projector.findAll("#stage .quiz-tile.right")).as("no right option before the time is up").isEmpty();
                projector.screenshot("quiz-03-projector-open");
                laptop.awaitText("#results .quiz-console", "3 answered · 2 on the leaderboard");
                laptop.screenshot("quiz-04-console-open");

                clock.advance(Duration.ofMillis(11_600));
                phone.awaitText("#phone .quiz-outcome", "Right! +1,000 points");
                assertThat(Chromium.text(phone.find("#phone .quiz-outcome"))).contains("place 1 of 3");
                phone.screenshot("quiz-05-phone-right");
                projector.awaitText("#stage .quiz-tile.right", "Facebook");
                assertThat(Chromium.text(projector.find("#stage .screen-note"))).isEqualTo("Time is up.");
                assertThat(InBrowser.seriousViolations(projector)).isEmpty();
                projector.screenshot("quiz-06-projector-answer");

                room.goTo(2);
                InBrowser.awaitPhoneStep(phone, 2);
                long q2 = console.awaitStep(2).at("/step/id").asLong();
                InBrowser.click(phone, "#phone .quiz-option:nth-child(3)");
                phone.awaitText("#phone .status", "Answer saved.");
                send(bo.ws, pick(q2, 0));
                send(cy.ws, pick(q2, 1));
                room.poll(q2, "close");
                phone.awaitText("#phone .quiz-outcome", "Your total: 2,000 points");

                room.goTo(3);
                InBrowser.awaitPhoneStep(phone, 3);
                long q3 = console.awaitStep(3).at("/step/id").asLong();
                InBrowser.click(phone, "#phone .quiz-option:nth-child(2)");
                phone.awaitText("#phone .status", "Answer saved.");
                send(bo.ws, pick(q3, 1));
                send(cy.ws, pick(q3, 1));
                room.poll(q3, "close");
                laptop.awaitText("#results .quiz-console button", "Show the final standings");
                InBrowser.click(laptop, "#results .quiz-console button");
                projector.awaitText("#stage .quiz-board h2", "Final standings");
                assertThat(projector.findAll("#stage .quiz-line .place")).extracting(Chromium::text)
                        .as("level on points, level in place").containsExactly("1=", "1=");
                assertThat(projector.findAll("#stage .quiz-line .who")).extracting(Chromium::text)
                        .as("a tie is listed by nickname").containsExactly("Bo", "Marisa M");
                assertThat(projector.findAll("#stage .quiz-line .points")).extracting(Chromium::text)
                        .containsExactly("3,000 pts", "3,000 pts");
                assertThat(Chromium.text(projector.find("#stage"))).doesNotContain("Cy");
                projector.screenshot("quiz-07-projector-final-board");
                phone.awaitText("#phone .quiz-board", "Final standings");
                assertThat(Chromium.text(phone.find("#phone .quiz-outcome"))).contains("3,000 points · place 1 of 3");
                phone.screenshot("quiz-08-phone-final");
                laptop.awaitText("#results .quiz-console button", "Hide the leaderboard");
                assertThat(InBrowser.seriousViolations(laptop)).isEmpty();
                laptop.screenshot("quiz-09-console-final");
                assertThat(phone.consoleErrors()).isEmpty();
                assertThat(projector.consoleErrors()).isEmpty();
                assertThat(laptop.consoleErrors()).isEmpty();
                assertThat(phone.scrollsSideways()).isFalse();
                phone.await(d -> !d.findElements(By.cssSelector("#phone .quiz-line")).isEmpty());
            }
        }
    }

    @Test
    void a_spanish_phone_plays_in_spanish() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "quiz/en");
            try (room) {
                room.act("/live");
                InBrowser.joinByLink(phone, server, room.code, "Begoña");
                InBrowser.switchLanguage(phone, "es");
                room.goTo(1);
                InBrowser.awaitPhoneStep(phone, 1);
                phone.awaitText("#phone .kicker", "Quiz · pregunta 1 de 3");
                phone.find("#phone .quiz-name button.secondary").click();
                phone.awaitText("#phone .quiz-name", "No sales en la clasificación");
                InBrowser.click(phone, "#phone .quiz-option:nth-child(2)");
                phone.awaitText("#phone .status", "Respuesta guardada.");
                phone.screenshot("quiz-10-phone-spanish");
                assertThat(phone.scrollsSideways()).isFalse();
                assertThat(InBrowser.seriousViolations(phone)).isEmpty();
            }
        }
    }
}
