package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Agendas;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** On a phone that has answered: a poll reset asks again, and a live correction of the question shows at once. */
class PollResetBrowserTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void a_phone_is_asked_again_after_a_reset_and_sees_a_corrected_question_without_reloading() throws Exception {
        try (TestServer server = TestServer.start(TestServer.TEST_CONTENT); Chromium laptop = Chromium.console();
             Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            try (LiveRoom room = LiveRoom.draft(server, facilitator, "poll-kinds/en")) {
                room.act("/live");
                room.goTo(1);
                InBrowser.joinByLink(phone, server, room.code, "Ana");
                InBrowser.awaitPhoneStep(phone, 1);
                InBrowser.tapOption(phone, "Everyone");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone", "Saved");

                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                laptop.script("window.confirm = function () { return true; };");
                laptop.awaitVisible("#poll-reset").click();
                phone.awaitText("#phone .notice", "The facilitator reset this poll: please answer again.");
                assertThat(phone.findAll("#phone .choice input:checked")).as("nothing picked any more").isEmpty();
                phone.screenshot("poll-reset-01-phone");
                assertThat(InBrowser.seriousViolations(phone)).as("axe-core on the phone").isEmpty();
                laptop.screenshot("poll-reset-02-console");

                ObjectNode agenda = Agendas.editable(facilitator, room.id);
                ((ObjectNode) agenda.at("/steps/1")).put("question", "Who should speak for us online?");
                assertThat(Agendas.save(facilitator, room.id, agenda).status()).isEqualTo(200);
                phone.awaitText("#phone h1", "Who should speak for us online?");
                InBrowser.tapOption(phone, "Nobody");
                InBrowser.pressSend(phone);
                phone.awaitText("#phone", "Saved");
            }
        }
    }
}
