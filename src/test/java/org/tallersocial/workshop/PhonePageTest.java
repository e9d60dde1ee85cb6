package org.tallersocial.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** The phone page on bad Wi-Fi: everything from our server, and little of it. */
class PhonePageTest {

    /** What crosses the Wi-Fi: the server gzips pages and assets. */
    static final int MAX_PHONE_WIRE_BYTES = 50 * 1024;
    /** What a cheap phone parses, once unpacked. */
    static final int MAX_PHONE_BYTES = 160 * 1024;
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private static int gzipped(Browser browser, String path) {
        try {
            java.net.http.HttpResponse<byte[]> r = browser.client().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(browser.baseUrl() + path)).header("Accept-Encoding", "gzip")
                            .header("Cookie", browser.cookieHeader()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.headers().firstValue("Content-Encoding")).as("%s is sent compressed", path).contains("gzip");
            return r.body().length;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_phone_page_loads_nothing_from_outside_and_weighs_little() {
        try (TestServer server = TestServer.start()) {
            LiveRoom room = LiveRoom.live(server, Facilitators.first(server));
            LiveRoom.Phone phone = room.join("Ana");
            Browser.Response page = phone.browser.get("/j/" + room.code);
            assertThat(page.body()).contains("id=\"phone\"").as("the console's texts stay on the console")
                    .doesNotContain("clock_workshop");

            List<String> assets = new ArrayList<>();
            Matcher m = ASSET.matcher(page.body());
            while (m.find()) {
                assets.add(m.group(1));
            }
            assertThat(assets).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("/").doesNotStartWith("//"));

            int total = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int wire = gzipped(phone.browser, "/j/" + room.code);
            for (String asset : assets) {
                Browser.Response r = phone.browser.get(asset);
                assertThat(r.status()).as(asset).isEqualTo(200);
                total += r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                wire += gzipped(phone.browser, asset);
            }
            assertThat(total).as("bytes of the phone page and everything it loads, uncompressed").isLessThan(MAX_PHONE_BYTES);
            assertThat(wire).as("bytes of the phone page and everything it loads, as sent").isLessThan(MAX_PHONE_WIRE_BYTES);
            room.close();
        }
    }
}
