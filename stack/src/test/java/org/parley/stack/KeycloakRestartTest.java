package org.parley.stack;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Keycloak of a durable stack, killed (SIGKILL) right after it acknowledged a change and started again:
 * what was changed in it while it ran (a user made through its admin API) is still there, in the stack's PostgreSQL,
 * and the second start did not import the realm again. Then PostgreSQL is killed under the running Keycloak: once it
 * is back, Keycloak serves the user again without a restart of its own.
 */
class KeycloakRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMPORTED = Pattern.compile("Realm 'parley' imported");

    @TempDir
    Path state;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDurableStacksKeycloakKeepsAUserItAcknowledgedThroughACrashWithoutImportingTheRealmAgain() throws Exception {
        StackOptions options = StackOptions.parse(new String[] {
            "start",
            "--state",
            state.toString(),
            "--keycloak-port",
            Integer.toString(LocalPorts.free()),
            "--pg-port",
            Integer.toString(LocalPorts.free()),
            "--realm",
            Path.of("..", "deploy", "keycloak", "parley-realm-demo.json").toString()
        });
        Files.createDirectories(options.logsDir());
        Path distribution = KeycloakServer.locateDistribution(options);
        PostgresServer postgres = new PostgresServer(options);
        try {
            postgres.start();
            restartedKeycloakKeepsTheUser(options, distribution, postgres);
        } finally {
            postgres.stop();
        }
    }

    private void restartedKeycloakKeepsTheUser(StackOptions options, Path distribution, PostgresServer postgres)
            throws Exception {
        KeycloakServer first = new KeycloakServer(options, distribution);
        try {
            first.start();
            String base = "http://127.0.0.1:" + options.keycloakPort();
            // The realm's user profile asks for names, an e-mail and an organisation.
            HttpResponse<String> made = send(base, "POST", "/users", """
                    {"username": "made-while-running", "enabled": true, "firstName": "Made", "lastName": "Running",
                     "email": "made-while-running@ifit.example", "emailVerified": true,
                     "attributes": {"organisation": ["ifit"]}}""");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            // A crash at once, not a stop: the user was acknowledged, so it must be in the file already.
            long keycloak = first.pid().orElseThrow();
            ProcessHandle.of(keycloak).ifPresent(kcScript -> {
                kcScript.descendants().forEach(ProcessHandle::destroyForcibly);
                kcScript.destroyForcibly();
            });
        } finally {
            first.shutDown();
        }
        assertThat(importsIn(options.logsDir().resolve("keycloak.log"))).isEqualTo(1L);
        assertThat(usersNamedInPostgres(options, "made-while-running"))
                .as("the user's row in Keycloak's database in the stack's PostgreSQL")
                .isEqualTo(1);

        KeycloakServer second = new KeycloakServer(options, distribution);
        try {
            second.start();
            String base = "http://127.0.0.1:" + options.keycloakPort();
            HttpResponse<String> found = send(
                    base,
                    "GET",
                    "/users?exact=true&username=" + URLEncoder.encode("made-while-running", StandardCharsets.UTF_8),
                    null);
            JsonNode users = JSON.readTree(found.body());
            assertThat(users).hasSize(1);
            assertThat(users.get(0).path("username").asText()).isEqualTo("made-while-running");
            // The demo realm's own users are there too: the realm was kept, not made empty.
            assertThat(JSON.readTree(send(base, "GET", "/users?exact=true&username=sofia", null)
                            .body()))
                    .hasSize(1);

            long postmaster = postgres.pid().orElseThrow();
            Processes.signal(postmaster, "KILL");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(postmaster).isEmpty());
            postgres.start(); // what the stack's supervision does; it returns once PostgreSQL accepts connections
            // The very first requests are answered: Keycloak's pooled connections to the killed server are checked
            // before use, not handed out broken (each one was an answer 500).
            for (int request = 0; request < 12; request++) {
                HttpResponse<String> again = send(base, "GET", "/users?exact=true&username=made-while-running", null);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(JSON.readTree(again.body())).hasSize(1);
            }
        } finally {
            second.shutDown();
        }
        assertThat(importsIn(options.logsDir().resolve("keycloak.log")))
                .as("realm imports in the log of both starts")
                .isEqualTo(1L);
    }

    private HttpResponse<String> send(String base, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/parley" + path))
                .header("Authorization", "Bearer " + adminToken(base))
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken(String base) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USERNAME + "&password="
                + KeycloakServer.ADMIN_PASSWORD;
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static int usersNamedInPostgres(StackOptions options, String username) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/" + KeycloakDatabase.NAME,
                        "postgres",
                        Files.readString(options.postgresPasswordFile()).trim());
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM user_entity WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static long importsIn(Path log) throws IOException {
        return IMPORTED.matcher(Files.readString(log)).results().count();
    }
}
