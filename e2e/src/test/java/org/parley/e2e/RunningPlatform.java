package org.parley.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parley.launcher.ApiClient;
import org.parley.launcher.LocalEndpoints;
import org.parley.launcher.SeedLoader;
import org.parley.launcher.ServiceProcess;
import org.parley.testing.PlatformConsumerGroups;
import org.parley.testing.SharedStack;
import org.parley.testing.StackInfo;

/**
 * The whole platform, once per test JVM: the four services from their built jars (own databases
 * {@code <service>_e2e}) against the shared real stack, with the seed data loaded through the APIs.
 */
final class RunningPlatform {

    private static final int OFFSET = SharedStack.PORT_OFFSET;
    /**
     * The client compiler only: four service JVMs start at once on the test machine's two cores, and C2's compile
     * threads would take most of them (measured on the console's platform: services ready in ~21 s instead of
     * ~37 s); the tests' own requests do not need C2's code. Speed only: nothing a test checks depends on it.
     */
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1");

    private static final Map<String, Integer> PORTS = Map.of(
            "access", 28183 + OFFSET, "cases", 28181 + OFFSET, "interviews", 28182 + OFFSET, "events", 28184 + OFFSET);

    private static RunningPlatform instance;

    final StackInfo stack;
    final LocalEndpoints endpoints;
    final ApiClient api;
    final Map<String, String> caseIds;
    final Path logs;
    private final Path root;
    private final Map<String, ServiceProcess> services;
    private final Map<String, Map<String, String>> settings;

    private RunningPlatform(
            StackInfo stack,
            LocalEndpoints endpoints,
            Map<String, String> caseIds,
            Path logs,
            Path root,
            Map<String, ServiceProcess> services,
            Map<String, Map<String, String>> settings) {
        this.stack = stack;
        this.endpoints = endpoints;
        this.api = new ApiClient(stack.keycloakUrl());
        this.caseIds = caseIds;
        this.logs = logs;
        this.root = root;
        this.services = services;
        this.settings = settings;
    }

    /** The running process of a service (access, cases, interviews, events). */
    synchronized ServiceProcess service(String name) {
        return services.get(name);
    }

    /**
     * Starts the service again with the settings of its first start, as a supervisor restarts a crashed one; returns
     * at once (the caller measures how long it takes to serve again).
     */
    synchronized ServiceProcess restart(String name) throws Exception {
        ServiceProcess old = services.get(name);
        boolean gone = ProcessHandle.of(old.pid())
                .map(process -> process.onExit().completeOnTimeout(null, 30, java.util.concurrent.TimeUnit.SECONDS))
                .map(exited -> {
                    exited.join();
                    return !ProcessHandle.of(old.pid())
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
                })
                .orElse(true);
        if (!gone) {
            throw new IllegalStateException(name + " is still running");
        }
        ServiceProcess started = ServiceProcess.start(
                root, name, PORTS.get(name), old.managementPort(), settings.get(name), logs, QUICK_JVM);
        services.put(name, started);
        return started;
    }

    static synchronized RunningPlatform get() throws Exception {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static RunningPlatform start() throws Exception {
        Path root = projectRoot();
        StackInfo stack = SharedStack.get();
        Path logs = root.resolve("e2e/target/service-logs");
        Files.createDirectories(logs);
        Map<String, ServiceProcess> services = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> settingsByService = new HashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> names = List.of("access", "cases", "interviews", "events");
        Map<String, Map<String, String>> groups = PlatformConsumerGroups.startingNow(stack, "e2e", run, names);
        for (String name : names) {
            requireFree(PORTS.get(name), name);
            String database = name + "_e2e";
            recreateDatabase(stack, database);
            Map<String, String> settings = new HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.url", stack.jdbcUrl(database),
                    "quarkus.datasource.username", StackInfo.POSTGRES_USER,
                    "quarkus.datasource.password", stack.postgresPassword(),
                    "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                    "quarkus.oidc.auth-server-url", stack.realmUrl()));
            if (name.equals("cases")) {
                // which cited excerpts a reader may see: this platform's interviews service
                settings.put("quarkus.rest-client.interviews.url", "http://127.0.0.1:" + PORTS.get("interviews"));
            }
            if (name.equals("events")) {
                // One signing key per ledger: this run's ledger is new, and its anchors on the shared broker
                // must not meet those of an earlier run's ledger signed with the same key.
                settings.put(
                        "parley.ledger.dev-key-file",
                        root.resolve("e2e/target/dev-only-keys/" + run + "/ledger-signing.key")
                                .toString());
            }
            settings.putAll(groups.get(name));
            settingsByService.put(name, Map.copyOf(settings));
            services.put(name, ServiceProcess.start(root, name, PORTS.get(name), settings, logs, QUICK_JVM));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // the processes running now: a fault drill may have restarted some
            for (ServiceProcess service :
                    List.copyOf(instance == null ? services.values() : instance.runningServices())) {
                try {
                    service.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        for (ServiceProcess service : services.values()) {
            Duration ready = service.awaitReady(Duration.ofSeconds(180));
            System.out.printf("e2e: %s ready in %.1f s%n", service.name(), ready.toMillis() / 1000.0);
        }
        LocalEndpoints endpoints = new LocalEndpoints(
                "http://127.0.0.1:" + PORTS.get("cases"),
                "http://127.0.0.1:" + PORTS.get("interviews"),
                "http://127.0.0.1:" + PORTS.get("access"),
                "http://127.0.0.1:" + PORTS.get("events"),
                stack.keycloakUrl());
        Map<String, String> caseIds = new SeedLoader(
                        root.resolve("seeds"), endpoints, line -> System.out.println("e2e seeds: " + line))
                .load();
        return new RunningPlatform(stack, endpoints, caseIds, logs, root, services, settingsByService);
    }

    /**
     * A port still held (by a service of an earlier run that is not gone yet) would let the new service's management
     * interface answer "ready" for a moment before its API port fails to bind: refuse to start instead.
     */
    private static void requireFree(int port, String name) throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (java.net.BindException taken) {
            throw new IllegalStateException("port " + port + " for " + name + " is in use: is a test run of this"
                    + " project still running? (PARLEY_TEST_PORT_OFFSET moves every port of a second run)");
        }
    }

    private synchronized List<ServiceProcess> runningServices() {
        return List.copyOf(services.values());
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
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (the folder with mvnw)");
        }
        return dir;
    }
}
