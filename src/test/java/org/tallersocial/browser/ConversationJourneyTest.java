package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.idea;
import static org.tallersocial.testing.Conversation.ideaVote;
import static org.tallersocial.testing.Conversation.question;
import static org.tallersocial.testing.Conversation.send;
import static org.tallersocial.testing.Conversation.upvote;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * On a 390-px phone a person asks a question that waits for approval; once the
 * facilitator approves and pins it, the projector shows it. Then the room's
 * ideas become a commitment the person takes on.
 */
class ConversationJourneyTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_phone_asks_and_the_projector_shows_the_approved_question_then_ideas_become_commitments() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone();
             Chromium projector = Chromium.projector(); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "conversation/en");
            try (room) {
                room.act("/live");
                room.act("/questions/settings", "needsApproval", "on");
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                InBrowser.openProjector(projector, server, room);
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                Phone ana = room.join("Ana");
                Phone bo = room.join("Bo");
                WsClient console = room.console();
                room.goTo(4);
                InBrowser.awaitPhoneStep(phone, 4);

                phone.find("#ask-toggle").click();
                phone.awaitVisible("#questions textarea").sendKeys("Who answers the <b>reviews</b> on Google?");
                phone.find("#questions input[type=checkbox]").click();
                phone.find("#questions button[type=submit]").click();
                phone.awaitText("#questions .status", "appears once the facilitator approves it");
                phone.awaitText("#questions .own-questions", "Waiting for approval");
                phone.screenshot("conversation-01-phone-asked");
                assertThat(phone.scrollsSideways()).isFalse();

                laptop.awaitText("#questions-card", "Who answers the <b>reviews</b> on Google?");
                laptop.awaitText("#questions-card .pending-count", "1 waiting");
                laptop.screenshot("conversation-02-console-queue");
                assertThat(Chromium.text(projector.find("body"))).doesNotContain("reviews");

                long id = console.await(m -> m.path("questions").path("list").size() == 1,
                        java.time.Duration.ofSeconds(5)).at("/questions/list/0/id").asLong();
                InBrowser.click(laptop, "#questions-card .queue-item button:not(.secondary)");
                phone.awaitText("#questions .question-list", "Who answers the <b>reviews</b> on Google?");
                phone.await(d -> Chromium.text(d.findElement(org.openqa.selenium.By.cssSelector("#questions")))
                        .indexOf("Waiting for approval") < 0);
                send(ana.ws, upvote(id, true));
                long boQuestion = send(bo.ws, question("Can I post about work on my own account?", true))
                        .at("/asked/id").asLong();
                room.act("/questions/" + id, "action", "pin");
                projector.awaitText("#screen-questions .pinned", "Who answers the <b>reviews</b> on Google?");
                assertThat(Chromium.text(projector.find("#screen-questions .pinned"))).contains("Marisa").contains("1");
                assertThat(projector.findAll("#screen-questions b")).as("typed markup stays text").isEmpty();
                assertThat(Chromium.text(projector.find("#screen-questions"))).doesNotContain("Can I post");
                projector.screenshot("conversation-03-projector-pinned");
                room.act("/questions/settings", "onScreen", "on");
                room.act("/questions/" + boQuestion, "action", "approve");
                projector.awaitText("#screen-questions .top-questions", "Can I post about work");
                projector.screenshot("conversation-04-projector-top-questions");
                phone.awaitText("#questions .question-list", "Can I post about work");
                phone.screenshot("conversation-05-phone-list");
                laptop.screenshot("conversation-06-console-moderated");

                // Ideas, then a commitment from the most voted one.
                phone.find("#questions .questions-head button").click();
                room.goTo(2);
                InBrowser.awaitPhoneStep(phone, 2);
                phone.awaitVisible("#phone .idea-form textarea").sendKeys("Answer every review within a day");
                phone.find("#phone .idea-form button").click();
                phone.awaitText("#phone .status", "Sent");
                long ideasStep = console.awaitStep(2).at("/step/id").asLong();
                long photo = send(ana.ws, idea(ideasStep, "A photo of the bakery every morning")).path("idea").asLong();
                send(bo.ws, idea(ideasStep, "A photo from the bakery each morning"));
                send(bo.ws, ideaVote(ideasStep, photo, true));
                // Most votes first: Bo's vote has reached the phone once the photo leads its list.
                phone.awaitText("#phone .idea-list li:nth-child(1)", "A photo of the bakery");
                InBrowser.click(phone, "#phone .idea-list li:nth-child(1) .upvote");
                projector.awaitText("#stage .idea-wall", "▲ 2");
                phone.screenshot("conversation-07-phone-ideas");
                projector.screenshot("conversation-08-projector-ideas");
                laptop.awaitText("#results", "A photo from the bakery each morning");
                laptop.screenshot("conversation-09-console-ideas");

                room.goTo(3);
                InBrowser.awaitPhoneStep(phone, 3);
                room.act("/commitments", "idea", String.valueOf(photo), "action", "", "role", "Community manager",
                        "due", LocalDate.now().plusMonths(1).toString());
                room.act("/commitments", "action", "Write the social media guidelines", "role", "Owner",
                        "due", LocalDate.now().plusMonths(2).toString());
                phone.awaitText("#phone .commitment-list", "Write the social media guidelines");
                InBrowser.click(phone, "#phone .commitment-list li:nth-child(2) button");
                phone.awaitText("#phone .status", "You took it on");
                projector.awaitText("#stage .commitment-wall", "Taken on by: Marisa");
                phone.screenshot("conversation-10-phone-commitments");
                projector.screenshot("conversation-11-projector-commitments");
                laptop.awaitText("#results", "Taken on by: Marisa");
                laptop.fullPageScreenshot("conversation-12-console-commitments");
                for (Chromium screen : List.of(phone, projector, laptop)) {
                    assertThat(screen.consoleErrors()).as("script errors on %s", screen.size()).isEmpty();
                }
            }
        }
    }
}
