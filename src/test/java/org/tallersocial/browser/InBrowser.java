package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** What people do with their hands in a real browser: log in, type a code, tap an option. */
final class InBrowser {

    static final String FACILITATOR_EMAIL = "marta@example.org";

    private InBrowser() {
    }

    /** Logs the first facilitator (made with {@link Facilitators#first}) in through the login page. */
    static void logIn(Chromium browser, TestServer server) {
        browser.go(server.baseUrl() + "/login");
        browser.find("#email").sendKeys(FACILITATOR_EMAIL);
        browser.find("#password").sendKeys(Facilitators.PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.await(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens the console of a workshop and waits until its socket is connected. */
    static void openConsole(Chromium browser, TestServer server, long workshopId) {
        browser.go(server.baseUrl() + "/facilitate/" + workshopId);
        awaitConnected(browser);
    }

    /** Opens the projector view and waits until it follows the room. */
    static void openProjector(Chromium browser, TestServer server, LiveRoom room) {
        browser.go(server.baseUrl() + room.projectorPath());
        awaitConnected(browser);
    }

    /** Waits until the page's socket is connected, in whatever language the page speaks. */
    static void awaitConnected(Chromium browser) {
        browser.await(Duration.ofSeconds(10), () -> "#conn.connected",
                d -> !d.findElements(By.cssSelector("#conn.connected")).isEmpty());
    }

    /** Presses the language switch's button for a language and waits for the page in it. */
    static void switchLanguage(Chromium browser, String lang) {
        browser.find(".lang-switch button[value='" + lang + "']").click();
        browser.await(Duration.ofSeconds(10), () -> "the page in " + lang,
                d -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    /** The whole way in: the home page, the code box, the optional name, the live page. */
    static void joinFromHome(Chromium phone, TestServer server, String code, String name) {
        phone.go(server.baseUrl() + "/");
        phone.find("input[name=code]").sendKeys(code.toLowerCase());
        phone.find("form[action='/j'] button[type=submit]").click();
        WebElement nameBox = phone.awaitVisible("input[name=name]");
        if (name != null) {
            nameBox.sendKeys(name);
        }
        phone.find("form[action^='/j/'] button[type=submit]").click();
        awaitConnected(phone);
    }

    /** Joins by the link (as the QR code does). */
    static void joinByLink(Chromium phone, TestServer server, String code, String name) {
        phone.go(server.baseUrl() + "/j/" + code);
        phone.awaitVisible("input[name=name]").sendKeys(name);
        phone.find("form[action^='/j/'] button[type=submit]").click();
        awaitConnected(phone);
    }

    /** Taps the option whose text is exactly the given label. */
    static void tapOption(Chromium phone, String label) {
        WebElement option = phone.await(d -> d.findElements(By.cssSelector("#phone .choice")).stream()
                .filter(e -> Chromium.text(e).trim().equals(label)).findFirst().orElse(null));
        // A thumb taps what it sees: bring the option to the middle, clear of the sticky bar on top.
        phone.script("arguments[0].scrollIntoView({block: 'center'});", option);
        option.click();
        assertThat(option.findElement(By.tagName("input")).isSelected()).as("%s is picked", label).isTrue();
    }

    static void pressSend(Chromium phone) {
        phone.find("#phone .send-row button").click();
    }

    /** Waits until the phone shows the step at this position (0-based). */
    static void awaitPhoneStep(Chromium phone, int index) {
        phone.await(Duration.ofSeconds(15), () -> "the phone on step " + index,
                d -> !d.findElements(By.cssSelector("#phone .step-meta[data-index='" + index + "']")).isEmpty());
    }

    /** Waits until the projector shows the step at this position (0-based). */
    static void awaitProjectorStep(Chromium projector, int index) {
        projector.await(Duration.ofSeconds(15), d -> Chromium.text(d.findElement(By.id("progress")))
                .startsWith((index + 1) + " /"));
    }

    /** Clicks an element a live list may redraw at any moment: a click that meets a replaced element tries again. */
    static void click(Chromium browser, String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.awaitVisible(css).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** What axe-core's WCAG 2.1 A and AA rules find serious or critical on the page as it is now. */
    static java.util.List<String> seriousViolations(Chromium browser) {
        return violations(browser).stream().filter(v -> v.contains("(serious)") || v.contains("(critical)")).toList();
    }

    /** Every violation of axe-core's WCAG 2.1 A and AA rules on the page as it is now, whatever its impact. */
    static java.util.List<String> violations(Chromium browser) {
        return new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser.driver())
                .getViolations().stream()
                .map(r -> r.getId() + " (" + r.getImpact() + ") on "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
