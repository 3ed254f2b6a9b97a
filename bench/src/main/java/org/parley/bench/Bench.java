package org.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.launcher.ApiClient;
import org.parley.launcher.ServiceProcess;

/** What every benchmark shares: paths, the stack, the services it started, the results tree and a log. */
final class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The bench services' ports: far from the developer stack's (8081-8084) and the e2e ones (28181-28184). */
    static final Map<String, Integer> PORTS =
            Map.of("cases", 38181, "interviews", 38182, "access", 38183, "events", 38184, "interviews-plain", 38185);

    final Path root;
    final Path target;
    final Path logs;
    final Path apps;
    final ObjectNode results;
    BenchStack stack;
    ApiClient api;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** --quick: every phase shortened, for a smoke run; its figures prove the bench works, not the platform. */
    boolean quick;
    /** What made this run fail (HTTP and JDBC disagreeing, the naive SQL answering differently): exit non-zero. */
    final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    Bench(Path root, ObjectNode results) throws IOException {
        this.root = root;
        this.target = root.resolve("bench/target");
        this.logs = target.resolve("logs");
        this.apps = target.resolve("apps");
        this.results = results;
        Files.createDirectories(logs);
    }

    String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    /** Where a started service's health and metrics answer: its management port, not its API port. */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + services.get(service).managementPort();
    }

    Connection db(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcBase() + database, "postgres", stack.postgresPassword());
    }

    /**
     * Copies each service's built quarkus-app to bench/target/apps: other engineers rebuild the services (their target folders) while
     * the benchmark runs, and a service whose jars are rewritten under it hangs or fails loading a class.
     */
    void snapshotApps(List<String> names) throws IOException {
        for (String name : names) {
            Path from = root.resolve("services").resolve(name).resolve("target/quarkus-app");
            Path to = apps.resolve("services").resolve(name).resolve("target/quarkus-app");
            StartupBench.deleteTree(to);
            try (var walk = Files.walk(from)) {
                for (Path source : (Iterable<Path>) walk::iterator) {
                    Path copy = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /** Starts a service from its built jar (ServiceProcess, dev profile) on its bench database and the bench stack. */
    ServiceProcess start(String name, String jarOf, String database, Map<String, String> extra) throws Exception {
        stack.recreateDatabase(database);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", stack.jdbcBase() + database);
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", stack.postgresPassword());
        settings.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
        settings.put("quarkus.oidc.auth-server-url", stack.keycloakUrl() + "/realms/parley");
        // dev-profile key material goes to bench/target, never to the developer platform's .parley/
        settings.put(
                "parley.interviews.keys.dev-directory", target.resolve("keys").toString());
        settings.put(
                "parley.ledger.dev-key-file",
                target.resolve("keys/ledger-signing.key").toString());
        settings.put("quarkus.log.console.level", "WARN");
        // the benchmarks poll for 404s (revocation) and time thousands of them (item 8): no budget here
        settings.put("parley.not-found.per-minute", "100000000");
        settings.putAll(extra);
        ServiceProcess process = ServiceProcess.start(apps, jarOf, PORTS.get(name), settings, logs.resolve(name));
        services.put(name, process);
        return process;
    }

    synchronized void stopServices() {
        for (ServiceProcess service : services.values()) {
            try {
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
    }

    /** A GET with a bearer token (or none); returns the status. The body is read and discarded. */
    int get(String user, String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + api.token(user));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static ApiClient.Answer expect(ApiClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + abbreviate(answer.raw()));
        }
        return answer;
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * The sum of a Prometheus metric family's samples (e.g. jvm_gc_pause_seconds_sum), from /q/metrics of a
     * management URL ({@link #managementUrl}).
     */
    static Map<String, Double> metrics(String baseUrl, List<String> names) {
        Map<String, Double> sums = new LinkedHashMap<>();
        names.forEach(name -> sums.put(name, 0.0));
        try {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String name : names) {
                    if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                        String value = line.substring(line.lastIndexOf(' ') + 1);
                        try {
                            sums.merge(name, Double.parseDouble(value), Double::sum);
                        } catch (NumberFormatException ignored) {
                            // NaN and friends
                        }
                    }
                }
            }
        } catch (IOException e) {
            log("metrics of " + baseUrl + " not read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sums;
    }

    /** Records a failure of the run, loudly; the run goes on measuring and exits non-zero at the end. */
    void fail(String failure) {
        failures.add(failure);
        log("FAILED: " + failure);
        results.withArray("failures").add(failure);
    }

    static void log(String message) {
        System.out.println(
                "[bench " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static <T> List<T> listOf(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
