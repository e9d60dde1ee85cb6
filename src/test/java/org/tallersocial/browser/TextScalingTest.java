package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Chromium.Size;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * Someone who set their phone or browser to twice the usual text size (WCAG 1.4.4) loses
 * nothing: the text really is twice as big, nothing on the phone scrolls sideways, and no
 * label, option or button is cut off, on the phone, the console and the report.
 */
@Tag("browser")
class TextScalingTest {

    private static final Set<String> PHONE_KINDS = Set.of("single", "multiple", "scale", "text", "guess", "ranking",
            "wordcloud", "profiles", "raci", "ideas", "commitments");

    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void at_twice_the_text_size_nothing_is_cut_off_or_scrolls_sideways() {
        try (TestServer server = TestServer.start(TestServer.REAL_CONTENT);
             Chromium phone = Chromium.withTextAt(Size.PHONE, 200);
             Chromium laptop = Chromium.withTextAt(Size.CONSOLE, 200)) {
            Browser facilitator = Facilitators.first(server);
            phone.go(server.baseUrl() + "/");
            assertThat(phone.script("return getComputedStyle(document.body).fontSize;"))
                    .as("the browser's text setting reaches the page").isEqualTo("32px");
            check(phone, "home", true);

            LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/en");
            room.act("/live");
            phone.go(server.baseUrl() + "/j/" + room.code);
            phone.awaitVisible("input[name=name]");
            check(phone, "join", true);
            InBrowser.joinByLink(phone, server, room.code, "Ana");
            InBrowser.logIn(laptop, server);
            InBrowser.openConsole(laptop, server, room.id);
            check(phone, "welcome", true);
            check(laptop, "console welcome", false);

            WsClient console = room.console();
            int count = console.await("state").at("/step/count").asInt();
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 1; i < count; i++) {
                room.goTo(i);
                String kind = console.awaitStep(i).at("/step/kind").asText();
                if (PHONE_KINDS.contains(kind) && seen.add(kind)) {
                    InBrowser.awaitPhoneStep(phone, i);
                    check(phone, kind, true);
                    check(laptop, "console " + kind, false);
                }
            }
            room.act("/close");
            room.close();

            LiveRoom run = DefaultRun.closed(server, facilitator, "Ferretería Gómez");
            Matcher link = DefaultRun.REVIEW_LINK.matcher(facilitator.post("/facilitate/" + run.id + "/review-links",
                    "reader", "Owner", "days", "").body());
            assertThat(link.find()).isTrue();
            phone.go(server.baseUrl() + "/r/" + link.group(2));
            check(phone, "report", true);
            laptop.go(server.baseUrl() + "/r/" + link.group(2));
            check(laptop, "report on a laptop", false);
            run.close();
        }
        try {
            java.nio.file.Files.write(Chromium.SCREENSHOTS.resolve("text200-problems.txt"), problems);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(problems).as("at 200 % text").isEmpty();
    }

    private void check(Chromium browser, String name, boolean isPhone) {
        String shot = "text200-" + (isPhone ? "phone-" : "laptop-") + name.replace(' ', '-');
        browser.fullPageScreenshot(shot);
        if (browser.scrollsSideways()) {
            problems.add(name + ": the page scrolls sideways");
        }
        Number layoutWidth = (Number) browser.script("return window.innerWidth;");
        if (isPhone && layoutWidth.intValue() > 390) {
            problems.add(name + ": the page is laid out " + layoutWidth + " px wide on a 390 px phone");
        }
        browser.clippedText().forEach(c -> problems.add(name + ": " + c));
    }
}
