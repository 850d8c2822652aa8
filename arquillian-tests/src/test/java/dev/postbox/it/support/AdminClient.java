package dev.postbox.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the admin REST API (java.net.http), sending the admin header on changes. */
public final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** A client of the application at that base URL. */
    public AdminClient(URL base) throws java.net.URISyntaxException {
        this.base = base.toURI();
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body body text
     * @param response the full response
     */
    public record Answer(int status, String body, HttpResponse<String> response) {

        /** The body as a JSON object. */
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        /** The body as a JSON array. */
        public JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        /** The {@code error} of an error body. */
        public String error() {
            return json().getString("error");
        }

        /** A response header. */
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** GET. */
    public Answer get(String path) throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** POST with a JSON body and the admin header. */
    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, true);
    }

    /** A request with a JSON body (or none), with or without the admin header. */
    public Answer send(String method, String path, String json, boolean adminHeader)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminHeader) {
            request.header("X-Postbox-Admin", "1");
        }
        return exchange(request);
    }

    /** A request with the admin header and another content type. */
    public Answer sendAs(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).header("X-Postbox-Admin", "1"));
    }

    private Answer exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }
}
