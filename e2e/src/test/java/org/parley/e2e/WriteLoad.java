package org.parley.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.launcher.ApiClient;

/**
 * A bounded write load for a fault drill: opens one case at a time at a fixed rate and sorts every attempt by
 * what the client was told. Acknowledged (201 with an id) must survive; refused (an answer that is not 201, or a
 * connection that was never made) must leave nothing behind; unknown (the connection broke after the request was
 * sent) may have either outcome and is only counted.
 */
final class WriteLoad implements AutoCloseable {

    record Outcome(String title, String id, int status) {}

    /** The writer's current access token (they live 5 minutes; a drill may be longer). */
    interface Tokens {
        String current() throws Exception;
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String casesUrl;
    private final Tokens tokens;
    private final String label;
    private final long periodNanos;
    private final List<Outcome> acknowledged = new ArrayList<>();
    private final List<Outcome> refused = new ArrayList<>();
    private final List<Outcome> unknown = new ArrayList<>();
    private final Thread writer;
    private volatile boolean running = true;

    WriteLoad(String casesUrl, Tokens tokens, String label, int perSecond) {
        this.casesUrl = casesUrl;
        this.tokens = tokens;
        this.label = label;
        this.periodNanos = 1_000_000_000L / perSecond;
        this.writer = new Thread(this::run, "write-load-" + label);
        writer.start();
    }

    /** One case, now: its outcome (also counted with the load's). */
    Outcome writeOnce(String title) throws InterruptedException {
        String token;
        try {
            token = tokens.current();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception noToken) {
            // Keycloak is down and the token ran out: nothing was sent, which counts as refused
            Outcome outcome = new Outcome(title, null, -2);
            synchronized (this) {
                refused.add(outcome);
            }
            return outcome;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(casesUrl + "/cases"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(title)))
                .build();
        Outcome outcome;
        List<Outcome> bucket;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                JsonNode created = ApiClient.json().readTree(response.body());
                outcome = new Outcome(title, created.path("id").asText(), 201);
                bucket = acknowledged;
            } else {
                outcome = new Outcome(title, null, response.statusCode());
                bucket = refused;
            }
        } catch (ConnectException notConnected) {
            outcome = new Outcome(title, null, 0);
            bucket = refused;
        } catch (IOException broken) {
            outcome = new Outcome(title, null, -1);
            bucket = unknown;
        }
        synchronized (this) {
            bucket.add(outcome);
        }
        return outcome;
    }

    private void run() {
        long next = System.nanoTime();
        int n = 0;
        try {
            while (running) {
                writeOnce("Fault drill " + label + " " + (n++));
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime(); // a slow answer: no burst to catch up
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized List<Outcome> acknowledged() {
        return List.copyOf(acknowledged);
    }

    synchronized List<Outcome> refused() {
        return List.copyOf(refused);
    }

    synchronized List<Outcome> unknown() {
        return List.copyOf(unknown);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(60_000);
    }

    private static String body(String title) {
        try {
            return ApiClient.json()
                    .writeValueAsString(Map.of(
                            "header",
                            Map.of(
                                    "title",
                                    title,
                                    "country",
                                    "CO",
                                    "period",
                                    Map.of("start", "2026-01-01"),
                                    "status",
                                    "EXPLORATORY")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
