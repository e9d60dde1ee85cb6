package org.tallersocial.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a joined phone downloads: the live page and every file it loads, as sent (gzip) and unpacked. */
final class PageWeight {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");

    private final HttpClient http;
    private final String baseUrl;

    PageWeight(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    void log(String code, String cookies) {
        try {
            String page = "/j/" + code;
            HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(baseUrl + page))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            List<String> files = new ArrayList<>(List.of(page));
            Matcher m = ASSET.matcher(html.body());
            while (m.find()) {
                files.add(m.group(1));
            }
            long sent = 0;
            long unpacked = 0;
            for (String f : files) {
                HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(baseUrl + f))
                        .header("Cookie", cookies).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                sent += gz.body().length;
                HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(baseUrl + f))
                        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
                unpacked += plain.body().length;
            }
            Bench.log("phone page: %.1f KB as sent (gzip), %.1f KB unpacked, %d files, all from this server",
                    sent / 1024.0, unpacked / 1024.0, files.size());
        } catch (IOException e) {
            Bench.log("phone page: could not weigh it: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
