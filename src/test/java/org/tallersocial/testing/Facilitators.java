package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facilitator accounts made the way people make them: the setup link, then invitations. */
public final class Facilitators {

    public static final String PASSWORD = "correct horse battery";
    private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})");

    private Facilitators() {
    }

    /** The first account, created through the one-time setup link; the browser is logged in. */
    public static Browser first(TestServer server) {
        return first(server, server.browser());
    }

    /** The first account, made in the given browser (e.g. one that reaches the kit through a proxy). */
    public static Browser first(TestServer server, Browser browser) {
        String path = server.app().auth().setupPathIfNeeded().orElseThrow();
        browser.get(path);
        Browser.Response r = browser.post(path, "name", "Marta Facilitadora", "email", "marta@example.org",
                "password", PASSWORD, "confirm", PASSWORD);
        assertThat(r.status()).as("setup answers with a redirect: %s", r.body()).isEqualTo(303);
        return browser;
    }

    /** A further facilitator, invited by a logged-in one. */
    public static Browser invited(TestServer server, Browser inviter, String email) {
        Browser.Response page = inviter.post("/facilitate/team/invitations", "note", "colleague");
        Matcher m = INVITE.matcher(page.body() + page.location().orElse(""));
        if (!m.find()) {
            page = inviter.get(page.location().orElse("/facilitate/team"));
            m = INVITE.matcher(page.body());
            assertThat(m.find()).as("the team page shows the invitation link").isTrue();
        }
        String path = "/invite/" + m.group(1);
        Browser browser = server.browser();
        browser.get(path);
        Browser.Response r = browser.post(path, "name", "Second Facilitator", "email", email,
                "password", PASSWORD, "confirm", PASSWORD);
        assertThat(r.status()).as("invitation accepted: %s", r.body()).isEqualTo(303);
        return browser;
    }
}
