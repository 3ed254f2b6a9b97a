package org.parley.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Keycloak of a durable stack, killed (SIGKILL) right after it acknowledged a change and started again:
 * what was changed in it while it ran (a user made through its admin API) is still there, in the stack's PostgreSQL,
 * and the second start did not import the realm again. Then PostgreSQL is killed under the running Keycloak: once it
 * is back, Keycloak serves the user again without a restart of its own. Last, a new version of the realm file (as a
 * pull of the project brings) is applied at the third start: what it changes is there, and the user made by hand,
 * with its role and password, is still there too.
 */
class KeycloakRestartTest {

    private static final Pattern IMPORTED = Pattern.compile("Realm 'parley' imported");

    @TempDir
    Path state;

    private Path realmFile() {
        return state.resolve("parley-realm.json");
    }

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
            realmFile().toString()
        });
        Files.copy(Path.of("..", "deploy", "keycloak", "parley-realm-demo.json"), realmFile());
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
            KeycloakAdmin admin = new KeycloakAdmin(options.keycloakPort());
            // The realm's user profile asks for names, an e-mail and an organisation.
            HttpResponse<String> made = admin.send("POST", "/users", """
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
            KeycloakAdmin admin = new KeycloakAdmin(options.keycloakPort());
            assertThat(admin.user("made-while-running").path("username").asText())
                    .isEqualTo("made-while-running");
            // The demo realm's own users are there too: the realm was kept, not made empty.
            admin.user("sofia");

            long postmaster = postgres.pid().orElseThrow();
            Processes.signal(postmaster, "KILL");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(postmaster).isEmpty());
            postgres.start(); // what the stack's supervision does; it returns once PostgreSQL accepts connections
            // The very first requests are answered: Keycloak's pooled connections to the killed server are checked
            // before use, not handed out broken (each one was an answer 500).
            for (int request = 0; request < 12; request++) {
                HttpResponse<String> again = admin.send("GET", "/users?exact=true&username=made-while-running", null);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                assertThat(KeycloakAdmin.JSON.readTree(again.body())).hasSize(1);
            }
            // What an administrator does next for the user: a role and a password.
            String userId = admin.user("made-while-running").path("id").asText();
            JsonNode partner = admin.get("/roles/partner");
            HttpResponse<String> mapped =
                    admin.send("POST", "/users/" + userId + "/role-mappings/realm", "[" + partner + "]");
            assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
            HttpResponse<String> password = admin.send(
                    "PUT",
                    "/users/" + userId + "/reset-password",
                    "{\"type\": \"password\", \"value\": \"made-by-hand-pass\", \"temporary\": false}");
            assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
        } finally {
            second.shutDown();
        }
        assertThat(importsIn(options.logsDir().resolve("keycloak.log")))
                .as("realm imports in the log of both starts")
                .isEqualTo(1L);
        newRealmFileKeepsTheUser(options, distribution);
    }

    /**
     * The third start, with a new version of the realm file: a realm setting, a role, a user, a changed user, a
     * changed client and a changed user profile, and a user, a role and a client dropped. All of it is applied, and
     * the user made by hand keeps its id, role and password.
     */
    private void newRealmFileKeepsTheUser(StackOptions options, Path distribution) throws Exception {
        ObjectNode realm = (ObjectNode) KeycloakAdmin.JSON.readTree(realmFile().toFile());
        realm.put("accessTokenLifespan", 240);
        ((ArrayNode) realm.path("roles").path("realm"))
                .addObject()
                .put("name", "reviewer")
                .put("description", "Reviews coded cases");
        ArrayNode users = (ArrayNode) realm.path("users");
        ObjectNode sofia = null;
        for (JsonNode user : users) {
            if (user.path("username").asText().equals("sofia")) {
                sofia = (ObjectNode) user;
            }
        }
        assertThat(sofia).as("the demo realm's sofia").isNotNull();
        String sofiaId = sofia.path("id").asText();
        sofia.put("lastName", "Edited");
        ((ArrayNode) sofia.path("realmRoles")).add("auditor");
        ObjectNode nadia = users.addObject();
        nadia.put("id", "5d0c5cfb-7a8e-4f0e-9d59-0a4b8f1f2c11")
                .put("username", "nadia")
                .put("enabled", true)
                .put("firstName", "Nadia")
                .put("lastName", "Added")
                .put("email", "nadia@ifit.example")
                .put("emailVerified", true);
        nadia.putObject("attributes").putArray("organisation").add("ifit");
        nadia.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", "nadia-pass")
                .put("temporary", false);
        nadia.putArray("realmRoles").add("reviewer").add("default-roles-parley");
        // Dropped from the file: a demo user, a role (and so from carlos, who held it) and a client.
        for (Iterator<JsonNode> user = users.iterator(); user.hasNext(); ) {
            JsonNode next = user.next();
            if (next.path("username").asText().equals("pierre")) {
                user.remove();
            } else if (next.path("username").asText().equals("carlos")) {
                ArrayNode roles = (ArrayNode) next.path("realmRoles");
                for (int i = roles.size() - 1; i >= 0; i--) {
                    if (roles.get(i).asText().equals("identity-custodian")) {
                        roles.remove(i);
                    }
                }
            }
        }
        removeNamed((ArrayNode) realm.path("roles").path("realm"), "name", "identity-custodian");
        removeNamed((ArrayNode) realm.path("clients"), "clientId", "parley-console");
        // A role the realm already has, described anew: updated in place, so irene, who holds it, keeps it.
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("name").asText().equals("auditor")) {
                ((ObjectNode) role).put("description", "Reads the audit trail (edited)");
                ((ObjectNode) role).putObject("attributes").putArray("reviewed").add("2026-12");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("parley-cli")) {
                ((ObjectNode) client).put("name", "Parley CLI (edited)");
            }
        }
        ArrayNode profileConfig = (ArrayNode) realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .path(0)
                .path("config")
                .path("kc.user.profile.config");
        ObjectNode profile =
                (ObjectNode) KeycloakAdmin.JSON.readTree(profileConfig.get(0).asText());
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("organisation")) {
                ((ObjectNode) attribute).put("displayName", "Organisation (edited)");
            }
        }
        profileConfig.set(0, KeycloakAdmin.JSON.writeValueAsString(profile));
        KeycloakAdmin.JSON.writeValue(realmFile().toFile(), realm);

        KeycloakServer third = new KeycloakServer(options, distribution);
        try {
            third.start();
            KeycloakAdmin admin = new KeycloakAdmin(options.keycloakPort());
            assertThat(admin.get("").path("accessTokenLifespan").asInt()).isEqualTo(240);
            assertThat(admin.get("/roles/reviewer").path("description").asText())
                    .isEqualTo("Reviews coded cases");
            assertThat(admin.user("nadia").path("id").asText()).isEqualTo("5d0c5cfb-7a8e-4f0e-9d59-0a4b8f1f2c11");
            assertThat(realmRoles(admin, "nadia")).contains("reviewer");
            admin.token("parley", "parley-cli", "nadia", "nadia-pass");
            assertThat(admin.user("sofia").path("id").asText())
                    .as("sofia keeps her id")
                    .isEqualTo(sofiaId);
            assertThat(admin.user("sofia").path("lastName").asText()).isEqualTo("Edited");
            assertThat(realmRoles(admin, "sofia")).contains("staff", "auditor");
            JsonNode auditor = admin.get("/roles/auditor");
            assertThat(auditor.path("description").asText()).isEqualTo("Reads the audit trail (edited)");
            assertThat(auditor.path("attributes").path("reviewed").path(0).asText())
                    .isEqualTo("2026-12");
            assertThat(realmRoles(admin, "irene")).as("irene keeps the role").contains("auditor");
            assertThat(admin.get("/clients?clientId=parley-cli")
                            .path(0)
                            .path("name")
                            .asText())
                    .isEqualTo("Parley CLI (edited)");
            JsonNode organisation = null;
            for (JsonNode attribute : admin.get("/users/profile").path("attributes")) {
                if (attribute.path("name").asText().equals("organisation")) {
                    organisation = attribute;
                }
            }
            assertThat(organisation).isNotNull();
            assertThat(organisation.path("displayName").asText()).isEqualTo("Organisation (edited)");

            // What the file dropped is gone; carlos stays, without the role.
            assertThat(admin.get("/users?exact=true&username=pierre"))
                    .as("pierre, dropped")
                    .isEmpty();
            assertThat(admin.send("GET", "/roles/identity-custodian", null).statusCode())
                    .isEqualTo(404);
            assertThat(realmRoles(admin, "carlos"))
                    .doesNotContain("identity-custodian")
                    .contains("default-roles-parley");
            assertThat(admin.get("/clients?clientId=parley-console"))
                    .as("parley-console, dropped")
                    .isEmpty();
            assertThat(admin.get("/clients?clientId=parley-cli")).hasSize(1);

            // The user made by hand: the same user, with its role and its password.
            assertThat(usersNamedInPostgres(options, "made-while-running")).isEqualTo(1);
            assertThat(realmRoles(admin, "made-while-running")).contains("partner");
            admin.token("parley", "parley-cli", "made-while-running", "made-by-hand-pass");
        } finally {
            third.shutDown();
        }
        assertThat(distribution.resolve("data/import/parley-realm.update"))
                .as("the copy of the realm file, with its passwords, once applied")
                .doesNotExist();
        assertThat(importsIn(options.logsDir().resolve("keycloak.log")))
                .as("realm imports in the log of all three starts")
                .isEqualTo(1L);
        assertThat(new KeycloakDatabase(options).prepareForStart())
                .as("the new file is recorded as applied")
                .isEqualTo(KeycloakDatabase.RealmStart.KEEP);
    }

    private static void removeNamed(ArrayNode items, String field, String name) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path(field).asText().equals(name)) {
                items.remove(i);
            }
        }
    }

    private static List<String> realmRoles(KeycloakAdmin admin, String username) throws Exception {
        String id = admin.user(username).path("id").asText();
        List<String> names = new ArrayList<>();
        admin.get("/users/" + id + "/role-mappings/realm")
                .forEach(role -> names.add(role.path("name").asText()));
        return names;
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
