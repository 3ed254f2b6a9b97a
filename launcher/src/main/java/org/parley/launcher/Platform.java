package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's first command, after the build: leaves a supervisor ({@link PlatformSupervisor}) that starts the
 * local stack, the four services and the web console, loads the seed data once and keeps them all running; prints
 * its progress and where everything is. {@code status} tells what is up, {@code down} stops it all.
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

    private Platform() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        Path root =
                Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".parley");
        switch (command) {
            case "up" -> System.exit(up(root, state));
            case "supervise" -> supervise(root, state);
            case "down" -> down(state);
            case "status" -> System.exit(status(state));
            case "seed" -> new SeedLoader(root.resolve("seeds"), LocalEndpoints.local(), System.out::println).load();
            default -> {
                System.err.println("usage: Platform up|down|status|seed");
                System.exit(2);
            }
        }
    }

    /**
     * Leaves a supervisor running that starts and then watches everything, and prints its progress (its log) until
     * all is ready. A supervisor that is already running is left alone; the leftovers of a dead one are stopped.
     */
    private static int up(Path root, Path state) throws Exception {
        Files.createDirectories(state.resolve("logs"));
        Optional<PlatformState> existing = PlatformState.readFrom(PlatformState.file(state));
        if (existing.isPresent()) {
            Optional<ProcessHandle> supervisor = existing.get().supervisor();
            if (supervisor.isPresent()) {
                System.out.println("Parley is already running (supervisor pid "
                        + supervisor.get().pid() + "; it restarts any part that is down; ./parley down stops it):");
                System.out.print(PlatformStatus.of(existing.get(), state).render());
                return 0;
            }
            System.out.println("Parley's supervisor is gone; stopping what is left of the last run");
            stopLeftovers(existing.get());
            Files.deleteIfExists(PlatformState.file(state));
        }
        Path log = state.resolve("logs/supervisor.log");
        long offset = Files.exists(log) ? Files.size(log) : 0;
        Process supervisor = new ProcessBuilder(supervisorCommand(root))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!new LogFollower(log, offset).printUntil(PlatformSupervisor.READY_LINE_START, supervisor)) {
            // Its last lines are those just printed.
            System.err.println("Parley's supervisor exited before all was ready; its log: " + log);
            return 1;
        }
        System.out.println(BANNER);
        return 0;
    }

    /**
     * The supervisor runs in a session of its own (setsid), so that closing the terminal of {@code ./parley up}
     * does not end the platform; it uses this launcher's own classpath.
     */
    private static List<String> supervisorCommand(Path root) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-Dparley.root=" + root,
                "-cp",
                absoluteClasspath(),
                Platform.class.getName(),
                "supervise"));
        return command;
    }

    /** This JVM's classpath with absolute entries: the supervisor runs in the root, which may not be ours. */
    private static String absoluteClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static void supervise(Path root, Path state) {
        try {
            new PlatformSupervisor(root, state).run();
        } catch (Exception e) {
            System.out.println("the platform did not start: " + e.getMessage());
            System.exit(1); // the shutdown hook stops what had started
        }
    }

    private static void down(Path state) throws Exception {
        Optional<PlatformState> platform = PlatformState.readFrom(PlatformState.file(state));
        if (platform.isEmpty()) {
            System.out.println("Parley is not running.");
            return;
        }
        Optional<ProcessHandle> supervisor = platform.get().supervisor();
        if (supervisor.isPresent()) {
            System.out.println("stopping the console, the services and the stack (supervisor pid "
                    + supervisor.get().pid() + "; see .parley/logs/supervisor.log)");
            // The supervisor's own grace periods: 10 s per service, 120 s for the stack.
            ProcessPart.stop(supervisor.get(), Duration.ofSeconds(240));
        }
        stopLeftovers(platform.get());
        Files.deleteIfExists(PlatformState.file(state));
        System.out.println("Parley stopped.");
    }

    /** Parts that outlived their supervisor (or of a launcher from before supervision): services first. */
    private static void stopLeftovers(PlatformState platform) {
        List<PlatformState.Part> parts = new ArrayList<>(platform.parts());
        parts.sort(java.util.Comparator.comparing(part -> part.name().equals("stack")));
        for (PlatformState.Part part : parts) {
            PlatformState.alive(part.pid()).ifPresent(process -> {
                ProcessPart.stop(process, Duration.ofSeconds(part.name().equals("stack") ? 120 : 10));
                System.out.println("stopped " + part.name());
            });
        }
    }

    private static int status(Path state) throws IOException {
        Optional<PlatformState> platform = PlatformState.readFrom(PlatformState.file(state));
        if (platform.isEmpty()) {
            System.out.println("Parley is not running.");
            return 1;
        }
        StatusReport report = PlatformStatus.of(platform.get(), state);
        System.out.print(report.render());
        return report.allUp() ? 0 : 1;
    }

    static final String BANNER = """

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
            Logs: .parley/logs/   Status: ./parley status   Stop: ./parley down""";

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("access", 8083);
        ports.put("cases", 8081);
        ports.put("interviews", 8082);
        ports.put("events", 8084);
        return java.util.Collections.unmodifiableMap(ports);
    }
}
