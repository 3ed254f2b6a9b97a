package org.parley.console.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.launcher.ApiClient;
import org.parley.launcher.LocalEndpoints;
import org.parley.launcher.SeedLoader;
import org.parley.launcher.ServiceProcess;
import org.parley.testing.PlatformConsumerGroups;
import org.parley.testing.SharedStack;
import org.parley.testing.StackInfo;

/**
 * The whole platform with the console, once per test JVM: the four services from their built jars (own
 * databases {@code <service>_console}, ports 2828x plus PARLEY_TEST_PORT_OFFSET) against the shared real stack, the seed data loaded
 * through the APIs, then the console from its built jar on port 28280, signing in with the stack's Keycloak.
 */
final class ConsolePlatform {

    /** Moved with the stack's ports by PARLEY_TEST_PORT_OFFSET, so two test runs can share a machine. */
    private static final int OFFSET = SharedStack.PORT_OFFSET;

    static final int CONSOLE_PORT = 28280 + OFFSET;
    private static final Map<String, Integer> PORTS = Map.of(
            "access", 28283 + OFFSET, "cases", 28281 + OFFSET, "interviews", 28282 + OFFSET, "events", 28284 + OFFSET);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The client compiler only: five service JVMs start at once on the test machine's two cores, and C2's compile
     * threads would take most of them (services ready in ~21 s instead of ~37 s); the tests' own requests do not
     * need C2's code. Speed only: nothing a test checks depends on it.
     */
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1");

    /** Health and metrics answer on a management port of their own: the API port + 100 here. */
    static int managementPort(int port) {
        return port + 100;
    }

    private static ConsolePlatform instance;
    private static Exception failure;

    final StackInfo stack;
    final LocalEndpoints endpoints;
    final ApiClient api;
    final Map<String, String> caseIds;
    /** The services' "not found" budget per caller and minute on this platform. */
    static final int NOT_FOUND_PER_MINUTE = 100;

    final String console;

    private ConsolePlatform(StackInfo stack, LocalEndpoints endpoints, Map<String, String> caseIds) {
        this.stack = stack;
        this.endpoints = endpoints;
        this.api = new ApiClient(stack.keycloakUrl());
        this.caseIds = caseIds;
        this.console = "http://127.0.0.1:" + CONSOLE_PORT;
    }

