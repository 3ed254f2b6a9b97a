package org.parley.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The local stack (PostgreSQL, Kafka, Keycloak) as a child process of the platform supervisor. */
final class StackProcess implements ProcessPart.Child {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final Path stackJson;
    private final Path log;
    private final long startedAtNanos = System.nanoTime();

    private StackProcess(Process process, Path stackJson, Path log) {
        this.process = process;
        this.stackJson = stackJson;
        this.log = log;
    }

    @Override
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** PostgreSQL's password, from the owner-only file the stack generated at its first start (named in stack.json). */
    String postgresPassword() throws IOException {
        String file = new ObjectMapper()
                .readTree(stackJson.toFile())
                .path("postgresPasswordFile")
                .asText();
        if (file.isEmpty()) {
            throw new IllegalStateException(stackJson + " names no PostgreSQL password file");
        }
        return Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
    }

    /** The stack of {@code ./parley up}: state in .parley/stack, the default ports, durable PostgreSQL. */
    static List<String> command(Path root, Path state) {
        String classpath = root.resolve("stack/target/parley-stack-0.1.0-SNAPSHOT.jar")
                + java.io.File.pathSeparator
                + root.resolve("stack/target/lib/*");
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "org.parley.stack.LocalStack",
                "start",
                "--state",
                state.resolve("stack").toString(),
                "--realm",
                root.resolve("deploy/keycloak/parley-realm-demo.json").toString(),
                // People keep real work in it: fsync, synchronous commit and full-page writes on (also the
                // stack's default; said here so that no one turns them off for the platform by accident).
                "--durable",
                "true");
    }

    /** Starts {@code org.parley.stack.LocalStack}; {@link #awaitReady()} waits for its stack.json. */
    static StackProcess spawn(Path root, Path state) throws IOException {
        Path stackJson = state.resolve("stack/stack.json");
        Files.deleteIfExists(stackJson);
        Path log = state.resolve("logs/stack.log");
        Process process = new ProcessBuilder(command(root, state))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new StackProcess(process, stackJson, log);
    }

    /** The stack writes stack.json once PostgreSQL, Kafka and Keycloak are all ready. */
    @Override
    public Duration awaitReady() throws InterruptedException {
        long deadline = startedAtNanos + READY_TIMEOUT.toNanos();
        long lastReport = 0;
        while (!Files.exists(stackJson)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the stack exited; last lines of " + log + ":\n" + ServiceProcess.tail(log, 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the stack was not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.println("stack: starting (PostgreSQL, Kafka, Keycloak) ... see " + log);
                lastReport = System.nanoTime();
            }
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }
}
