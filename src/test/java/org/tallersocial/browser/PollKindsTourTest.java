package org.tallersocial.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Chromium.Size;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;

/** Every poll kind on phones, the projector and the console, and a crowded room on the projector. */
class PollKindsTourTest extends ScreenshotTour {

    @Test
    void every_poll_kind_on_phones_the_projector_and_the_console() {
        tour(TestServer.TEST_CONTENT, "poll-kinds/en", "kinds", true);
    }

    @Test
    void a_crowded_room_still_fits_the_projector() {
        try (TestServer server = TestServer.start(); Chromium projector = Chromium.projector()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            try (room) {
                InBrowser.openProjector(projector, server, room);
                List<Phone> phones = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    phones.add(room.join(i % 3 == 0 ? "" : "Person " + i));
                }
                WsClient console = room.console();

                room.goTo(4);
                long cloud = console.awaitStep(4).at("/step/id").asLong();
                for (int i = 0; i < phones.size(); i++) {
                    phones.get(i).answerAndWait(cloud, List.of("word" + i, WORDS[i % WORDS.length], "idea" + (i % 7)));
                }
                projector.awaitText("#stage", phones.size() + " answers");
                shootProjector(projector, "crowd-cloud-projector");

                room.goTo(5);
                long wall = console.awaitStep(5).at("/step/id").asLong();
                for (int i = 0; i < phones.size(); i++) {
                    phones.get(i).answerAndWait(wall, trim("Answer " + i + ": " + TEXTS[i % TEXTS.length], 100));
                }
                projector.awaitText("#stage", phones.size() + " answers");
                projector.awaitText("#stage .more", "more answers on the facilitator");
                checks.assertThat(Chromium.text(projector.find("#stage .wall li")))
                        .as("the newest answer comes first").startsWith("Answer " + (phones.size() - 1) + ":");
                shootProjector(projector, "crowd-wall-projector");
                projector.resize(Size.OLD_PROJECTOR);
                projector.await(d -> Chromium.text(d.findElement(By.cssSelector("#stage .more"))).contains("more"));
                shootProjector(projector, "crowd-wall-projector-1024x768");
                room.goTo(1);
                long single = console.awaitStep(1).at("/step/id").asLong();
                for (int i = 0; i < phones.size(); i++) {
                    phones.get(i).answerAndWait(single, i % 3);
                }
                InBrowser.awaitProjectorStep(projector, 1);
                projector.awaitText("#stage", phones.size() + " answers");
                shootProjector(projector, "crowd-single-projector-1024x768");
                room.goTo(0);
                InBrowser.awaitProjectorStep(projector, 0);
                shootProjector(projector, "crowd-welcome-projector-1024x768");
            }
        }
        checks.assertAll();
    }
}
