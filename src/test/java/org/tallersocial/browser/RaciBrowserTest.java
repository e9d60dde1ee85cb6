package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * The matrix in real browsers: a phone (390x844) proposes, the projector (1920x1080) shows twelve
 * activities by eight roles readably, and the console starts from the room's majority and settles.
 * Screenshots land in target/screenshots/raci-*.png.
 */
class RaciBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Smallest text on the projector's stage: 1/36 of a 1080-pixel screen, as ScreenshotTour asks. */
    private static final double MIN_STAGE_TEXT_PX = 30;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_phone_proposes_and_the_console_settles_a_twelve_by_eight_matrix() {
        try (TestServer server = TestServer.start(); Chromium console = Chromium.console();
             Chromium projector = Chromium.projector(); Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, "raci-full/en");
            try (room) {
                room.act("/live");
                WsClient ws = room.console();
                room.goTo(1);
                JsonNode state = ws.awaitStep(1);
                long step = state.at("/step/id").asLong();
                JsonNode picture = state.get("picture");
                InBrowser.logIn(console, server);
                InBrowser.openConsole(console, server, room.id);
                InBrowser.openProjector(projector, server, room);
                InBrowser.joinByLink(phone, server, room.code, "Ana");
                phone.awaitText("#phone", "The facilitator opens the activities");
                shot(phone, "raci-phone-waiting");

                // The facilitator opens every activity from the console.
                new Select(console.awaitVisible(".raci-open select")).selectByValue("all");
                phone.awaitVisible("#phone .raci-card");
                assertThat(phone.findAll("#phone .raci-card")).hasSize(12);

                // Ana, on her phone: the owner answers for the strategy, marketing and the CM do it.
                WebElement first = phone.find("#phone .raci-card");
                tap(first, ".raci-group.a", "Owner");
                tap(first, ".raci-group.r", "Marketing and sales");
                tap(first, ".raci-group.r", "Community manager");
                phone.await(d -> Chromium.text(first.findElement(By.cssSelector(".status"))).startsWith("Saved"));
                assertThat(Chromium.text(first.findElement(By.cssSelector(".raci-summary"))))
                        .isEqualTo("A: Owner · R: Community manager, Marketing and sales");
                assertThat(first.findElements(By.cssSelector(".raci-role.is-selected"))).hasSize(3);
                assertThat(phone.scrollsSideways()).isFalse();
                shot(phone, "raci-phone-proposing");

                // The rest of the room proposes from their phones' sockets.
                List<Phone> phones = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    phones.add(room.join("Person " + i));
                }
                proposeForEveryone(phones, step, picture);
                projector.awaitText("#stage .raci-count", "8 people proposing");
                Map<String, Object> fit = fit(projector);
                shotProjector(projector, "raci-projector-12x8");
                assertThat((List<?>) fit.get("cut")).as("cut off on the projector").isEmpty();
                assertThat((List<?>) fit.get("small")).as("too small for the back of the room").isEmpty();
                assertThat(projector.findAll("#stage .raci-screen tbody tr")).hasSize(12);
                assertThat(projector.findAll("#stage tr.is-split")).as("disagreement is marked").isNotEmpty();
                assertThat(projector.findAll("#stage tr.is-gap")).as("gaps are marked").isNotEmpty();

                // Reconnecting does not lose what Ana chose.
                phone.driver().navigate().refresh();
                InBrowser.awaitConnected(phone);
                phone.awaitText("#phone .raci-card .raci-summary", "A: Owner · R: Community manager, Marketing and sales");
                assertThat(phone.find("#phone .raci-card").findElements(By.cssSelector(".raci-role.is-selected"))).hasSize(3);
                assertThat(phone.find("#phone .raci-card:nth-of-type(2)").getDomProperty("open"))
                        .as("the next activity still to propose on unfolds").isEqualTo("true");

                // The console starts from the room's majority, in one click.
                console.find(".raci-tools button").click();
                console.driver().switchTo().alert().accept();
                console.await(d -> Chromium.text(d.findElement(By.cssSelector(".raci-history summary"))).matches(".*\\(\\d+ changes\\).*")
                        && !Chromium.text(d.findElement(By.cssSelector(".raci-history summary"))).contains("(0 changes)"));
                Select strategyOwner = new Select(console.find(".raci-matrix tbody tr td.cell select"));
                assertThat(strategyOwner.getFirstSelectedOption().getText()).isEqualTo("A");
                // ... then fixes one cell by hand.
                Select cell = new Select(console.findAll(".raci-matrix tbody tr").get(0).findElements(By.cssSelector("select")).get(7));
                cell.selectByValue("I");
                console.awaitVisible(".raci-matrix td.letter-I");
                console.awaitVisible(".raci-finding");
                shotConsole(console, "raci-console-from-majority");

                // Some checks fail: settling needs "settle anyway" with a reason.
                console.find(".raci-settle textarea").sendKeys("The owner assigns the open rows next week");
                console.find(".raci-settle button.danger").click();
                console.awaitText(".raci-settled", "Settled anyway by Marta Facilitadora");
                assertThat(console.find(".raci-matrix select").isEnabled()).as("a settled matrix is locked").isFalse();
                console.find(".raci-history summary").click();
                shotConsole(console, "raci-console-settled");

                room.poll(step, "close");
                phone.awaitText("#phone", "The round is closed");
                shot(phone, "raci-phone-closed");

                console.go(server.baseUrl() + "/facilitate/" + room.id + "/steps/" + step + "/raci/print");
                console.awaitText(".raci-print-reason", "The owner assigns the open rows next week");
                console.screenshot("raci-print");
                @SuppressWarnings("unchecked")
                Map<String, Object> pdf = (Map<String, Object>) (Map<?, ?>) ((org.openqa.selenium.chrome.ChromeDriver)
                        console.driver()).executeCdpCommand("Page.printToPDF",
                        Map.<String, Object>of("preferCSSPageSize", true, "printBackground", false));
                String printed = new String(java.util.Base64.getDecoder().decode((String) pdf.get("data")),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(printed).results().count())
                        .as("12 activities by 8 roles print on one A4 landscape sheet").isEqualTo(1);
                for (Chromium screen : List.of(console, projector, phone)) {
                    assertThat(screen.consoleErrors()).as("script errors on %s", screen.size()).isEmpty();
                }
            }
        }
    }

    private static void tap(WebElement card, String group, String role) {
        card.findElements(By.cssSelector(group + " .raci-role")).stream()
                .filter(b -> Chromium.text(b).equals(role)).findFirst().orElseThrow().click();
    }

    /** Varied proposals: clear majorities, a split, and an activity where nobody is R. */
    private static void proposeForEveryone(List<Phone> phones, long step, JsonNode picture) {
        JsonNode roles = picture.path("roles");
        JsonNode activities = picture.path("activities");
        for (int p = 0; p < phones.size(); p++) {
            for (int a = 0; a < activities.size(); a++) {
                long accountable = roles.get(a % 3 == 1 ? (p % 4) : (a % roles.size())).path("id").asLong();
                List<Long> responsible = a == 6 ? List.of()
                        : List.of(roles.get((a + 1) % roles.size()).path("id").asLong(), roles.get((a + p) % roles.size()).path("id").asLong())
                        .stream().distinct().toList();
                ObjectNode msg = JSON.createObjectNode().put("type", "raci.propose").put("id", "p" + p + "a" + a)
                        .put("step", step).put("seq", 1 + a).put("activity", activities.get(a).path("id").asLong())
                        .put("accountable", accountable);
                msg.set("responsible", JSON.valueToTree(responsible));
                phones.get(p).ws.send(msg);
                assertThat(phones.get(p).reply("p" + p + "a" + a).path("type").asText()).isEqualTo("ack");
            }
        }
    }

    private static void shot(Chromium phone, String name) {
        phone.screenshot(name);
        phone.fullPageScreenshot(name + "-full");
        assertThat(phone.scrollsSideways()).as("%s scrolls sideways", name).isFalse();
    }

    private static void shotConsole(Chromium console, String name) {
        console.screenshot(name);
        console.fullPageScreenshot(name + "-full");
        assertThat(console.scrollsSideways()).as("%s scrolls sideways", name).isFalse();
    }

    private static void shotProjector(Chromium projector, String name) {
        projector.screenshot(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fit(Chromium projector) {
        projector.await(Duration.ofSeconds(2), d -> true);
        return (Map<String, Object>) projector.script(String.join("\n",
                "var cut = [], small = [], stage = document.getElementById('stage');",
                "var vw = window.innerWidth, vh = window.innerHeight;",
                "if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1) {",
                "  cut.push('stage ' + stage.scrollWidth + 'x' + stage.scrollHeight + ' in ' + stage.clientWidth + 'x' + stage.clientHeight); }",
                "stage.querySelectorAll('*').forEach(function (e) {",
                "  var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });",
                "  var r = e.getBoundingClientRect();",
                "  if (!own || r.width === 0) { return; }",
                "  var label = e.tagName + ' ' + e.textContent.trim().slice(0, 30);",
                "  if (r.right > vw + 1 || r.bottom > vh + 1) { cut.push(label); }",
                "  var size = parseFloat(getComputedStyle(e).fontSize);",
                "  if (size < " + MIN_STAGE_TEXT_PX + " * vh / 1080 - 0.5) { small.push(label + ' ' + size); }",
                "});",
                "return { cut: cut, small: small };"));
    }
}
