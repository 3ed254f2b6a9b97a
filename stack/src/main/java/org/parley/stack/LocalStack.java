package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import org.parley.stack.supervision.Backoff;
import org.parley.stack.supervision.PartState;
import org.parley.stack.supervision.PartSupervisor;

/**
 * PostgreSQL, Kafka and Keycloak for development and tests, without Docker. Runs in the foreground until SIGTERM
 * (or until the process given with --watch-pid exits) and then stops all three; see {@link StackOptions#USAGE}.
 */
public final class LocalStack {

    private final StackOptions options;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final CountDownLatch stopped = new CountDownLatch(1);
    // System.exit runs the shutdown hook. It gets a thread of its own: onExit callbacks may run on the JDK's
    // process reaper thread, which the hook needs free to see Kafka and Keycloak exit.
    private final BuildWatch buildWatch = new BuildWatch(() -> new Thread(() -> System.exit(0)).start());
    private final PartSupervisor postgresSupervision;
    private final PartSupervisor kafkaSupervision;
    private final PartSupervisor keycloakSupervision;
    private volatile boolean ready;
    private ControlServer control;

    private LocalStack(StackOptions options) throws IOException {
        this.options = options;
        this.postgres = new PostgresServer(options);
        this.kafka = new KafkaBroker(options);
        this.keycloak = new KeycloakServer(options, KeycloakServer.locateDistribution(options));
        this.postgresSupervision = supervise(
                new StackPart("postgres", postgres::start, postgres::isAlive, postgres::isRunning, postgres::pid));
        this.kafkaSupervision =
                supervise(new StackPart("kafka", kafka::start, kafka::isRunning, kafka::isRunning, kafka::pid));
        this.keycloakSupervision = supervise(
                new StackPart("keycloak", keycloak::start, keycloak::isRunning, keycloak::isRunning, keycloak::pid));
    }

    /** A part that dies is started again, with backoff; its exit and return are lines on the stack's console. */
    static PartSupervisor supervise(StackPart part) {
        return new PartSupervisor(part, Backoff.DEFAULT, Duration.ofSeconds(1), LocalStack::log, () -> {});
    }

    private static void log(String line) {
        System.out.println(LocalDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    private List<PartSupervisor> supervisions() {
        return List.of(postgresSupervision, kafkaSupervision, keycloakSupervision);
    }

    public static void main(String[] args) {
        // Before any logger exists: the stack's own console shows progress lines, libraries log only problems.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (options.command().equals("stop")) {
                System.exit(stop(options));
            }
            new LocalStack(options).run();
        } catch (Exception e) {
            System.err.println("local stack failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(options.logsDir());
        Optional<Long> running = runningStackPid(options);
        if (running.isPresent()) {
            throw new IllegalStateException(
                    "a stack is already running on " + options.stateDir() + " as pid " + running.get());
        }
        Files.deleteIfExists(options.descriptorFile());
        Processes.endLeftovers(options.stateDir());
        Files.writeString(
                options.pidFile(), Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "local-stack-shutdown"));
        options.watchPid().ifPresent(pid -> {
            if (ProcessHandle.of(pid).isEmpty()) {
                throw new IllegalStateException("process " + pid + " given with --watch-pid is not running");
            }
            buildWatch.join(pid);
        });

        long start = System.nanoTime();
        System.out.println("starting PostgreSQL, Kafka and Keycloak; logs in " + options.logsDir());
        control = new ControlServer(
                options.controlPort(),
                new ControlServer.Outage(kafkaSupervision, kafka::stop, kafka::start),
                new ControlServer.Outage(postgresSupervision, postgres::interrupt, postgres::start),
                this::health,
                this::join);
        control.start();
        CompletableFuture<Void> postgresReady = startInBackground("postgres", postgres::start);
        CompletableFuture<?> all = CompletableFuture.allOf(
                postgresReady,
                startInBackground("kafka", kafka::start),
                // Keycloak's database is in the stack's PostgreSQL.
                postgresReady.thenCompose(ready -> startInBackground("keycloak", keycloak::start)));
        try {
            all.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        StackDescriptor.of(
                        ProcessHandle.current().pid(),
                        postgres.port(),
                        kafka.port(),
                        keycloak.port(),
                        options.controlPort(),
                        options.postgresPasswordFile())
                .writeTo(options.descriptorFile());
        ready = true;
        System.out.println("stack ready in " + Readiness.seconds(start) + ": " + options.descriptorFile());
        supervisions().forEach(PartSupervisor::watch);
        stopped.await();
    }

    private interface Startup {
        void run() throws Exception;
    }

    private CompletableFuture<Void> startInBackground(String name, Startup startup) {
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            try {
                startup.run();
            } catch (Exception e) {
                throw new CompletionException(new IllegalStateException(name + ": " + e.getMessage(), e));
            }
            System.out.println(name + " ready in " + Readiness.seconds(start));
        });
    }

