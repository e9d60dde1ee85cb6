package org.tallersocial.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallersocial.testing.TestServer;

/**
 * A kit people reach over https tells their browsers to come back only over https (HSTS) on every
 * answer, whatever it is; one reached over plain http never does, since a browser that believed it
 * would be locked out of a meeting room's http://192.168.1.20:7070.
 */
class TransportSecurityTest {

    static final String HSTS = "Strict-Transport-Security";

    @Test
    void over_https_every_answer_carries_strict_transport_security_for_a_year_without_subdomains() throws Exception {
        try (TestServer server = TestServer.reachedAt("https://localhost:8443", TestServer.TEST_CONTENT)) {
            Map<String, HttpResponse<String>> answers = answers(server);
            answers.forEach((what, r) -> assertThat(r.headers().allValues(HSTS)).as(what + " (" + r.statusCode() + ")")
                    .containsExactly("max-age=31536000"));
        }
    }

    @Test
    void under_a_path_even_what_lies_outside_it_carries_the_header() throws Exception {
        try (TestServer server = TestServer.reachedAt("https://localhost:8443/taller", TestServer.TEST_CONTENT)) {
            Map<String, HttpResponse<String>> answers = answers(server);
            HttpResponse<String> outside = send(server, HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/elsewhere")).GET());
            assertThat(outside.statusCode()).isEqualTo(404);
            answers.put("outside the path", outside);
            answers.forEach((what, r) -> assertThat(r.headers().allValues(HSTS)).as(what + " (" + r.statusCode() + ")")
                    .containsExactly("max-age=31536000"));
        }
    }

    @Test
    void over_plain_http_no_answer_carries_it() throws Exception {
        try (TestServer server = TestServer.start()) {
            answers(server).forEach((what, r) -> assertThat(r.headers().firstValue(HSTS))
                    .as(what + " (" + r.statusCode() + ")").isEmpty());
        }
    }

    /**
     * One answer of each kind the kit gives: pages, static files, JSON, redirects, refusals and errors. No login:
     * over an https public URL the kit's cookies are Secure, which this http client rightly never sends back.
     */
    private static Map<String, HttpResponse<String>> answers(TestServer server) throws Exception {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("home page", get(server, "/"));
        answers.put("login page", get(server, "/login"));
        answers.put("setup page", get(server, server.app().auth().setupPathIfNeeded().orElseThrow()));
        answers.put("stylesheet", get(server, "/css/base.css"));
        answers.put("script", get(server, "/js/phone.js"));
        answers.put("health", get(server, "/health"));
        answers.put("redirect to login", get(server, "/facilitate"));
        answers.put("unknown page", get(server, "/no/such/page"));
        answers.put("unknown code", get(server, "/j/ZZZZZZ"));
        answers.put("post without CSRF token", send(server, request(server, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x"))));
        answers.put("body too large", send(server, request(server, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=" + "a".repeat(200 * 1024)))));
        answers.put("backup route without the secret", send(server, request(server, "/admin/backup")
                .POST(HttpRequest.BodyPublishers.noBody())));
        answers.put("socket from another site", send(server, request(server, "/ws/phone/ZZZZZZ")
                .header("Origin", "https://evil.example").GET()));
        assertThat(answers.get("home page").statusCode()).isEqualTo(200);
        assertThat(answers.get("stylesheet").statusCode()).isEqualTo(200);
        assertThat(answers.get("redirect to login").statusCode()).isEqualTo(302);
        assertThat(answers.get("unknown page").statusCode()).isEqualTo(404);
        assertThat(answers.get("post without CSRF token").statusCode()).isEqualTo(403);
        assertThat(answers.get("body too large").statusCode()).isEqualTo(413);
        assertThat(answers.get("backup route without the secret").statusCode()).isEqualTo(403);
        return answers;
    }

    private static HttpRequest.Builder request(TestServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    }

    private static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return send(server, request(server, path).GET());
    }

    private static HttpResponse<String> send(TestServer server, HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
