package org.tallersocial.browser;

import org.junit.jupiter.api.Test;
import org.tallersocial.testing.TestServer;

/** The shipped workshop in Spanish, step by step, with a room of phones answering. */
class SpanishWorkshopTourTest extends ScreenshotTour {

    /** The same walk in Spanish, whose texts run about a fifth longer: phones, projector and a Spanish console. */
    @Test
    void every_step_of_the_spanish_workshop_on_phones_and_the_projector() {
        tour(TestServer.REAL_CONTENT, "social-business/es", "real-es", false);
    }
}
