package org.parley.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the services' APIs with real Keycloak tokens of the demo users. */
public final class ApiClient {

    /** An answer: status and parsed JSON body (a missing node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode body, String raw) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();

    public ApiClient(String keycloakUrl) {
        this.keycloak = keycloakUrl;
    }

    /** A demo user's access token (password = username + "-pass"), cached until shortly before expiry. */
    public synchronized String token(String username) throws IOException, InterruptedException {
        Instant expiry = expiries.get(username);
        if (expiry != null && Instant.now().isBefore(expiry)) {
            return tokens.get(username);
        }
        String form = "grant_type=password&client_id=parley-cli&username=" + encode(username) + "&password="
                + encode(username + "-pass");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/parley/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        tokens.put(username, body.path("access_token").asText());
        expiries.put(username, Instant.now().plusSeconds(body.path("expires_in").asLong(60) - 30));
        return tokens.get(username);
    }

    public Answer get(String user, String url) throws IOException, InterruptedException {
        return send(user, "GET", url, null);
    }

    public Answer post(String user, String url, Object body) throws IOException, InterruptedException {
        return send(user, "POST", url, body);
    }

    /**
     * Sends a request; a 503 (a service that has not yet heard from access fails closed) is retried for
     * up to a minute, as its Retry-After asks.
     */
    public Answer send(String user, String method, String url, Object body) throws IOException, InterruptedException {
        return send(user, method, url, body, Map.of());
    }

    /**
     * An update made from the version the caller read: {@code If-Match} names it, as the services require on
     * every change of a case section or an interview (428 without it, 412 when someone changed it meanwhile).
     */
    public Answer update(String user, String method, String url, long versionRead, Object body)
            throws IOException, InterruptedException {
        return send(user, method, url, body, Map.of("If-Match", "\"" + versionRead + "\""));
    }

    private Answer send(String user, String method, String url, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer answer = sendOnce(user, method, url, body, headers);
        while (answer.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = sendOnce(user, method, url, body, headers);
        }
        return answer;
    }

    private Answer sendOnce(String user, String method, String url, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed;
        try {
            parsed = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            parsed = JSON.missingNode();
        }
        return new Answer(response.statusCode(), parsed, response.body());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
