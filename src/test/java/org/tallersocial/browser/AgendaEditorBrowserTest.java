package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/**
 * The facilitator writes the workshop in the browser: from a shipped agenda with the mouse, from an empty
 * one with the keyboard alone; phones then see exactly what was written.
 */
class AgendaEditorBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_shipped_agenda_is_edited_by_mouse_and_phones_see_exactly_the_edited_poll() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console();
             Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                laptop.find("#edit-agenda").click();
                laptop.awaitVisible("#step-list li");
                assertThat(titles(laptop)).hasSize(8);
                laptop.screenshot("agenda-editor-01-shipped");
                assertNoViolations(laptop);

                pick(laptop, 1);
                replace(laptop, "#f-question", "Who should speak for the bakery?");
                replace(laptop, "#f-options", "The owner\nEveryone\nNobody\nThe community manager");
                dragAndDrop(laptop, 6, 1);
                assertThat(titles(laptop).get(1)).isEqualTo("Guess");
                laptop.find("li[data-index='4'] .tool-delete").click();
                laptop.awaitVisible("#undo").click();
                assertThat(titles(laptop)).hasSize(8);
                laptop.find("li[data-index='5'] .tool-delete").click();
                new org.openqa.selenium.support.ui.Select(laptop.find("#add-kind")).selectByValue("slide");
                laptop.find("#add-step").click();
                replace(laptop, "#f-title", "Coffee break");
                replace(laptop, "#f-duration", "10");
                laptop.screenshot("agenda-editor-02-edited");
                assertNoViolations(laptop);
                laptop.resize(Chromium.Size.PROJECTOR);
                laptop.screenshot("agenda-editor-02-edited-1920");
                assertThat(laptop.scrollsSideways()).isFalse();
                assertThat(laptop.clippedText()).isEmpty();
                laptop.resize(Chromium.Size.CONSOLE);

                // A step not begun may become another kind: what the new kind has no field for stays behind.
                pick(laptop, 3);
                new org.openqa.selenium.support.ui.Select(laptop.find("#f-kind")).selectByValue("ideas");
                replace(laptop, "#f-prompt", "What should the bakery post about?");

                pick(laptop, 2);
                replace(laptop, "#f-options", "Only one option");
                laptop.find("#save").click();
                laptop.awaitVisible("#f-options[aria-invalid=true]");
                assertThat(Chromium.text(laptop.find(".field.invalid .field-problem"))).contains("2 to 12");
                assertThat(Chromium.text(laptop.find("li[data-index='2']"))).contains("problem");
                laptop.screenshot("agenda-editor-03-problem");
                assertNoViolations(laptop);
                assertThat(agenda(facilitator, room).at("/steps/1/title").asText()).as("nothing saved")
                        .isEqualTo("Single");

                replace(laptop, "#f-options", "The owner\nEveryone\nNobody\nThe community manager");
                laptop.find("#save").click();
                laptop.awaitText("#save-status", "All changes saved.");
                JsonNode saved = agenda(facilitator, room);
                List<String> stored = new ArrayList<>();
                saved.get("steps").forEach(s -> stored.add(s.path("title").asText()));
                assertThat(stored).containsExactly("Welcome", "Guess", "Single", "Multiple", "Scale", "Coffee break",
                        "Open", "Ranking");
                assertThat(saved.at("/steps/2/question").asText()).isEqualTo("Who should speak for the bakery?");
                assertThat(saved.at("/steps/5/duration").asText()).isEqualTo("10m");
                assertThat(saved.at("/steps/3/kind").asText()).isEqualTo("ideas");
                assertThat(saved.at("/steps/3/prompt").asText()).isEqualTo("What should the bakery post about?");
                assertThat(saved.at("/steps/3").has("question")).isFalse();

                // Before going live, the edited poll as a phone and as the projector would show it.
                pick(laptop, 2);
                laptop.find(".preview-phone").click();
                assertPreviewShows(laptop, "Who should speak for the bakery?", "The community manager");
                laptop.screenshot("agenda-editor-05-preview-phone");
                assertNoViolations(laptop);
                laptop.find("#preview-close").click();
                assertThat(active(laptop).getDomAttribute("class")).as("the focus is back at the preview button")
                        .contains("preview-phone");
                laptop.find(".preview-projector").click();
                assertPreviewShows(laptop, "Who should speak for the bakery?", "The community manager");
                laptop.screenshot("agenda-editor-06-preview-projector");
                type(laptop, Keys.ESCAPE);
                assertThat(laptop.find("#preview").getDomProperty("open")).isEqualTo("false");
                JsonNode untouched = room.console().await("state");
                assertThat(untouched.at("/workshop/state").asText()).as("the preview changed nothing").isEqualTo("draft");
                assertThat(untouched.at("/step/index").asInt()).isZero();
                assertThat(untouched.at("/presence/joined").asInt()).isZero();

                room.act("/live");
                room.goTo(2);
                InBrowser.joinByLink(phone, server, room.code, "Ana");
                InBrowser.awaitPhoneStep(phone, 2);
                phone.awaitText("#phone", "Who should speak for the bakery?");
                InBrowser.tapOption(phone, "The community manager");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone", "Saved");
                assertThat(laptop.consoleErrors()).as("the refused save's 422 is the only failed request")
                        .allSatisfy(e -> assertThat(e).contains("422"));
            }
        }
    }

    @Test
    void an_empty_agenda_is_written_with_the_keyboard_alone() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "empty/es", "Taller", "Bufete Soler")) {
                InBrowser.logIn(laptop, server);
                laptop.go(server.baseUrl() + "/facilitate/" + room.id + "/agenda");
                InBrowser.switchLanguage(laptop, "es");
                laptop.awaitVisible("#step-list li");
                assertThat(titles(laptop)).containsExactly("Bienvenida");

                tabTo(laptop, "#add-kind");
                for (int down = 0; down < 7; down++) {
                    type(laptop, Keys.ARROW_DOWN);
                }
                assertThat(laptop.find("#add-kind").getDomProperty("value")).isEqualTo("ranking");
                tabTo(laptop, "#add-step");
                assertThat(focusOutline(laptop)).as("the focus is visible").isNotEqualTo("none");
                type(laptop, Keys.ENTER);
                assertThat(active(laptop).getDomAttribute("id")).as("the new step's form has the focus")
                        .isEqualTo("f-kind");
                tabTo(laptop, "#f-question");
                type(laptop, "¿Qué pesa más para nosotros?");
                tabTo(laptop, "#f-options");
                type(laptop, Keys.chord(Keys.CONTROL, "a"), "Coherencia\nCoordinación\nConversación");

                tabTo(laptop, "li[data-index='1'] .tool-up");
                type(laptop, Keys.ENTER);
                assertThat(titles(laptop).get(0)).isEqualTo("Clasificación nueva");
                assertThat(active(laptop).getDomAttribute("class")).as("focus stays with the moved step")
                        .contains("pick");
                tabTo(laptop, "li[data-index='0'] .tool-copy");
                type(laptop, Keys.ENTER);
                tabTo(laptop, "li[data-index='1'] .tool-delete");
                type(laptop, Keys.ENTER);
                tabTo(laptop, "#undo");
                type(laptop, Keys.ENTER);
                assertThat(titles(laptop)).hasSize(3);
                tabTo(laptop, "li[data-index='1'] .tool-delete");
                type(laptop, Keys.ENTER);
                laptop.screenshot("agenda-editor-04-keyboard-es");
                assertNoViolations(laptop);
                type(laptop, Keys.chord(Keys.CONTROL, "s"));
                laptop.awaitText("#save-status", "Todos los cambios están guardados.");

                JsonNode saved = agenda(facilitator, room);
                assertThat(saved.get("steps")).hasSize(2);
                assertThat(saved.at("/steps/0/kind").asText()).isEqualTo("ranking");
                assertThat(saved.at("/steps/0/options").toString())
                        .isEqualTo("[\"Coherencia\",\"Coordinación\",\"Conversación\"]");
                assertThat(saved.at("/steps/1/title").asText()).isEqualTo("Bienvenida");

                // The saved ranking, previewed as a phone, by keyboard too.
                tabTo(laptop, "li[data-index='0'] .pick");
                type(laptop, Keys.ENTER);
                tabTo(laptop, ".preview-phone");
                type(laptop, Keys.ENTER);
                laptop.driver().switchTo().frame(laptop.find("#preview-frame"));
                laptop.awaitText("main", "¿Qué pesa más para nosotros?");
                assertThat(Chromium.text(laptop.find(".preview-banner"))).startsWith("Vista previa");
                laptop.driver().switchTo().defaultContent();
                laptop.screenshot("agenda-editor-07-preview-phone-es");
                assertNoViolations(laptop);
                type(laptop, Keys.ESCAPE);
                assertThat(active(laptop).getDomAttribute("class")).contains("preview-phone");

                // Live, a phone gets exactly the ranking written here (the draft stayed on its welcome, now second).
                room.act("/live");
                room.goTo(0);
                try (Chromium phone = Chromium.phone()) {
                    InBrowser.joinByLink(phone, server, room.code, "Ana");
                    InBrowser.awaitPhoneStep(phone, 0);
                    phone.awaitText("#phone h1", "¿Qué pesa más para nosotros?");
                    assertThat(phone.findAll("#phone .rank-list .label").stream().map(Chromium::text).toList())
                            .containsExactly("Coherencia", "Coordinación", "Conversación");
                }
            }
        }
    }

    @Test
    void a_quiz_question_is_written_in_the_editor_and_its_right_option_never_reaches_the_preview() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
                InBrowser.logIn(laptop, server);
                laptop.go(server.baseUrl() + "/facilitate/" + room.id + "/agenda");
                laptop.awaitVisible("#step-list li");
                new org.openqa.selenium.support.ui.Select(laptop.find("#add-kind")).selectByValue("quiz");
                laptop.find("#add-step").click();
                replace(laptop, "#f-question", "Who answers customers online?");
                replace(laptop, "#f-options", "Nobody\nWhoever the matrix says");
                replace(laptop, "#f-correct", "Whoever the matrix sees");
                laptop.find("#save").click();
                laptop.awaitVisible("#f-correct[aria-invalid=true]");
                assertThat(Chromium.text(laptop.find(".field.invalid .field-problem"))).contains("is not one of the options");
                assertNoViolations(laptop);
                replace(laptop, "#f-correct", "Whoever the matrix says");
                replace(laptop, "#f-seconds", "15");
                laptop.find("#save").click();
                laptop.awaitText("#save-status", "All changes saved.");
                laptop.screenshot("agenda-editor-07-quiz");
                JsonNode step = agenda(facilitator, room).at("/steps/1");
                assertThat(step.path("kind").asText()).isEqualTo("quiz");
                assertThat(step.at("/correct/0").asText()).isEqualTo("Whoever the matrix says");
                assertThat(step.path("seconds").asInt()).isEqualTo(15);

                pick(laptop, 1);
                laptop.find(".preview-phone").click();
                assertPreviewShows(laptop, "Who answers customers online?", "Whoever the matrix says");
                laptop.driver().switchTo().frame(laptop.find("#preview-frame"));
                try {
                    assertThat(laptop.findAll(".quiz-option.right")).as("the right option stays a secret").isEmpty();
                } finally {
                    laptop.driver().switchTo().defaultContent();
                }
            }
        }
    }

    /** The preview's frame shows these texts and says it is a preview; nothing in it is connected. */
    private static void assertPreviewShows(Chromium laptop, String... texts) {
        laptop.awaitVisible("#preview-frame");
        laptop.driver().switchTo().frame(laptop.find("#preview-frame"));
        try {
            for (String text : texts) {
                laptop.awaitText("main", text);
            }
            assertThat(Chromium.text(laptop.find(".preview-banner"))).contains("Preview");
            assertThat(Chromium.text(laptop.find("#conn"))).isEqualTo("Preview");
        } finally {
            laptop.driver().switchTo().defaultContent();
        }
    }

    private static void assertNoViolations(Chromium browser) {
        assertThat(InBrowser.violations(browser)).as("axe-core, WCAG 2.1 A and AA").isEmpty();
    }

    private static JsonNode agenda(Browser facilitator, LiveRoom room) throws Exception {
        return JSON.readTree(facilitator.get("/facilitate/" + room.id + "/agenda.json").body());
    }

    private static List<String> titles(Chromium laptop) {
        return laptop.findAll("#step-list .pick-title").stream()
                .map(e -> Chromium.text(e).replaceFirst("^\\d+\\. ", "")).toList();
    }

    private static void pick(Chromium laptop, int index) {
        laptop.find("li[data-index='" + index + "'] .pick").click();
    }

    private static void replace(Chromium laptop, String css, String text) {
        WebElement input = laptop.awaitVisible(css);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** HTML5 drag and drop as the browser fires it; WebDriver's own drag does not fire these events. */
    private static void dragAndDrop(Chromium laptop, int from, int to) {
        laptop.script("const list = document.getElementById('step-list');"
                + "const a = list.querySelector(\"li[data-index='\" + arguments[0] + \"']\");"
                + "const b = list.querySelector(\"li[data-index='\" + arguments[1] + \"']\");"
                + "const data = new DataTransfer();"
                + "a.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "b.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "b.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "a.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));", from, to);
    }

    private static WebElement active(Chromium laptop) {
        return laptop.driver().switchTo().activeElement();
    }

    private static void type(Chromium laptop, CharSequence... keys) {
        active(laptop).sendKeys(keys);
    }

    /** Presses Tab (Shift+Tab when it is behind) until the element has the focus, as a keyboard user would. */
    private static void tabTo(Chromium laptop, String css) {
        WebElement target = laptop.awaitVisible(css);
        boolean behind = (Boolean) laptop.script("return !!(arguments[0].compareDocumentPosition(document.activeElement)"
                + " & Node.DOCUMENT_POSITION_FOLLOWING);", target);
        for (int presses = 0; presses < 80; presses++) {
            if (target.equals(active(laptop))) {
                return;
            }
            type(laptop, behind ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private static String focusOutline(Chromium laptop) {
        return (String) laptop.script("return getComputedStyle(document.activeElement).outlineStyle;");
    }
}