    /** Joins a Maven run to the watched ones, if the stack watches any; false once the stack is stopping. */
    private boolean join(long pid) {
        return !buildWatch.joinable() || buildWatch.join(pid);
    }

    /**
     * Each part as it is now (up, down, restarting: a killed process is down, whatever was started), its restarts,
     * and ready only once the stack has started and while every part is up.
     */
    String health() {
        return health(ready, supervisions());
    }

    static String health(boolean started, List<PartSupervisor> parts) {
        StringBuilder states = new StringBuilder();
        StringBuilder restarts = new StringBuilder();
        boolean allUp = true;
        for (PartSupervisor part : parts) {
            PartState state = part.state();
            allUp &= state == PartState.UP;
            states.append(",\"")
                    .append(part.part().name())
                    .append("\":\"")
                    .append(state.label())
                    .append('"');
            restarts.append(restarts.length() == 0 ? "" : ",")
                    .append('"')
                    .append(part.part().name())
                    .append("\":")
                    .append(part.restarts());
        }
        return "{\"ready\":" + (started && allUp) + states + ",\"restarts\":{" + restarts + "}}\n";
    }

    /** Runs as the JVM's shutdown hook, so SIGTERM, Ctrl-C and System.exit all end every child. */
    private void shutDown() {
        System.out.println("stopping the stack");
        long start = System.nanoTime();
        try {
            Files.deleteIfExists(options.descriptorFile());
        } catch (IOException e) {
            System.err.println("could not delete " + options.descriptorFile() + ": " + e);
        }
        // Before the parts stop: a part stopped now must not be restarted.
        supervisions().forEach(PartSupervisor::close);
        if (control != null) {
            control.stop();
        }
        CompletableFuture<Void> keycloakStopped = CompletableFuture.runAsync(keycloak::shutDown);
        CompletableFuture<Void> kafkaStopped = CompletableFuture.runAsync(kafka::shutDown);
        CompletableFuture.allOf(keycloakStopped, kafkaStopped).join();
        postgres.stop();
        try {
            Files.deleteIfExists(options.pidFile());
        } catch (IOException e) {
            System.err.println("could not delete " + options.pidFile() + ": " + e);
        }
        stopped.countDown();
        System.out.println("stack stopped in " + Readiness.seconds(start));
    }

    /** The pid of a live stack on this state directory: from stack.json, or stack.pid while it is starting. */
    private static Optional<Long> runningStackPid(StackOptions options) {
        List<Long> candidates = new ArrayList<>();
        try {
            candidates.add(StackDescriptor.readFrom(options.descriptorFile()).pid());
        } catch (IOException e) {
            // no stack.json, or a broken one
        }
        try {
            candidates.add(Long.parseLong(Files.readString(options.pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            // no stack.pid, or a broken one
        }
        return candidates.stream()
                .filter(pid -> ProcessHandle.of(pid)
                        .flatMap(p -> p.info().commandLine())
                        .map(commandLine -> commandLine.contains(LocalStack.class.getName()))
                        .orElse(false))
                .findFirst();
    }

    /** {@code LocalStack stop --state DIR}: SIGTERM to the stack process and wait until it is gone. */
    private static int stop(StackOptions options) {
        Optional<Long> pid = runningStackPid(options);
        if (pid.isEmpty()) {
            System.out.println("no stack running on " + options.stateDir());
            return 0;
        }
        ProcessHandle stack = ProcessHandle.of(pid.get()).orElseThrow();
        System.out.println("stopping the stack (pid " + pid.get() + ")");
        stack.destroy();
        if (!Processes.awaitExit(stack, Duration.ofSeconds(120))) {
            System.err.println("the stack (pid " + pid.get() + ") did not stop within 120 s");
            return 1;
        }
        System.out.println("stack stopped");
        return 0;
    }
}
