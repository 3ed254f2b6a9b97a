package org.parley.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.launcher.ApiClient;
import org.parley.testing.SharedStack;
import org.parley.testing.StackInfo;

/**
 * The shared stack's parts as a fault drill sees them: the process of the broker, of PostgreSQL's postmaster and of
 * Keycloak, found by the state directory every child of the stack carries on its command line, and signals to them.
 */
final class StackParts {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackInfo stack;
    private final Path stateDir;

    StackParts(StackInfo stack, Path projectRoot) {
        this.stack = stack;
        this.stateDir = SharedStack.stateDir(projectRoot);
    }

    long kafkaPid() {
        return childWhoseCommandContains("kafka.Kafka");
    }

    long keycloakPid() {
        // the JVM that kc.sh started, not the shell: a kill -9 of Keycloak is a kill of its JVM
        return childWhoseCommandContains("io.quarkus.bootstrap");
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(stateDir.resolve("postgres/data/postmaster.pid"))
                .get(0)
                .trim());
    }

    /** The state of one part ({@code up}, {@code down}, ...) in the stack's own health report. */
    String state(String part) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.controlPort() + "/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = ApiClient.json().readTree(response.body());
            JsonNode node = health.path(part);
            return (node.isObject() ? node.path("state") : node).asText("unknown");
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Sends a signal by name (KILL, STOP, CONT) through kill(1). */
    static void signal(long pid, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    private long childWhoseCommandContains(String what) {
        String marker = "-Dparley.stack.state=" + stateDir;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> (c.contains(marker + " ") || c.endsWith(marker))
                                && c.toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT)))
                        .orElse(false))
                .filter(p -> !p.info().commandLine().orElse("").contains("kc.sh"))
                .mapToLong(ProcessHandle::pid)
                .min()
                .orElseThrow(() -> new IllegalStateException("no process of the stack runs " + what));
    }
}
