package org.tallersocial.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/**
 * A workshop speaks its language to phones and the projector; a person's own
 * choice wins; the console follows its facilitator; the home page follows the
 * browser.
 */
class LanguageTest {

    private TestServer server;
    private Browser facilitator;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.REAL_CONTENT);
        facilitator = Facilitators.first(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_spanish_workshop_speaks_spanish_to_a_phone_and_the_projector() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/es")) {
            Browser phone = server.browser();
            Browser.Response notYet = phone.get("/j/" + room.code + "?k=" + room.key);
            assertThat(notYet.body()).contains("<html lang=\"es\">").contains("Este taller todavía no ha empezado");

            room.act("/live");
            Browser.Response join = phone.get("/j/" + room.code);
            assertThat(join.body()).contains("<html lang=\"es\">").contains("Tu nombre (opcional)")
                    .contains("Entrar en el taller").doesNotContain("Join the workshop");
            assertThat(join.body()).as("the scripts get their texts in Spanish").contains("\"send\":\"Enviar\"");

            Browser.Response projector = server.browser().get("/w/" + room.code + "/screen");
            assertThat(projector.body()).contains("<html lang=\"es\">").contains("En el móvil, abre")
                    .contains("o escanéalo para entrar").doesNotContain("On your phone");
            assertThat(projector.body()).as("no language switch on the projector").doesNotContain("action=\"/language\"");
        }
    }

    @Test
    void a_persons_choice_wins_over_the_workshops_language() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/es")) {
            room.act("/live");
            Browser phone = server.browser();
            assertThat(phone.get("/j/" + room.code).body()).contains("Entrar en el taller")
                    .contains("action=\"/language\"").contains("name=\"back\" value=\"/j/" + room.code + "\"");

            Browser.Response chosen = phone.post("/language", "lang", "en", "back", "/j/" + room.code);
            assertThat(chosen.status()).isEqualTo(303);
            assertThat(chosen.location()).contains("/j/" + room.code);
            assertThat(phone.cookie(LanguageChoice.COOKIE)).contains("en");

            assertThat(phone.get("/j/" + room.code).body()).contains("<html lang=\"en\">")
                    .contains("Join the workshop").doesNotContain("Entrar en el taller");
            assertThat(phone.get("/w/" + room.code + "/screen").body()).as("the projector in the same browser")
                    .contains("On your phone, open");

            phone.post("/language", "lang", "es", "back", "/");
            assertThat(phone.get("/j/" + room.code).body()).contains("Entrar en el taller");
        }
    }

    @Test
    void an_english_workshop_speaks_english_unless_the_person_chose_spanish() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/en")) {
            room.act("/live");
            assertThat(server.browser().get("/j/" + room.code).body()).contains("<html lang=\"en\">")
                    .contains("Join the workshop");
            Browser spanish = server.browser();
            spanish.post("/language", "lang", "es", "back", "/j/" + room.code);
            assertThat(spanish.get("/j/" + room.code).body()).contains("<html lang=\"es\">")
                    .contains("Entrar en el taller");
        }
    }

    @Test
    void the_home_page_follows_the_browsers_language() {
        Browser browser = server.browser();
        assertThat(browser.get("/", "Accept-Language", "es-ES,es;q=0.9,en;q=0.8").body())
                .contains("<html lang=\"es\">").contains("Entra en un taller").contains("¿Diriges un taller?");
        assertThat(browser.get("/", "Accept-Language", "en-GB,en;q=0.9").body())
                .contains("<html lang=\"en\">").contains("Join a workshop");
        assertThat(browser.get("/", "Accept-Language", "fr-FR,de;q=0.5").body()).as("a language we do not speak")
                .contains("<html lang=\"en\">");
        assertThat(browser.get("/").body()).as("no Accept-Language at all").contains("<html lang=\"en\">");

        browser.post("/language", "lang", "en", "back", "/");
        assertThat(browser.get("/", "Accept-Language", "es").body()).as("the person's choice wins over the browser's")
                .contains("<html lang=\"en\">");
    }

    @Test
    void a_bad_code_is_explained_in_the_browsers_language() {
        Browser.Response r = server.browser().get("/j?code=XY-1", "Accept-Language", "es");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Un código tiene 6 letras y cifras");
    }

    @Test
    void the_console_follows_its_facilitators_choice_not_the_workshops() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/es")) {
            assertThat(facilitator.get("/facilitate/" + room.id).body()).contains("<html lang=\"en\">")
                    .contains("Go live").contains("Workshop language: Spanish");

            facilitator.post("/language", "lang", "es", "back", "/facilitate/" + room.id);
            String console = facilitator.get("/facilitate/" + room.id).body();
            assertThat(console).contains("<html lang=\"es\">").contains("Empezar el taller")
                    .contains("Idioma del taller: español").contains("Paso siguiente");
            assertThat(facilitator.get("/facilitate").body()).contains("Tus talleres").contains("borrador")
                    .doesNotContain(">draft<");
            assertThat(facilitator.get("/facilitate/99999").body()).as("an error page")
                    .contains("No existe ese taller");
        }
    }

    @Test
    void the_switch_goes_back_only_to_a_page_of_this_site() {
        Browser browser = server.browser();
        assertThat(browser.post("/language", "lang", "es", "back", "//evil.example/x").location()).contains("/");
        assertThat(browser.post("/language", "lang", "es", "back", "https://evil.example/").location()).contains("/");
        assertThat(browser.post("/language", "lang", "xx", "back", "/").status()).isEqualTo(400);
    }

    @Test
    void socket_errors_come_in_the_language_the_page_asks_for() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/en")) {
            room.act("/live");
            LiveRoom.Phone phone = room.join("Ana");
            try (WsClient spanish = WsClient.connect(server.wsUrl() + "/ws/phone/" + room.code + "?lang=es",
                    phone.browser.cookieHeader())) {
                spanish.send("{not json");
                assertThat(error(spanish).path("message").asText()).isEqualTo("Ese mensaje no es JSON válido.");
            }
            phone.ws.send("{not json");
            assertThat(error(phone.ws).path("message").asText()).as("without ?lang, the workshop's language")
                    .isEqualTo("That message is not valid JSON.");
        }
    }

    @Test
    void a_phone_of_a_spanish_workshop_gets_spanish_errors_by_default() {
        try (LiveRoom room = LiveRoom.draft(server, facilitator, "social-business/es")) {
            room.act("/live");
            LiveRoom.Phone phone = room.join("Ana");
            phone.ws.send("{\"type\":\"vote-for-me\"}");
            assertThat(error(phone.ws).path("message").asText()).isEqualTo("Tipo de mensaje desconocido «vote-for-me».");
        }
    }

    private static JsonNode error(WsClient ws) {
        return ws.await(m -> "error".equals(m.path("type").asText()), Duration.ofSeconds(10));
    }

    @Test
    void login_and_account_form_problems_come_in_the_chosen_language() {
        Browser spanish = server.browser();
        spanish.setCookie("ts_lang", "es");
        Browser.Response wrong = spanish.post("/login", "email", "marta@example.org", "password", "not the password");
        assertThat(wrong.body()).contains("Correo electrónico o contraseña incorrectos.").doesNotContain("Wrong email");
    }

    @Test
    void the_create_form_offers_the_full_workshop_in_the_facilitators_language_first() {
        for (String lang : java.util.List.of("en", "es")) {
            String page = facilitator.get("/facilitate", "Accept-Language", lang).body();
            assertThat(page).as(lang).containsPattern("<option value=\"social-business/" + lang + "\" selected>");
            assertThat(page.split(" selected>", -1)).as("one preselected template (and the compare form's two)")
                    .hasSizeLessThanOrEqualTo(2 + 1);
        }
    }
}
