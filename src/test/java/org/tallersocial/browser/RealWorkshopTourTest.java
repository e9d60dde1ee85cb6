package org.tallersocial.browser;

import org.junit.jupiter.api.Test;
import org.tallersocial.testing.TestServer;

/** The shipped workshop in English, step by step, with a room of phones answering. */
class RealWorkshopTourTest extends ScreenshotTour {

    @Test
    void every_step_of_the_real_workshop_on_phones_and_the_projector() {
        tour(TestServer.REAL_CONTENT, "social-business/en", "real", false);
    }
}
