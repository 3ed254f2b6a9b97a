package org.parley.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one local stack (PostgreSQL, Kafka, Keycloak) that all test JVMs of a Maven run share. The first JVM that
 * needs it starts it in the background, under a file lock so that concurrent JVMs never start two; later JVMs
 * reuse it. It stops by itself once every Maven run that used it has ended, unless the run that started it had
 * PARLEY_TEST_STACK_KEEP=1.
 */
public final class SharedStack {

    /**
     * Added to every test port, from the environment variable PARLEY_TEST_PORT_OFFSET (default 0), so a
     * second checkout can run its tests while another's stack is up.
     */
    public static final int PORT_OFFSET = portOffset();

    // Not the developer stack's ports (15432, 19092, 18080, 19999): both may run at once.
    public static final int POSTGRES_PORT = 25432 + PORT_OFFSET;
    public static final int KAFKA_PORT = 29092 + PORT_OFFSET;
    public static final int KEYCLOAK_PORT = 28080 + PORT_OFFSET;
    public static final int CONTROL_PORT = 29999 + PORT_OFFSET;

    private static int portOffset() {
        String configured = System.getenv("PARLEY_TEST_PORT_OFFSET");
        return configured == null || configured.isBlank() ? 0 : Integer.parseInt(configured.trim());
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static StackInfo stack;

    private SharedStack() {}

    /** The shared stack, started on first use. */
    public static synchronized StackInfo get() {
        if (stack == null) {
            try {
                stack = reuseOrStart(projectRoot());
            } catch (IOException e) {
                throw new IllegalStateException("could not start the shared test stack: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the shared test stack", e);
            }
        }
        return stack;
    }

    /**
     * Where the stack keeps its state: {@code target/test-stack}, or {@code target/test-stack-<offset>} for a run
     * on other ports (the fault suite's durable stack must never be mistaken for a running test stack).
     */
    public static Path stateDir(Path projectRoot) {
        return projectRoot.resolve("target").resolve(PORT_OFFSET == 0 ? "test-stack" : "test-stack-" + PORT_OFFSET);
    }

    /**
     * PARLEY_TEST_STACK_DURABLE=1 (the fault suite) starts PostgreSQL with fsync and synchronous commit on, as
     * ./parley up does: only then may a kill -9 of the postmaster be required to lose nothing acknowledged.
     */
    private static final boolean DURABLE = "1".equals(System.getenv("PARLEY_TEST_STACK_DURABLE"));

    private static StackInfo reuseOrStart(Path root) throws IOException, InterruptedException {
        Path stateDir = stateDir(root);
        Path descriptor = stateDir.resolve("stack.json");
        long buildPid = buildProcessPid();
        Optional<StackInfo> running = readIfRunning(descriptor);
        if (running.isPresent() && joined(running.get(), buildPid)) {
            return running.get();
        }
        Files.createDirectories(stateDir.resolve("logs"));
        try (FileChannel lockChannel = FileChannel.open(
                        stateDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockPatiently(lockChannel)) {
            // Another JVM may have started it while this one waited for the lock.
            running = readIfRunning(descriptor);
            if (running.isPresent()) {
                if (joined(running.get(), buildPid)) {
                    return running.get();
                }
                log("the shared test stack is stopping (its Maven run ended); waiting to start a new one");
                ProcessHandle.of(running.get().pid())
                        .ifPresent(stopping -> stopping.onExit()
                                .orTimeout(120, TimeUnit.SECONDS)
                                .join());
            }
            return start(root, stateDir, descriptor, buildPid);
        }
    }

    private static FileLock lockPatiently(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            log("another test JVM is starting the shared test stack; waiting for it");
            lock = channel.lock();
        }
        return lock;
    }

    /**
     * Asks a running stack to stay up until this Maven run has ended too (it stops when the last run it serves
     * has exited). False if it is already stopping.
     */
    private static boolean joined(StackInfo stack, long buildPid) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + stack.controlPort() + "/watch?pid=" + buildPid))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static StackInfo start(Path root, Path stateDir, Path descriptor, long buildPid)
            throws IOException, InterruptedException {
        Path stackTarget = root.resolve("stack").resolve("target");
        Path stackJar = copyOfStackJar(findStackJar(stackTarget), stateDir);
        Path output = stateDir.resolve("logs").resolve("stack.out");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Its own session: a Ctrl-C meant for Maven reaches the stack only through --watch-pid, in order.
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The stack JVM only supervises; its children have their own heaps.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                stackJar + File.pathSeparator + stackTarget.resolve("lib") + File.separator + "*",
                "org.parley.stack.LocalStack",
                "start",
                "--state",
                stateDir.toString(),
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
                // Test data is disposable and recreated by every run: PostgreSQL without fsync, synchronous commit
                // and full-page writes is much faster on a busy machine, and a crash only loses data no one keeps.
                // ./parley up keeps all three on (the stack's default), and so does the fault suite.
                "--durable",
                Boolean.toString(DURABLE)));
        boolean keep = "1".equals(System.getenv("PARLEY_TEST_STACK_KEEP"));
        if (!keep) {
            command.add("--watch-pid");
            command.add(Long.toString(buildPid));
        }
        log("starting the shared test stack (logs in " + stateDir.resolve("logs") + ", "
                + (keep
                        ? "kept after this run: PARLEY_TEST_STACK_KEEP=1"
                        : "stops when Maven (pid " + buildPid + ") and any run that reuses it have exited")
                + ")");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        long deadline = start + START_TIMEOUT.toNanos();
        long nextProgress = start + PROGRESS_INTERVAL.toNanos();
        while (true) {
            Optional<StackInfo> ready = readIfRunning(descriptor).filter(info -> info.pid() == process.pid());
            if (ready.isPresent()) {
                log(String.format(Locale.ROOT, "shared test stack ready in %.1f s", (System.nanoTime() - start) / 1e9));
                return ready.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the shared test stack exited with code " + process.exitValue()
                        + "; its output:\n" + tail(output));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                process.destroy(); // its shutdown hook stops whatever did start
                throw new IllegalStateException("the shared test stack was not ready after " + START_TIMEOUT.toSeconds()
                        + " s; its output:\n" + tail(output));
            }
            if (now > nextProgress) {
                log(String.format(
                        Locale.ROOT,
                        "waiting for the shared test stack: %d s (%s)",
                        (now - start) / 1_000_000_000L,
                        output));
                nextProgress = now + PROGRESS_INTERVAL.toNanos();
            }
            Thread.sleep(250);
        }
    }

    /** The descriptor, if its stack process is alive and its services answer; nothing otherwise. */
    private static Optional<StackInfo> readIfRunning(Path descriptor) {
        StackInfo info;
        try {
            info = JSON.readValue(descriptor.toFile(), StackInfo.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        // Kafka is left out: a test in another JVM may have stopped it for a moment on purpose.
        boolean answering = alive
                && acceptsConnections(info.postgresPort())
                && acceptsConnections(info.keycloakPort())
                && acceptsConnections(info.controlPort());
        return answering ? Optional.of(info) : Optional.empty();
    }

    /**
     * The process the stack watches: the Maven JVM. A surefire fork's parent is Maven (sometimes through a shell);
     * tests run inside Maven itself (forkCount=0) watch Maven directly.
     */
    static long buildProcessPid() {
        ProcessHandle current = ProcessHandle.current();
        if (isMaven(current)) {
            return current.pid();
        }
        Optional<ProcessHandle> ancestor = current.parent();
        while (ancestor.isPresent() && isShell(ancestor.get())) {
            ancestor = ancestor.get().parent();
        }
        return ancestor.filter(p -> p.pid() > 1).map(ProcessHandle::pid).orElse(current.pid());
    }

    private static boolean isMaven(ProcessHandle process) {
        return process.info()
                .commandLine()
                .map(c -> c.contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
                .orElse(false);
    }

    private static boolean isShell(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> c.endsWith("/sh") || c.endsWith("/bash") || c.endsWith("/dash"))
                .orElse(false);
    }

    /** The repository root: the parley.root system property (set by surefire) or the nearest folder with mvnw. */
    static Path projectRoot() {
        String configured = System.getProperty("parley.root");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (Files.exists(root.resolve("mvnw"))) {
                return root;
            }
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Parley repository root (no parley.root, no mvnw above "
                + System.getProperty("user.dir") + ")");
    }

    private static Path findStackJar(Path stackTarget) throws IOException {
        if (Files.isDirectory(stackTarget.resolve("lib")) && Files.isDirectory(stackTarget.resolve("keycloak"))) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(stackTarget, "parley-stack-*.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException(
                "the local stack is not built (" + stackTarget + "): run ./mvnw -B -q -pl stack install first");
    }

    /**
     * The stack runs from a copy of its jar: a rebuild of the stack module rewrites stack/target's jar in place,
     * which would break a stack still running from it. The rename replaces the name only; a stack that is still
     * shutting down keeps reading its own (old) copy.
     */
    private static Path copyOfStackJar(Path stackJar, Path stateDir) throws IOException {
        Path copy = stateDir.resolve("parley-stack.jar");
        Path temporary = stateDir.resolve("parley-stack.jar.tmp");
        Files.copy(stackJar, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void log(String message) {
        System.out.println("[parley-testing] " + message);
    }
}
