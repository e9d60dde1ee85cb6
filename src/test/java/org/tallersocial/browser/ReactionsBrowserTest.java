package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tallersocial.testing.Conversation.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;

/**
 * A burst of reactions from several phones, two of them real 390-px phones tapping, rises on the projector
 * as a few coalesced emoji marked with their numbers, is counted on the console, and stops when the
 * facilitator offers none.
 */
class ReactionsBrowserTest {

    /** Records every reaction that rises on the projector, since each is gone again after 2.6 s. */
    private static final String WATCH_RISING = "window.risen = [];"
            + "new MutationObserver(function (changes) { changes.forEach(function (c) { c.addedNodes.forEach("
            + "function (n) { if (n.classList && n.classList.contains('rising')) {"
            + "window.risen.push({glyph: n.querySelector('.glyph').textContent, count: Number(n.dataset.count)}); } }); }); })"
            + ".observe(document.getElementById('reaction-layer'), {childList: true});";

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_burst_rises_on_the_projector_coalesced_and_the_console_counts_it() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone();
             Chromium second = Chromium.phone(); Chromium projector = Chromium.projector();
             Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "conversation/en");
            try (room) {
                room.act("/live");
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                InBrowser.openProjector(projector, server, room);
                InBrowser.awaitConnected(projector);
                InBrowser.joinByLink(phone, server, room.code, "Marisa");
                InBrowser.joinByLink(second, server, room.code, "Jon");
                assertThat(phone.find("#reactions").isDisplayed()).as("closed until the person opens it").isFalse();
                openReactions(phone);
                openReactions(second);
                assertThat(phone.findAll("#reactions .reaction")).extracting(b -> b.getDomAttribute("aria-label"))
                        .containsExactly("Like", "Applause", "Love it", "Good idea", "Surprising");
                projector.script(WATCH_RISING);
                long step = room.console().await("state").at("/step/id").asLong();

                List<Phone> others = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    others.add(room.join("P" + i));
                }
                tap(phone, "Applause");
                for (Phone p : others) {
                    p.ws.send(message("reaction").put("step", step).put("reaction", "clap"));
                }
                tap(second, "Applause");
                tap(second, "Love it");
                assertThat(phone.findAll("#reactions .reaction-float")).as("the tap is seen on the phone").isNotEmpty();
                phone.screenshot("reactions-01-phone-tapped");

                // Ten claps and a heart: a few rising emoji, whose numbers add up to every tap.
                projector.await(Duration.ofSeconds(10), () -> "ten claps on the projector",
                        d -> claps(projector) == 10);
                projector.screenshot("reactions-02-projector-burst");
                List<Map<String, Object>> risen = risen(projector);
                assertThat(risen.size()).as("coalesced: fewer rising emoji than taps").isLessThan(11);
                assertThat(risen).anySatisfy(r -> assertThat(((Number) r.get("count")).intValue()).isGreaterThan(1));
                projector.await(Duration.ofSeconds(5), () -> "the heart", d -> risen(projector).stream()
                        .anyMatch(r -> r.get("glyph").equals("\u2764\uFE0F")));
                assertThat(projector.findAll("#reaction-layer .times")).as("a burst says how many")
                        .anySatisfy(t -> assertThat(Chromium.text(t)).startsWith("×"));

                laptop.awaitText("#reaction-counts", "10");
                assertThat(Chromium.text(laptop.find("#reaction-counts"))).contains("Love it: 1");
                laptop.awaitText("#agenda li[data-index='0'] .reacted", "11 reactions");
                laptop.screenshot("reactions-03-console-counted");
                assertThat(InBrowser.seriousViolations(laptop)).isEmpty();
                assertThat(InBrowser.seriousViolations(phone)).isEmpty();

                // The facilitator offers none: the phones' row goes, and nothing more rises.
                laptop.find("#reactions-card summary").click();
                laptop.findAll("#reactions-card input[type=checkbox]").forEach(box -> {
                    if (box.isSelected()) {
                        box.click();
                    }
                });
                laptop.find("#reactions-card button[type=submit]").click();
                phone.await(Duration.ofSeconds(10), () -> "the reactions row and its button gone",
                        d -> !d.findElement(By.id("reactions")).isDisplayed()
                                && !d.findElement(By.id("react-toggle")).isDisplayed());
                laptop.awaitText("#reaction-counts", "10");
                assertThat(laptop.findAll("#reactions-card input:checked")).isEmpty();
                laptop.screenshot("reactions-04-console-none-offered");
                assertThat(phone.consoleErrors()).isEmpty();
                assertThat(projector.consoleErrors()).isEmpty();
                assertThat(laptop.consoleErrors()).isEmpty();

                room.act("/close");
                laptop.go(server.baseUrl() + "/facilitate/" + room.id + "/report");
                laptop.awaitText("#reactions", "How the room reacted");
                assertThat(Chromium.text(laptop.find("#reactions tbody"))).contains("10").contains("11");
                laptop.screenshot("reactions-05-report");
            }
        }
    }

    @Test
    void a_spanish_phone_names_its_reactions_in_spanish() {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium phone = Chromium.phone()) {
            LiveRoom room = LiveRoom.draft(server, Facilitators.first(server), "conversation/en");
            try (room) {
                room.act("/live");
                InBrowser.joinByLink(phone, server, room.code, "Begoña");
                InBrowser.switchLanguage(phone, "es");
                InBrowser.awaitConnected(phone);
                openReactions(phone);
                assertThat(phone.findAll("#reactions .reaction")).extracting(b -> b.getDomAttribute("aria-label"))
                        .containsExactly("Me gusta", "Aplausos", "Me encanta", "Buena idea", "Sorprendente");
                assertThat(phone.find("#reactions").getDomAttribute("aria-label")).isEqualTo("Reacciones");
                tap(phone, "Aplausos");
                phone.screenshot("reactions-06-phone-spanish");
                assertThat(phone.scrollsSideways()).isFalse();
                assertThat(InBrowser.seriousViolations(phone)).isEmpty();
            }
        }
    }

    /** The phone bar's button opens the row; it stays open for the tab, on every step. */
    private static void openReactions(Chromium phone) {
        phone.awaitVisible("#react-toggle").click();
        phone.awaitVisible("#reactions .reaction");
        assertThat(phone.find("#react-toggle").getDomAttribute("aria-expanded")).isEqualTo("true");
    }

    private static void tap(Chromium phone, String label) {
        phone.find("#reactions .reaction[aria-label='" + label + "']").click();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> risen(Chromium projector) {
        return (List<Map<String, Object>>) projector.script("return window.risen;");
    }

    private static int claps(Chromium projector) {
        return risen(projector).stream().filter(r -> r.get("glyph").equals("\uD83D\uDC4F"))
                .mapToInt(r -> ((Number) r.get("count")).intValue()).sum();
    }
}
