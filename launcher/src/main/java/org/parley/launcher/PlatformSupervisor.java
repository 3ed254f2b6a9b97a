package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.parley.stack.supervision.Backoff;
import org.parley.stack.supervision.PartSupervisor;

/**
 * {@code Platform supervise}: the long-lived process that {@code ./parley up} leaves behind. It starts the stack,
 * the services and the console as its children, loads the seeds, then restarts any of them that exits (same
 * command line and settings, with backoff), and keeps .parley/platform.json up to date. SIGTERM ({@code down})
 * stops the console and the services together, then the stack. Its output is .parley/logs/supervisor.log.
 */
final class PlatformSupervisor {

    /** The line that tells {@code up}, which follows the log, that everything is ready. */
    static final String READY_LINE_START = "Parley is up in ";

    /** The environment variable that, set to {@code off}, starts every app without a class archive. */
    static final String CLASS_ARCHIVES_SWITCH = "PARLEY_CLASS_ARCHIVES";

    /** SIGTERM to SIGKILL for a service or the console: long enough to write a class archive as it exits. */
    private static final Duration APP_STOP_GRACE = Duration.ofSeconds(120);

    private final Path root;
    private final Path state;
    private final List<ProcessPart> parts = new ArrayList<>(); // in start order; stopped in reverse
    private final List<PartSupervisor> supervisions = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    PlatformSupervisor(Path root, Path state) {
        this.root = root;
        this.state = state;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(state.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "platform-shutdown"));
        writeState();

        Path logs = state.resolve("logs");
        StackProcess[] stack = new StackProcess[1];
        ProcessPart stackPart = add(new ProcessPart(
                "stack",
                0,
                () -> stack[0] = StackProcess.spawn(root, state),
                // The stack stops PostgreSQL with a checkpoint (fsync on): give it time.
                Duration.ofSeconds(120)));
        stackPart.start();
        System.out.printf("stack: PostgreSQL, Kafka and Keycloak ready in %.1f s%n", seconds(started));
        // The stack's generated password (owner-only file); ServiceProcess hands it over in the environment. A
        // restarted stack keeps it.
        Map<String, String> database = Map.of("quarkus.datasource.password", stack[0].postgresPassword());

        List<ProcessPart> services = new ArrayList<>();
        for (Map.Entry<String, Integer> service : Platform.SERVICES.entrySet()) {
            String name = service.getKey();
            int port = service.getValue();
            ProcessPart part =
                    add(new ProcessPart(name, port, () -> startApp(name, port, database, logs), APP_STOP_GRACE));
            part.spawn();
            services.add(part);
        }
        writeState();
        for (ProcessPart service : services) {
            Duration ready = service.awaitReady();
            System.out.printf(
                    "%-10s ready on :%d in %.1f s%n", service.name(), service.port(), ready.toMillis() / 1000.0);
        }
        int consolePort = Platform.CONSOLE_PORT;
        ProcessPart console = add(new ProcessPart(
                "console", consolePort, () -> startApp("console", consolePort, Map.of(), logs), APP_STOP_GRACE));
        console.spawn();
        writeState();
        new SeedLoader(root.resolve("seeds"), LocalEndpoints.local(), line -> System.out.println("seeds: " + line))
                .load();
        Duration consoleReady = console.awaitReady();
        System.out.printf("%-10s ready on :%d in %.1f s%n", "console", consolePort, consoleReady.toMillis() / 1000.0);

        for (ProcessPart part : parts) {
            PartSupervisor supervision =
                    new PartSupervisor(part, Backoff.DEFAULT, Duration.ofSeconds(1), PlatformSupervisor::log, () -> {
                        try {
                            writeState();
                        } catch (IOException e) {
                            log("could not write " + PlatformState.file(state) + ": " + e);
                        }
                    });
            synchronized (this) {
                supervisions.add(supervision);
            }
            supervision.watch();
        }
        writeState();
        System.out.printf("%n%s%.1f s.%n", READY_LINE_START, seconds(started));
        log("supervising the stack, the services and the console (pid "
                + ProcessHandle.current().pid() + ")");
        stopped.await();
    }

    private synchronized ProcessPart add(ProcessPart part) {
        parts.add(part);
        return part;
    }

    /** platform.json as things are now. */
    synchronized void writeState() throws IOException {
        List<PlatformState.Part> records = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ProcessPart part = parts.get(i);
            PartSupervisor supervision = i < supervisions.size() ? supervisions.get(i) : null;
            String partState = stopping
                    ? "stopping"
                    : supervision != null ? supervision.state().label() : part.isAlive() ? "starting" : "down";
            records.add(new PlatformState.Part(
                    part.name(),
                    part.pid().orElse(0),
                    partState,
                    supervision == null ? 0 : supervision.restarts(),
                    part.port(),
                    part.port() == 0 ? 0 : Platform.managementPort(part.port())));
        }
        new PlatformState(ProcessHandle.current().pid(), records).writeTo(PlatformState.file(state));
    }

    /**
     * A service or the console, with its {@link ClassArchive}: shared when one is there for this build, else recorded
     * (written when it stops).
     */
    private ServiceProcess startApp(String name, int port, Map<String, String> settings, Path logs) throws IOException {
        if ("off".equals(System.getenv(CLASS_ARCHIVES_SWITCH))) {
            log(name + ": no class archive (" + CLASS_ARCHIVES_SWITCH + "=off)");
            return ServiceProcess.start(root, name, port, Platform.managementPort(port), settings, logs);
        }
        ClassArchive.Plan archive =
                ClassArchive.plan(ClassArchive.directory(root), name, ServiceProcess.appDirectory(root, name));
        log(name + ": "
                + (archive.use() == ClassArchive.Use.SHARE
                        ? "class archive " + archive.archive().getFileName() + " shared"
                        : "recording a class archive (written when it stops: ./parley down takes longer this once)"));
        return ServiceProcess.start(
                root, name, port, Platform.managementPort(port), settings, logs, archive.jvmOptions());
    }

    /**
     * The JVM's shutdown hook: SIGTERM from {@code down}, or a failed start. The console and the services together
     * (each may write its class archive as it exits, which takes a while), then the stack.
     */
    private void shutDown() {
        stopping = true;
        List<ProcessPart> inReverse;
        synchronized (this) {
            supervisions.forEach(PartSupervisor::close);
            inReverse = new ArrayList<>(parts);
        }
        java.util.Collections.reverse(inReverse);
        List<Thread> appsStopping = new ArrayList<>();
        for (ProcessPart part : inReverse) {
            if (!part.name().equals("stack")) {
                if (part.isAlive()) {
                    log("stopping " + part.name());
                }
                // stop() also keeps a part that is being started from being spawned afterwards
                Thread stopping = new Thread(part::stop, "stop-" + part.name());
                stopping.start();
                appsStopping.add(stopping);
            }
        }
        for (Thread app : appsStopping) {
            try {
                app.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the stack is still stopped; its own grace bounds the wait
            }
        }
        for (ProcessPart part : inReverse) {
            if (part.name().equals("stack")) {
                if (part.isAlive()) {
                    log("stopping stack");
                }
                part.stop();
            }
        }
        try {
            Files.deleteIfExists(PlatformState.file(state));
        } catch (IOException e) {
            log("could not delete " + PlatformState.file(state) + ": " + e);
        }
        log("Parley stopped.");
        stopped.countDown();
    }

    static void log(String line) {
        System.out.println(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
