package org.tallersocial.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** A facilitator puts two runs of the workshop side by side and sees what changed. */
class CompareTest {

    @Test
    void two_workshops_side_by_side_mark_what_changed() {
        try (TestServer server = TestServer.start(TestServer.REAL_CONTENT)) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom before = DefaultRun.closed(server, facilitator, "Panadería Ruiz");
            LiveRoom after = DefaultRun.closed(server, facilitator, "Panadería Ruiz, six months on", 1);
            assertThat(facilitator.get("/facilitate").body()).contains("Compare two workshops");

            Browser.Response page = facilitator.get("/facilitate/workshops/compare?a=" + before.id + "&b=" + after.id);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Internal readiness").contains("Our culture")
                    .contains("3.8").contains("4.5").contains("▲")
                    .contains("How we are organised").contains("Willing to link their profiles").contains("LinkedIn")
                    .contains("0 of 1 done");

            Browser stranger = Facilitators.invited(server, facilitator, "other@example.org");
            assertThat(stranger.get("/facilitate/workshops/compare?a=" + before.id + "&b=" + after.id).status())
                    .isEqualTo(403);
            assertThat(facilitator.get("/facilitate/workshops/compare?a=x&b=" + after.id).status()).isEqualTo(404);
            before.close();
            after.close();
        }
    }
}
