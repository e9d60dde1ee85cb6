package org.tallersocial.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** One person's browser: keeps cookies, never follows redirects, sends the CSRF token like our forms do. */
public final class Browser {

    public record Response(int status, String body, Optional<String> location, List<String> setCookies) {
    }

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Browser(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param tls what this browser trusts over https (a test's own certificate), or null for the default */
    public Browser(String baseUrl, javax.net.ssl.SSLContext tls) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient client() {
        return client;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A GET with extra request headers, given as name, value, name, value... (e.g. "Accept-Language", "es"). */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A form post with the CSRF cookie's token in {@code _csrf}, as every form of ours carries it. */
    public Response post(String path, String... fields) {
        String[] all = new String[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "_csrf";
        all[fields.length + 1] = csrfToken();
        return postRaw(path, all);
    }

    /** A form post exactly as given: no CSRF token added. */
    public Response postRaw(String path, String... fields) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            body.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        // Browsers send Origin with every form post; so does this one, so an Origin check can't pass by accident.
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A file form (multipart) as a browser sends it: the CSRF token as its field, then the file. */
    public Response postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----tallersocial" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrf = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/yaml\r\n\r\n";
        body.writeBytes(csrf.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** What a browser sends as Origin: scheme, host and port, never the path. */
    public String origin() {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** A JSON post as a page's script sends it: the CSRF token in its header, and this site as Origin. */
    public Response postJson(String path, String json) {
        return postJson(path, json, "Origin", origin(), "X-CSRF-Token", csrfToken());
    }

    /** A JSON post with exactly the given headers (name, value, ...) and nothing added. */
    public Response postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public String csrfToken() {
        return cookie("ts_csrf").orElseGet(() -> {
            get("/");
            return cookie("ts_csrf").orElseThrow();
        });
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The Cookie header this browser would send, for a WebSocket upgrade. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> !c.hasExpired())
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Stores a cookie as if the server had set it, replacing one of the same name. */
    public void setCookie(String name, String value) {
        try {
            cookies.put(URI.create(baseUrl + "/"), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // The server closed a kept-alive connection (after refusing a post it did not read) just as
                // this request went out on it: nothing reached a handler, so send it once more, as a browser does.
                if (!String.valueOf(closed.getMessage()).contains("received no bytes")) {
                    throw closed;
                }
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                    response.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
