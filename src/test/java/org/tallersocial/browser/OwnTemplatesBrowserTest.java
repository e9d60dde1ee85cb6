package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** "Save as template" from the console, the team's templates on the workshops page, and a refused upload. */
class OwnTemplatesBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_workshop_saved_as_a_template_is_listed_and_offered_and_a_wrong_file_says_what_is_wrong() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en", "Bakery all hands", "Panadería")) {
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                laptop.find(".console-side details.card > summary").click();
                laptop.awaitVisible(".template-form button").click();
                laptop.await(d -> d.getCurrentUrl().endsWith("/facilitate#templates"));
                laptop.awaitText("#templates", "Bakery all hands");
                assertThat(laptop.find("select[name=template]").getText()).contains("Bakery all hands (English, 8 steps");
                laptop.script("document.getElementById('templates').scrollIntoView();");
                laptop.screenshot("templates-01-list-en");
                assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();

                InBrowser.switchLanguage(laptop, "es");
                laptop.awaitText("#templates", "Plantillas");
                laptop.script("document.getElementById('templates').scrollIntoView();");
                laptop.screenshot("templates-02-list-es");
                assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();

                Path wrong = Files.createTempFile("bakery", ".yaml");
                Files.writeString(wrong, "id: bakery\nlanguage: en\ntitle: \"Bakery\"\nsteps:\n  - id: a\n"
                        + "    kind: slide\n    title: \"A\"\n    duration: 90 minutes\n");
                laptop.find(".upload-form input[type=file]").sendKeys(wrong.toString());
                laptop.find(".upload-form button").click();
                laptop.awaitText("h1", "Plantilla no subida");
                assertThat(Chromium.text(laptop.find(".problems-list"))).contains("línea 8")
                        .contains("steps[0].duration");
                laptop.screenshot("templates-03-refused-es");
                assertThat(InBrowser.violations(laptop)).as("axe-core, WCAG 2.1 A and AA").isEmpty();
                assertThat(laptop.scrollsSideways()).isFalse();
            }
        }
    }
}
