package org.parley.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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
    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final Executor renewer;

    /** A token, from when it is renewed in the background, and until when it is handed out at all. */
    private record Issued(String token, Instant renewFrom, Instant usableUntil) {}

    public ApiClient(String keycloakUrl) {
        this(keycloakUrl, Clock.systemUTC(), Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "api-client-token-renewal");
            thread.setDaemon(true);
            return thread;
        }));
    }

    ApiClient(String keycloakUrl, Clock clock, Executor renewer) {
        this.keycloak = keycloakUrl;
        this.clock = clock;
        this.renewer = renewer;
    }

    /**
     * A demo user's access token (password = username + "-pass"). Past half its lifetime it is renewed in the
     * background while callers keep the current one, so only the first call, or one after a failed renewal, waits
     * for Keycloak. (A renewal under a lock held every caller for a password grant's 0.3 s, which the bench's
     * fixed-rate slices measured as the service's latency.)
     */
    public String token(String username) throws IOException, InterruptedException {
        Issued current = issued.get(username);
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.usableUntil())) {
            return issueOnce(username, now).token();
        }
        if (!now.isBefore(current.renewFrom()) && renewing.add(username)) {
            renewer.execute(() -> {
                try {
                    issue(username);
                } catch (IOException | RuntimeException e) {
                    // The current token stays in use; past usableUntil the next caller fetches one itself.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    renewing.remove(username);
                }
            });
        }
        return current.token();
    }

    /**
     * Fetches a new token for the user now, so that none is renewed for half a lifetime (a benchmark calls it before a
     * measured window, which then holds no Keycloak password grant).
     */
    public String renewToken(String username) throws IOException, InterruptedException {
        return issue(username).token();
    }

    /** Fetches a token for the user unless another caller did while this one waited. */
    private synchronized Issued issueOnce(String username, Instant asked) throws IOException, InterruptedException {
        Issued current = issued.get(username);
        if (current != null && asked.isBefore(current.usableUntil())) {
            return current;
        }
        return issue(username);
    }

    private Issued issue(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=parley-cli&username=" + encode(username) + "&password="
                + encode(username + "-pass");
        Instant asked = clock.instant();
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
        long lifetime = body.path("expires_in").asLong(60);
        Issued fresh = new Issued(
                body.path("access_token").asText(),
                asked.plusSeconds(lifetime / 2),
                asked.plusSeconds(Math.max(lifetime / 2, lifetime - 30)));
        issued.put(username, fresh);
        return fresh;
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
