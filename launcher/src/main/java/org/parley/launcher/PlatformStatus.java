package org.parley.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./parley status}: asks each part itself (the stack's /health, each service's /q/health/ready, with short
 * timeouts) rather than trusting the supervisor's file; the file gives pids and restart counts.
 */
final class PlatformStatus {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_CONTROL_PORT = 19999;

    private PlatformStatus() {}

    static StatusReport of(PlatformState platform, Path state) {
        List<StatusReport.Row> rows = new ArrayList<>();
        rows.add(new StatusReport.Row(
                "supervisor", platform.supervisor().isPresent() ? "up" : "down", platform.supervisorPid(), -1));
        for (PlatformState.Part part : platform.parts()) {
            if (part.name().equals("stack")) {
                rows.add(new StatusReport.Row("stack", stackState(part), part.pid(), part.restarts()));
                rows.addAll(stackParts(state));
            } else {
                boolean ready = part.managementPort() > 0 && answers200(part.managementPort(), "/q/health/ready");
                String partState = ready ? "up" : part.state().equals("restarting") ? "restarting" : "down";
                rows.add(new StatusReport.Row(part.name(), partState, part.pid(), part.restarts()));
            }
        }
        return new StatusReport(rows);
    }

    private static String stackState(PlatformState.Part stack) {
        if (PlatformState.alive(stack.pid()).isEmpty()) {
            return stack.state().equals("restarting") ? "restarting" : "down";
        }
        return stack.state().equals("starting") ? "starting" : "up";
    }

    /** PostgreSQL, Kafka and Keycloak as the stack's own health sees them (down if it does not answer). */
    private static List<StatusReport.Row> stackParts(Path state) {
        Optional<JsonNode> health = stackHealth(state);
        List<StatusReport.Row> rows = new ArrayList<>();
        for (String name : List.of("postgres", "kafka", "keycloak")) {
            String partState = health.map(h -> h.path(name).asText("down")).orElse("down");
            int restarts =
                    health.map(h -> h.path("restarts").path(name).asInt(-1)).orElse(-1);
            rows.add(new StatusReport.Row("  " + name, partState, 0, restarts));
        }
        return rows;
    }

    private static Optional<JsonNode> stackHealth(Path state) {
        int controlPort = DEFAULT_CONTROL_PORT;
        try {
            controlPort = JSON.readTree(state.resolve("stack/stack.json").toFile())
                    .path("controlPort")
                    .asInt(DEFAULT_CONTROL_PORT);
        } catch (IOException noDescriptor) {
            // a stack that is (re)starting has no stack.json yet; its control port is the default one
        }
        return get(controlPort, "/health").flatMap(body -> {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean answers200(int port, String path) {
        return get(port, path).isPresent();
    }

    /** The body of a 200 answer to GET http://127.0.0.1:port/path within the short timeout; empty otherwise. */
    private static Optional<String> get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
