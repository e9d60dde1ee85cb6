package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** axe-core's WCAG 2.1 AA rules on every kind of page: none may have a serious or critical violation. */
class AccessibilityTest {

    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    private void check(Chromium browser, String page) {
        List<String> found = InBrowser.seriousViolations(browser);
        synchronized (violations) {
            found.forEach(v -> violations.add(page + ": " + v));
        }
    }

    /**
     * The same step on the phone, the projector and the console, checked side by side: each browser
     * runs axe in its own renderer, and one after the other they were most of this test's minute.
     */
    private void checkAll(String kind, Chromium phone, Chromium projector, Chromium laptop) {
        java.util.concurrent.Executor ownThread = task -> new Thread(task, "axe " + kind).start();
        java.util.concurrent.CompletableFuture.allOf(
                java.util.concurrent.CompletableFuture.runAsync(() -> check(phone, "phone " + kind), ownThread),
                java.util.concurrent.CompletableFuture.runAsync(() -> check(projector, "projector " + kind), ownThread),
                java.util.concurrent.CompletableFuture.runAsync(() -> check(laptop, "console " + kind), ownThread))
                .join();
    }

    /**
     * The questions' states that look different: one hidden (a struck row on the console with its
     * Approve button), one answered (greyed on the phone), one waiting.
     */
    private void questionStates(LiveRoom room, Chromium phone, Chromium laptop) {
        room.act("/questions/settings", "needsApproval", "on");
        LiveRoom.Phone bo = room.join("Bo");
        long hidden = org.tallersocial.testing.Conversation.send(bo.ws,
                org.tallersocial.testing.Conversation.question("Can we post during working hours?", true)).at("/asked/id").asLong();
        long answered = org.tallersocial.testing.Conversation.send(bo.ws,
                org.tallersocial.testing.Conversation.question("Who answers the reviews on Google?", false)).at("/asked/id").asLong();
        org.tallersocial.testing.Conversation.send(bo.ws,
                org.tallersocial.testing.Conversation.question("Do we get training first?", true));
        room.act("/questions/" + hidden, "action", "hide");
        room.act("/questions/" + answered, "action", "approve");
        room.act("/questions/" + answered, "action", "answered");
        laptop.awaitText("body", "Can we post during working hours?");
        check(laptop, "console with a hidden, an answered and a waiting question");
        InBrowser.click(phone, "#ask-toggle");
        phone.awaitText("#questions", "Who answers the reviews on Google?");
        check(phone, "phone with an answered question");
        InBrowser.click(phone, "#ask-toggle");
        room.act("/questions/settings", "needsApproval", "off");
    }

    @Test
    void every_page_kind_passes_axe_without_serious_violations() {
        try (TestServer server = TestServer.start(TestServer.REAL_CONTENT); Chromium phone = Chromium.phone();
             Chromium projector = Chromium.projector(); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            phone.go(server.baseUrl() + "/");
            check(phone, "home");
            laptop.go(server.baseUrl() + "/login");
            check(laptop, "login");
            InBrowser.logIn(laptop, server);

            LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/en");
            room.act("/live");
            laptop.go(server.baseUrl() + "/facilitate");
            check(laptop, "workshops");
            InBrowser.openConsole(laptop, server, room.id);
            InBrowser.openProjector(projector, server, room);
            phone.go(server.baseUrl() + "/j/" + room.code);
            phone.awaitVisible("input[name=name]");
            check(phone, "join");
            InBrowser.joinByLink(phone, server, room.code, "Ana");
            checkAll("welcome", phone, projector, laptop);
            questionStates(room, phone, laptop);

            WsClient console = room.console();
            int count = console.await("state").at("/step/count").asInt();
            // Each kind of step once: eight scales in a row are one state of each screen, not eight.
            java.util.Set<String> checked = new java.util.HashSet<>();
            for (int i = 1; i < count; i++) {
                room.goTo(i);
                String kind = console.awaitStep(i).at("/step/kind").asText();
                if (List.of("single", "scale", "profiles", "raci", "ideas", "ranking", "quiz").contains(kind)
                        && checked.add(kind)) {
                    InBrowser.awaitPhoneStep(phone, i);
                    InBrowser.awaitProjectorStep(projector, i);
                    checkAll(kind, phone, projector, laptop);
                }
            }
            room.act("/close");
            room.close();
            LiveRoom run = DefaultRun.closed(server, facilitator, "Ferretería Gómez");
            laptop.go(server.baseUrl() + "/facilitate/" + run.id + "/review");
            check(laptop, "review links");
            Matcher link = DefaultRun.REVIEW_LINK.matcher(facilitator.post("/facilitate/" + run.id + "/review-links",
                    "reader", "Owner", "days", "").body());
            assertThat(link.find()).isTrue();
            phone.go(server.baseUrl() + "/r/" + link.group(2));
            check(phone, "report on a phone");
            laptop.go(server.baseUrl() + "/r/" + link.group(2));
            check(laptop, "report");
            run.close();
        }
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }
}
