package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A phone in a real Chromium (whose own language is English) joins a workshop
 * and answers in the workshop's language, switches to the other language,
 * and sees the revealed result in it.
 */
class LanguageJourneyTest {

    /** What a phone shows in one language. */
    record Words(String lang, String join, String stepThreeOf, String send, String saved, String savedCanChange,
                 String changeAnswer, String results, String oneAnswer, String oneOfOne) {
        @Override
        public String toString() {
            return lang;
        }
    }

    static final Words SPANISH = new Words("es", "Entrar en el taller", "Paso 3 de", "Enviar", "Guardado ✓",
            "Tu respuesta está guardada ✓", "Cambiar mi respuesta", "Resultados", "1 respuesta", "1 · 100\u00a0%");
    static final Words ENGLISH = new Words("en", "Join the workshop", "Step 3 of", "Send", "Saved ✓",
            "Your answer is saved ✓", "Change my answer", "Results", "1 answer", "1 · 100%");

    private TestServer server;
    private Browser facilitator;

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.REAL_CONTENT);
        facilitator = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Words[]> languages() {
        return Stream.of(new Words[] {SPANISH, ENGLISH}, new Words[] {ENGLISH, SPANISH});
    }

    @ParameterizedTest(name = "a workshop in {0}, switched to {1}")
    @MethodSource("languages")
    void a_phone_answers_in_the_workshops_language_and_can_switch(Words workshop, Words other) {
        LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/" + workshop.lang());
        room.act("/live");
        try (room; Chromium phone = Chromium.phone()) {
            WsClient console = room.console();
            phone.go(server.baseUrl() + "/j/" + room.code);
            assertThat(lang(phone)).as("the join page speaks the workshop's language").isEqualTo(workshop.lang());
            assertThat(phone.find("form[action^='/j/'] button[type=submit]").getText()).isEqualTo(workshop.join());
            phone.awaitVisible("input[name=name]").sendKeys("Ana");
            phone.find("form[action^='/j/'] button[type=submit]").click();
            InBrowser.awaitConnected(phone);
            assertThat(lang(phone)).isEqualTo(workshop.lang());

            room.goTo(2);
            long stepId = console.awaitStep(2).at("/step/id").asLong();
            InBrowser.awaitPhoneStep(phone, 2);
            phone.awaitText("#phone .step-meta", workshop.stepThreeOf());
            phone.awaitVisible("#phone .choice").click();
            assertThat(phone.find("#phone .send-row button").getText()).isEqualTo(workshop.send());
            InBrowser.pressSend(phone);
            assertThat(phone.awaitText("#phone .status", workshop.saved()).getDomAttribute("class")).contains("ok");

            InBrowser.switchLanguage(phone, other.lang());
            InBrowser.awaitConnected(phone);
            phone.awaitText("#phone .step-meta", other.stepThreeOf());
            phone.awaitText("#phone .status", other.savedCanChange());
            assertThat(phone.find("#phone .send-row button").getText()).isEqualTo(other.changeAnswer());

            room.poll(stepId, "close");
            room.poll(stepId, "reveal");
            phone.awaitText("#phone .phone-results h2", other.results());
            phone.awaitText("#phone .phone-results .voters", other.oneAnswer());
            phone.await(d -> d.findElements(By.cssSelector("#phone .phone-results .bar-value")).stream()
                    .map(Chromium::text).anyMatch(other.oneOfOne()::equals));
            assertThat(phone.scrollsSideways()).as("the phone page fits its width").isFalse();
            assertThat(phone.consoleErrors()).as("script errors and refused content").isEmpty();
        }
    }

    private static String lang(Chromium browser) {
        return browser.find("html").getDomAttribute("lang");
    }
}
