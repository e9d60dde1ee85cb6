package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live workshop of the test templates on a server in a process of its own, standing on its first
 * poll (step 1), with phones joined through the join form and connected on their sockets: what the
 * tests that kill or restart the server start from.
 */
public record ProcessRoom(Browser facilitator, long id, String code, List<Browser> phones, List<WsClient> sockets) {

    private static final Pattern CODE = Pattern.compile("data-code=\"([A-Z0-9]{6})\"");

    /** The first facilitator's workshop, live on its first poll, with {@code phones} joined as "Phone n". */
    public static ProcessRoom live(ServerProcess server, String title, String company, int phones) {
        Browser facilitator = server.firstFacilitator();
        Browser.Response created = facilitator.post("/facilitate/workshops", "title", title, "company", company,
                "template", "poll-kinds/en");
        long id = Long.parseLong(created.location().orElseThrow().replace("/facilitate/", ""));
        Matcher m = CODE.matcher(facilitator.get("/facilitate/" + id).body());
        assertThat(m.find()).as("the console shows the join code").isTrue();
        String code = m.group(1);
        assertThat(facilitator.post("/facilitate/" + id + "/live").status()).isEqualTo(303);
        assertThat(facilitator.post("/facilitate/" + id + "/step", "to", "1").status()).isEqualTo(303);
        List<Browser> browsers = new ArrayList<>();
        List<WsClient> sockets = new ArrayList<>();
        for (int p = 0; p < phones; p++) {
            Browser phone = server.browser();
            phone.get("/j/" + code);
            assertThat(phone.post("/j/" + code, "name", "Phone " + p).status()).isEqualTo(303);
            browsers.add(phone);
            sockets.add(WsClient.connect(server.wsUrl() + "/ws/phone/" + code, phone.cookieHeader()));
        }
        return new ProcessRoom(facilitator, id, code, browsers, sockets);
    }
}
