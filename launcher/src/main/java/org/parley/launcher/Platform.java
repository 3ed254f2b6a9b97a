package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The README's first command, after the build: starts the local stack, the four services and the web
 * console, waits for health, loads the seed data once, and prints where everything is. {@code down} stops it all.
 */
public final class Platform {

    /** The web console's local port; it starts after the services, since its pages call them. */
    public static final int CONSOLE_PORT = 8080;

    /** The four services and their fixed local ports. */
    public static final Map<String, Integer> SERVICES = servicePorts();

    /**
     * Health and metrics are on a management port of their own, never on the API port: the API port + 1000
     * (console 9080, cases 9081, interviews 9082, access 9083, events 9084), on 127.0.0.1 like the API.
     */
    public static int managementPort(int port) {
        return port + 1000;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Platform() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        Path root =
                Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".parley");
        switch (command) {
            case "up" -> up(root, state);
            case "down" -> down(state);
            case "seed" -> new SeedLoader(root.resolve("seeds"), LocalEndpoints.local(), System.out::println).load();
            default -> {
                System.err.println("usage: Platform up|down|seed");
                System.exit(2);
            }
        }
    }

    private static void up(Path root, Path state) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(state.resolve("logs"));
        if (Files.exists(state.resolve("platform.json")) && anyAlive(state)) {
            System.out.println("Parley is already running (./parley down stops it).");
            return;
        }
        StackProcess stack = StackProcess.startDetached(root, state);
        System.out.printf("stack: PostgreSQL, Kafka and Keycloak ready in %.1f s%n", seconds(started));
        // The stack's generated password (owner-only file); ServiceProcess hands it over in the environment.
        Map<String, String> database = Map.of("quarkus.datasource.password", stack.postgresPassword());

        List<ServiceProcess> services = new ArrayList<>();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            int port = service.getValue();
            services.add(ServiceProcess.start(
                    root, service.getKey(), port, managementPort(port), database, state.resolve("logs")));
        }
        writePlatformFile(state, stack.pid(), services);
        for (ServiceProcess service : services) {
            Duration ready = service.awaitReady(Duration.ofSeconds(180));
            System.out.printf(
                    "%-10s ready on :%d in %.1f s%n", service.name(), service.port(), ready.toMillis() / 1000.0);
        }
        ServiceProcess console = ServiceProcess.start(
                root, "console", CONSOLE_PORT, managementPort(CONSOLE_PORT), Map.of(), state.resolve("logs"));
        services.add(console);
        writePlatformFile(state, stack.pid(), services);
        new SeedLoader(root.resolve("seeds"), LocalEndpoints.local(), line -> System.out.println("seeds: " + line))
                .load();
        Duration consoleReady = console.awaitReady(Duration.ofSeconds(180));
        System.out.printf("%-10s ready on :%d in %.1f s%n", "console", CONSOLE_PORT, consoleReady.toMillis() / 1000.0);
        System.out.printf("%nParley is up in %.1f s.%n", seconds(started));
        System.out.println("""

                Console   http://127.0.0.1:8080   (sign in as a demo user below; the public register needs none)
                Services (OpenAPI at /q/openapi; health /q/health and metrics /q/metrics on port + 1000, e.g. 9081):
                  cases       http://127.0.0.1:8081   (public register: /public/cases)
                  interviews  http://127.0.0.1:8082
                  access      http://127.0.0.1:8083
                  events      http://127.0.0.1:8084
                  Keycloak    http://127.0.0.1:18080  (realm parley)
                Demo logins (password = username + "-pass"): sofia (staff, lead of every case), mateo (staff),
                  ana and bruno (secrecy admins), irene (auditor), carlos (identity custodian),
                  lucia (oas partner), pierre (medic-ngo partner).
                A token:  curl -s -d grant_type=password -d client_id=parley-cli -d username=sofia \\
                            -d password=sofia-pass http://127.0.0.1:18080/realms/parley/protocol/openid-connect/token
                Everything listens on 127.0.0.1 only (docs/operations.md says how to open it).
                Logs: .parley/logs/   Stop: ./parley down""");
    }

    private static void down(Path state) throws Exception {
        Path file = state.resolve("platform.json");
        if (!Files.exists(file)) {
            System.out.println("Parley is not running.");
            return;
        }
        JsonNode platform = JSON.readTree(file.toFile());
        for (JsonNode service : platform.path("services")) {
            stopPid(service.path("pid").asLong(), service.path("name").asText());
        }
        stopPid(platform.path("stackPid").asLong(), "stack");
        Files.deleteIfExists(file);
        System.out.println("Parley stopped.");
    }

    private static void stopPid(long pid, String name) throws InterruptedException {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().isAlive()) {
            ServiceProcess.stop(handle.get());
            System.out.println("stopped " + name);
        }
    }

    private static boolean anyAlive(Path state) throws IOException {
        JsonNode platform = JSON.readTree(state.resolve("platform.json").toFile());
        if (ProcessHandle.of(platform.path("stackPid").asLong())
                .map(ProcessHandle::isAlive)
                .orElse(false)) {
            return true;
        }
        for (JsonNode service : platform.path("services")) {
            if (ProcessHandle.of(service.path("pid").asLong())
                    .map(ProcessHandle::isAlive)
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static void writePlatformFile(Path state, long stackPid, List<ServiceProcess> services) throws IOException {
        ObjectNode platform = JSON.createObjectNode();
        platform.put("stackPid", stackPid);
        var array = platform.putArray("services");
        for (ServiceProcess service : services) {
            array.addObject()
                    .put("name", service.name())
                    .put("pid", service.pid())
                    .put("port", service.port())
                    .put("managementPort", service.managementPort());
        }
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(state.resolve("platform.json").toFile(), platform);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("access", 8083);
        ports.put("cases", 8081);
        ports.put("interviews", 8082);
        ports.put("events", 8084);
        return java.util.Collections.unmodifiableMap(ports);
    }
}
