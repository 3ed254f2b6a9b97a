package org.parley.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Keycloak from the distribution that the build unpacked into stack/target/keycloak, in dev mode with its database in
 * the stack's PostgreSQL ({@link KeycloakDatabase}: kept by a durable stack, made afresh with the realm imported
 * otherwise), which must be running when it starts.
 */
final class KeycloakServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Master-realm admin of the dev and test stacks only; never used for a real deployment. */
    static final String ADMIN_USERNAME = "admin";

    static final String ADMIN_PASSWORD = "admin-dev-only";

    private final Path stateDir;
    private final Path distribution;
    private final Path realmFile;
    private final KeycloakDatabase database;
    private final Path logFile;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private boolean shutDown;

    KeycloakServer(StackOptions options, Path distribution) {
        this.stateDir = options.stateDir();
        this.distribution = distribution;
        this.realmFile = options.realmFile();
        this.database = new KeycloakDatabase(options);
        this.logFile = options.logsDir().resolve("keycloak.log");
        this.port = options.keycloakPort();
    }

    /**
     * The unpacked distribution: --keycloak-dist, or else the folder "keycloak" next to the jar this class was
     * loaded from (stack/target/keycloak).
     */
    static Path locateDistribution(StackOptions options) {
        Path dist = options.keycloakDistribution().orElseGet(() -> {
            try {
                Path codeSource = Path.of(KeycloakServer.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return codeSource.getParent().resolve("keycloak");
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "no Keycloak distribution at " + dist + ": build it with ./mvnw -pl stack package");
        }
        return dist;
    }

    void start() throws IOException, SQLException, InterruptedException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("realm file not found: " + realmFile);
        }
        Path dataDir = Files.createDirectories(distribution.resolve("data"));
        // Dev and test stacks share one distribution: its import folder and its first-start build (augmentation)
        // must not be used by two starts at once, so a start holds this lock until its realm is imported.
        try (FileChannel lockChannel = FileChannel.open(
                        dataDir.resolve(".parley-start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            Launch launched = launch(dataDir.resolve("import"));
            if (launched == null) {
                return;
            }
            URI discovery = URI.create("http://127.0.0.1:" + port + "/realms/parley/.well-known/openid-configuration");
            Readiness.await("Keycloak", READY_TIMEOUT, launched.process(), () -> answers200(discovery));
            if (launched.realm() == KeycloakDatabase.RealmStart.UPDATE) {
                new KeycloakRealmUpdate(port).apply(launched.realmFile(), database.formerNames());
            }
            if (launched.realm() != KeycloakDatabase.RealmStart.KEEP) {
                database.realmImported();
                Files.deleteIfExists(launched.realmFile());
            }
        }
    }

    /** A started Keycloak, what it does with the realm, and the copy of the realm file it takes it from. */
    private record Launch(Process process, KeycloakDatabase.RealmStart realm, Path realmFile) {}

    private synchronized Launch launch(Path importDir) throws IOException, SQLException {
        if (shutDown || (process != null && process.isAlive())) {
            return null;
        }
        // A Keycloak JVM whose kc.sh was killed still holds the port (and the database); only this distribution's.
        Processes.endLeftovers(stateDir, commandLine -> commandLine.contains(distribution.toString()));
        KeycloakDatabase.RealmStart realm = database.prepareForStart();
        boolean importsRealm = realm == KeycloakDatabase.RealmStart.IMPORT;
        Files.createDirectories(importDir);
        // Copies of realm files hold the demo users' passwords: a start deletes its own once the realm is in, and
        // any a failed start left behind.
        try (DirectoryStream<Path> previousRealms = Files.newDirectoryStream(importDir, "*.{json,update}")) {
            for (Path previous : previousRealms) {
                Files.delete(previous);
            }
        }
        // The file as it is now, imported or applied: one edited while Keycloak starts waits for the next start.
        Path realmCopy = importDir.resolve(importsRealm ? "parley-realm.json" : "parley-realm.update");
        if (realm != KeycloakDatabase.RealmStart.KEEP) {
            Files.copy(realmFile, realmCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        Path transactionLogs =
                Files.createDirectories(stateDir.resolve("keycloak").resolve("transaction-logs"));
        List<String> command = new ArrayList<>(List.of(
                distribution.resolve("bin/kc.sh").toString(),
                "start-dev",
                // postgres for every stack: the vendor is a build option, and a shared distribution built for
                // another vendor would be rebuilt (about 15 s) at each start that changes it.
                "--db=postgres",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + KeycloakDatabase.ROLE,
                // Keycloak's default of 100 would be the whole of PostgreSQL's max_connections, shared with the
                // services; a local Keycloak serves a handful of users.
                "--db-pool-max-size=10",
                // A pooled connection idle for a second is checked before use: after PostgreSQL restarts (an
                // outage, or its supervisor after a crash), each one left from before would be an answer 500.
                "-Dquarkus.datasource.jdbc.foreground-validation-interval=1S",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // Health and metrics stay off: either would open the management port 9000, shared by every stack.
                "--health-enabled=false",
                "--metrics-enabled=false",
                Processes.marker(stateDir),
                // Narayana's object store would otherwise sit in the shared distribution's data folder.
                "-Dquarkus.transaction-manager.object-store.directory=" + transactionLogs));
        if (importsRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        // A developer's own Keycloak settings must not leak into the stack.
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        environment.remove("JAVA_OPTS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // In the environment, not on the command line, which every local user may read.
        environment.put("KC_DB_PASSWORD", database.password());
        // C1 only: Keycloak starts markedly faster on two shared cores, and dev/test load is light.
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        process = builder.directory(distribution.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new Launch(process, realm, realmCopy);
    }

    private boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM to kc.sh, which forwards it to the Keycloak JVM and waits for it. */
    void shutDown() {
        Process running;
        synchronized (this) {
            shutDown = true;
            running = process;
            process = null;
        }
        if (running != null) {
            Processes.terminate(running.toHandle(), STOP_GRACE);
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    int port() {
        return port;
    }
}
