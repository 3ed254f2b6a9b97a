package org.parley.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A LocalStack (PostgreSQL, Kafka, Keycloak) of the benchmarks' own, on ports of its own and a fresh state
 * directory under bench/target, so that nothing another engineer runs (a shared test stack whose broker a test
 * stops on purpose, a developer platform) shares a broker or a database with the figures. It watches this JVM
 * and stops with it.
 */
final class BenchStack implements AutoCloseable {

    static final int POSTGRES_PORT = 35432;
    static final int KAFKA_PORT = 39092;
    static final int KEYCLOAK_PORT = 38080;
    static final int CONTROL_PORT = 39999;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final Process process;
    private final Path state;
    private final JsonNode descriptor;

    private BenchStack(Process process, Path state, JsonNode descriptor) {
        this.process = process;
        this.state = state;
        this.descriptor = descriptor;
    }

    static BenchStack start(Path root, Path state) throws IOException, InterruptedException {
        if (Files.exists(state)) {
            try (Stream<Path> walk = Files.walk(state)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(state.resolve("logs"));
        Path stackTarget = root.resolve("stack/target");
        Path jar;
        try (Stream<Path> jars = Files.list(stackTarget)) {
            jar = jars.filter(p -> p.getFileName().toString().matches("parley-stack-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("stack not built: ./mvnw -B -q install -DskipTests"));
        }
        // A copy: a rebuild of the stack module by someone else would rewrite the jar under a running stack.
        Path copy = state.resolve("parley-stack.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                copy + File.pathSeparator + stackTarget.resolve("lib") + File.separator + "*",
                "org.parley.stack.LocalStack",
                "start",
                "--state",
                state.toString(),
                "--pg-port",
                Integer.toString(POSTGRES_PORT),
                "--kafka-port",
                Integer.toString(KAFKA_PORT),
                "--keycloak-port",
                Integer.toString(KEYCLOAK_PORT),
                "--control-port",
                Integer.toString(CONTROL_PORT),
                "--realm",
                root.resolve("deploy/keycloak/parley-realm-demo.json").toString(),
                "--keycloak-dist",
                stackTarget.resolve("keycloak").toString(),
                "--watch-pid",
                Long.toString(ProcessHandle.current().pid()),
                // Production durability (fsync, synchronous commit, full-page writes), said out loud: a stack jar
                // too old to know the option fails here instead of running without it.
                "--durable",
                "true"));
        Path output = state.resolve("logs/stack.out");
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Path stackJson = state.resolve("stack.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(stackJson)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bench stack exited; see " + output);
            }
            if (System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException("the bench stack was not ready after 300 s; see " + output);
            }
            Thread.sleep(250);
        }
        return new BenchStack(process, state, Bench.JSON.readTree(stackJson.toFile()));
    }

    String jdbcBase() {
        return descriptor.path("jdbcBase").asText();
    }

    String kafkaBootstrap() {
        return descriptor.path("kafkaBootstrap").asText();
    }

    String keycloakUrl() {
        return descriptor.path("keycloakUrl").asText();
    }

    /** The bench PostgreSQL's generated password, from the owner-only file that stack.json names. */
    String postgresPassword() {
        try {
            return Files.readString(
                            Path.of(descriptor.path("postgresPasswordFile").asText()))
                    .trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bench stack's PostgreSQL password file", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The postmaster's pid (its children are the backends), for CPU accounting. */
    long postgresPid() throws IOException {
        Path pidFile = state.resolve("postgres/data/postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** The settings that decide what a write costs, as the server reports them. */
    static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

    /**
     * The PostgreSQL settings read back from the running server (durability, memory, planner); refuses to go on
     * when fsync or synchronous_commit is not on, so no figure is ever taken without production durability.
     */
    Map<String, String> postgresSettings() throws SQLException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        try (Connection admin = DriverManager.getConnection(jdbcBase() + "postgres", "postgres", postgresPassword());
                Statement query = admin.createStatement();
                java.sql.ResultSet rows = query.executeQuery("SELECT name, setting || coalesce(' ' || unit, '')"
                        + " FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes',"
                        + " 'wal_sync_method', 'shared_buffers', 'work_mem', 'effective_cache_size', 'jit',"
                        + " 'max_connections', 'server_version') ORDER BY name")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        for (String setting : DURABILITY) {
            if (!"on".equals(settings.get(setting))) {
                throw new IllegalStateException("the bench PostgreSQL runs with " + setting + "="
                        + settings.get(setting) + "; the benchmarks need production durability (on)");
            }
        }
        return settings;
    }

    void recreateDatabase(String database) throws SQLException {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcBase() + "postgres", "postgres", postgresPassword());
                Statement ddl = admin.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            ddl.execute("CREATE DATABASE " + database);
        }
    }

    // --- Keycloak users (admin REST API of the stack's dev-only master admin) ---------------------------

    /** Makes a user of realm parley with this organisation and these realm roles; password = name + "-pass". */
    String createUser(String username, String organisation, String... roles) throws IOException, InterruptedException {
        String admin = adminToken();
        String base = keycloakUrl() + "/admin/realms/parley";
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "firstName",
                username,
                "lastName",
                "Bench",
                "email",
                username + "@" + organisation + ".example",
                "emailVerified",
                true,
                "attributes",
                Map.of("organisation", List.of(organisation)),
                "credentials",
                List.of(Map.of("type", "password", "value", username + "-pass", "temporary", false)));
        HttpResponse<String> created = send(admin, "POST", base + "/users", user);
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("user " + username + ": " + created.statusCode() + " " + created.body());
        }
        JsonNode found = Bench.JSON.readTree(send(
                        admin,
                        "GET",
                        base + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                        null)
                .body());
        String id = found.get(0).path("id").asText();
        List<JsonNode> wanted = new ArrayList<>();
        for (String role : roles) {
            wanted.add(Bench.JSON.readTree(
                    send(admin, "GET", base + "/roles/" + role, null).body()));
        }
        HttpResponse<String> mapped = send(admin, "POST", base + "/users/" + id + "/role-mappings/realm", wanted);
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("roles of " + username + ": " + mapped.statusCode() + " " + mapped.body());
        }
        return id;
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin-dev-only";
        HttpResponse<String> response = Bench.HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Bench.JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(String token, String method, String url, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Bench.JSON.writeValueAsString(body)));
        return Bench.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The subject (Keycloak user id) of a demo user, as the services see it in tokens. */
    static String subjectOf(String accessToken) throws IOException {
        String payload = accessToken.split("\\.")[1];
        return Bench.JSON
                .readTree(java.util.Base64.getUrlDecoder().decode(payload))
                .path("sub")
                .asText();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