    /** Started once; a start that failed is not tried again by the next test class. */
    static synchronized ConsolePlatform get() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("the platform did not start (see the first failure)", failure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * For working on the console only (never in CI): with PARLEY_CONSOLE_E2E_KEEP=1 the services stay up after
     * the run and the next run reuses them, restarting only the console.
     */
    private static final boolean KEEP = "1".equals(System.getenv("PARLEY_CONSOLE_E2E_KEEP"));

    private static ConsolePlatform start() throws Exception {
        long begin = System.nanoTime();
        Path root = projectRoot();
        StackInfo stack = SharedStack.get();
        Path logs = root.resolve("console-e2e/target/service-logs");
        Path state = root.resolve("console-e2e/target/kept-platform.json");
        if (KEEP) {
            ConsolePlatform kept = reuse(root, stack, state, logs);
            if (kept != null) {
                return kept;
            }
        }
        Path apps = snapshot(
                root,
                root.resolve("console-e2e/target/apps"),
                List.of("access", "cases", "interviews", "events", "console"));
        Files.createDirectories(logs);
        List<ServiceProcess> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (KEEP) {
                return;
            }
            for (ServiceProcess process : processes) {
                try {
                    process.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        List<String> services = List.of("access", "cases", "interviews", "events");
        // the shared broker carries every earlier module's test events: groups of this platform's own
        Map<String, Map<String, String>> groups = PlatformConsumerGroups.startingNow(
                stack, "console-e2e", Long.toString(System.currentTimeMillis(), 36), services);
        for (String name : services) {
            String database = name + "_console";
            recreateDatabase(stack, database);
            Map<String, String> settings = new LinkedHashMap<>(groups.get(name));
            settings.putAll(Map.of(
                    "quarkus.datasource.jdbc.url", stack.jdbcUrl(database),
                    "quarkus.datasource.username", StackInfo.POSTGRES_USER,
                    "quarkus.datasource.password", stack.postgresPassword(),
                    "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                    "quarkus.oidc.auth-server-url", stack.realmUrl(),
                    "parley.root", apps.toString(),
                    // one signing key per ledger: this run's ledger is new, its anchors must not meet
                    // those of an earlier run's ledger on the shared broker
                    "parley.ledger.dev-key-file",
                            apps.resolve(".parley/events/" + UUID.randomUUID() + "/ledger-signing.key")
                                    .toString(),
                    // the cases service asks this platform's interviews service which cited excerpts a
                    // reader may see
                    "quarkus.rest-client.interviews.url", "http://127.0.0.1:" + PORTS.get("interviews"),
                    // a lower "not found" budget than 600, so PublicRegisterTest's prober spends it in a few
                    // seconds; no other test comes near it
                    "parley.not-found.per-minute", Integer.toString(NOT_FOUND_PER_MINUTE)));
            processes.add(ServiceProcess.start(
                    apps, name, PORTS.get(name), managementPort(PORTS.get(name)), settings, logs, QUICK_JVM));
        }
        LocalEndpoints endpoints = endpoints(stack);
        // the console needs no service to start: it starts while the services finish theirs
        processes.add(startConsole(apps, stack, endpoints, logs));
        for (ServiceProcess process : processes) {
            Duration ready = process.awaitReady(Duration.ofSeconds(240));
            System.out.printf("console-e2e: %s ready in %.1f s%n", process.name(), ready.toMillis() / 1000.0);
        }
        Map<String, String> caseIds = new SeedLoader(
                        root.resolve("seeds"),
                        endpoints,
                        line -> System.out.printf(
                                "console-e2e seeds %.1f s: %s%n", (System.nanoTime() - begin) / 1e9, line))
                .load();
        System.out.printf("console-e2e: platform up in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        if (KEEP) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("caseIds", caseIds);
            kept.put("pids", processes.stream().map(ServiceProcess::pid).toList());
            kept.put("consolePid", processes.get(processes.size() - 1).pid());
            JSON.writeValue(state.toFile(), kept);
        }
        return new ConsolePlatform(stack, endpoints, caseIds);
    }

    /** The console on its port, once Keycloak lets it be a redirect target; the fresh platform and a reuse alike. */
    private static ServiceProcess startConsole(Path apps, StackInfo stack, LocalEndpoints endpoints, Path logs)
            throws Exception {
        allowConsoleRedirects(stack);
        return ServiceProcess.start(
                apps,
                "console",
                CONSOLE_PORT,
                managementPort(CONSOLE_PORT),
                consoleSettings(stack, endpoints),
                logs,
                QUICK_JVM);
    }

    /** The kept services, if all still answer, with a freshly started console; else null (all stopped). */
    private static ConsolePlatform reuse(Path root, StackInfo stack, Path state, Path logs) throws Exception {
        if (!Files.exists(state)) {
            return null;
        }
        JsonNode kept = JSON.readTree(state.toFile());
        ProcessHandle.of(kept.path("consolePid").asLong()).ifPresent(ProcessHandle::destroy);
        boolean alive = true;
        for (int port : PORTS.values()) {
            alive &= answers("http://127.0.0.1:" + managementPort(port) + "/q/health/ready");
        }
        // the same stack as before (a new one has none of the kept databases or data)
        String escobar = kept.path("caseIds").path("escobar").asText();
        alive = alive
                && new ApiClient(stack.keycloakUrl())
                        .get("sofia", endpoints(stack).cases() + "/cases/" + escobar)
                        .ok();
        if (!alive) {
            for (JsonNode pid : kept.path("pids")) {
                ProcessHandle.of(pid.asLong()).ifPresent(ProcessHandle::destroy);
            }
            Files.delete(state);
            Thread.sleep(3000);
            return null;
        }
        while (answers("http://127.0.0.1:" + managementPort(CONSOLE_PORT) + "/q/health/live")) {
            Thread.sleep(200);
        }
        Path apps = snapshot(root, root.resolve("console-e2e/target/apps"), List.of("console"));
        LocalEndpoints endpoints = endpoints(stack);
        ServiceProcess console = startConsole(apps, stack, endpoints, logs);
        console.awaitReady(Duration.ofSeconds(240));
        ((ObjectNode) kept).put("consolePid", console.pid());
        JSON.writeValue(state.toFile(), kept);
        Map<String, String> caseIds = new LinkedHashMap<>();
        kept.path("caseIds")
                .fields()
                .forEachRemaining(e -> caseIds.put(e.getKey(), e.getValue().asText()));
        System.out.println("console-e2e: reusing the kept services, console restarted");
        return new ConsolePlatform(stack, endpoints, caseIds);
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static LocalEndpoints endpoints(StackInfo stack) {
        return new LocalEndpoints(
                "http://127.0.0.1:" + PORTS.get("cases"),
                "http://127.0.0.1:" + PORTS.get("interviews"),
                "http://127.0.0.1:" + PORTS.get("access"),
                "http://127.0.0.1:" + PORTS.get("events"),
                stack.keycloakUrl());
    }

    private static Map<String, String> consoleSettings(StackInfo stack, LocalEndpoints endpoints) {
        Map<String, String> console = new LinkedHashMap<>();
        console.put("quarkus.oidc.auth-server-url", stack.realmUrl());
        console.put("parley.console.cases-url", endpoints.cases());
        console.put("parley.console.interviews-url", endpoints.interviews());
        console.put("parley.console.access-url", endpoints.access());
        console.put("parley.console.events-url", endpoints.events());
        return console;
    }

    String caseId(String key) {
        return caseIds.get(key);
    }

    /** A case opened by sofia through the API, known to access when this returns. */
    String newCase(String title) throws Exception {
        ApiClient.Answer created = api.post(
                "sofia",
                endpoints.cases() + "/cases",
                Map.of(
                        "header",
                        Map.of(
                                "title", title,
                                "country", "CO",
                                "region", "Antioquia",
                                "period", Map.of("start", "2025-01-01"),
                                "status", "EXPLORATORY")));
        if (created.status() != 201) {
            throw new IllegalStateException("case not created: " + created.status() + " " + created.raw());
        }
        String id = created.body().path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("ana", endpoints.access() + "/cases/" + id + "/access").ok()
                    && api.get("sofia", endpoints.events() + "/cases/" + id + "/timeline")
                            .ok()) {
                return id;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("access never heard of the new case");
    }

    /**
     * The results' terms changed by {@code user} through the API at the case's current version (as another tab or
     * colleague would, behind the page's back); the answer's status.
     */
    int editResultsTerms(String user, String id, List<String> terms) throws Exception {
        String caseUrl = endpoints.cases() + "/cases/" + id;
        long version = api.get(user, caseUrl).body().path("version").asLong();
        return api.update(user, "PATCH", caseUrl + "/results", version, Map.of("terms", terms))
                .status();
    }

    /** The id of the seeded interview with this pseudonym, found as the lead of its case. */
    String interviewId(String caseKey, String pseudonym) throws Exception {
        JsonNode page = api.get("sofia", endpoints.interviews() + "/interviews?limit=100&case=" + caseId(caseKey))
                .body();
        for (JsonNode item : page.path("items")) {
            if (pseudonym.equals(item.path("pseudonym").asText())) {
                return item.path("id").asText();
            }
        }
        throw new IllegalStateException("no seeded interview " + pseudonym);
    }

    /**
     * The demo realm lets the console come back only to http://127.0.0.1:8080; the tests' console listens on
     * another port, so the test realm (the shared stack's, started from the demo file) is told that one too.
     * Nothing changes if the realm already allows it.
     */
    private static void allowConsoleRedirects(StackInfo stack) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin-dev-only", StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer =
                "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
        String admin = stack.keycloakUrl() + "/admin/realms/" + StackInfo.REALM + "/clients";
        JsonNode clients = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(admin + "?clientId=parley-console"))
                                .header("Authorization", bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        ObjectNode client = (ObjectNode) clients.get(0);
        String wanted = "http://127.0.0.1:" + CONSOLE_PORT + "/*";
        ArrayNode redirects = (ArrayNode) client.path("redirectUris");
        boolean known = false;
        for (JsonNode redirect : redirects) {
            known |= wanted.equals(redirect.asText());
        }
        if (known) {
            return;
        }
        redirects.add(wanted);
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", logout.isEmpty() ? wanted : logout + "##" + wanted);
        HttpResponse<String> updated = http.send(
                HttpRequest.newBuilder(
                                URI.create(admin + "/" + client.path("id").asText()))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("could not allow the console's redirect: " + updated.statusCode());
        }
    }

    /**
     * Hard links (copies where links fail) of the built apps, under their usual paths below {@code apps}: a
     * rebuild of a service while these tests run replaces its files without pulling them from under the
     * running process. The apps' dev state ({@code .parley/}) lands below {@code apps} too.
     */
    private static Path snapshot(Path root, Path apps, List<String> names) throws IOException {
        for (String name : names) {
            Path old = apps.resolve("services").resolve(name);
            if (Files.exists(old)) {
                try (var files = Files.walk(old)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
        }
        for (String name : names) {
            Path from = root.resolve("services").resolve(name).resolve("target/quarkus-app");
            if (!Files.exists(from.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException("not built: " + from + " (run ./mvnw install -DskipTests first)");
            }
            Path to = apps.resolve("services").resolve(name).resolve("target/quarkus-app");
            try (var files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        try {
                            Files.createLink(target, file);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(file, target);
                        }
                    }
                }
            }
        }
        return apps;
    }

    private static void recreateDatabase(StackInfo stack, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        stack.jdbcUrl("postgres"), StackInfo.POSTGRES_USER, stack.postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
    }

    static Path projectRoot() {
        String configured = System.getProperty("parley.root");
        Path dir = configured != null && !configured.contains("${")
                ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (the folder with mvnw)");
        }
        return dir;
    }
}
