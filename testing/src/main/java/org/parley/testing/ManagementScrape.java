package org.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a service's Prometheus scrape from its management interface, and compares scrapes for the "no metric
 * moves when a secret case is opened" tests.
 */
public final class ManagementScrape {

    /**
     * Families that move by themselves, whatever anyone does (memory, GC, threads, CPU, uptime): left out of the
     * comparison. Each kept service metric is justified in docs/operations.md; none of these is Parley's.
     */
    public static final List<String> RUNTIME_FAMILIES = List.of("jvm_", "process_", "system_");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementScrape() {}

    /** The scrape at {@code metrics} (the management interface's /q/metrics); fails unless it answers 200. */
    public static String of(URL metrics) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(metrics.toString()))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(metrics + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(metrics + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The scrape's lines, samples and their HELP/TYPE comments alike, without the runtime's families. */
    public static List<String> withoutRuntime(String scrape) {
        return scrape.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> RUNTIME_FAMILIES.stream()
                        .noneMatch(family -> family(line).startsWith(family)))
                .sorted()
                .toList();
    }

    /**
     * Waits until {@code current} equals {@code before}, up to 60 s, and returns the last value. Gauges (the outbox
     * backlog, measured at most once a second) may show a moment that has passed; they settle. A counter that
     * moved never moves back, so a metric derived from what was done still fails the comparison.
     */
    public static List<String> settledTo(List<String> before, Supplier<List<String>> current)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> now = current.get();
        while (!now.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = current.get();
        }
        return now;
    }

    /**
     * Checks that the API port at {@code api} answers /q/metrics and /q/health (live, ready) exactly as it answers a
     * path that does not exist: same status, headers (less Date) and body. Health and metrics belong to the
     * management interface only.
     */
    public static void assertApiAnswersHealthAndMetricsLikeAnUnknownPath(URL api) {
        String unknown = fingerprint(api, "/q/no-such-endpoint-" + java.util.UUID.randomUUID());
        if (!unknown.startsWith("404")) {
            throw new AssertionError("an unknown path answered " + unknown);
        }
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
            String answer = fingerprint(api, path);
            if (!answer.equals(unknown)) {
                throw new AssertionError(
                        path + " on the API port answered\n" + answer + "\nnot as an unknown path:\n" + unknown);
            }
        }
    }

    /** Status, sorted headers without Date, and body of a GET. */
    private static String fingerprint(URL api, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api.toString()).resolve(path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> headers = response.headers().map().entrySet().stream()
                    .filter(header -> !header.getKey().equalsIgnoreCase("date"))
                    .flatMap(header -> header.getValue().stream()
                            .map(value -> header.getKey().toLowerCase(java.util.Locale.ROOT) + ": " + value))
                    .sorted()
                    .toList();
            return response.statusCode() + "\n" + String.join("\n", headers) + "\n\n" + response.body();
        } catch (IOException e) {
            throw new AssertionError(api + path + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String family(String line) {
        if (line.startsWith("#")) {
            String[] words = line.split(" ");
            return words.length > 2 ? words[2] : "";
        }
        return line;
    }
}
