package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The local stack (PostgreSQL, Kafka, Keycloak) as a background process of its own. */
final class StackProcess {

    private final long pid;

    private StackProcess(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** Starts {@code org.parley.stack.LocalStack} in the background and waits for its stack.json. */
    static StackProcess startDetached(Path root, Path state) throws IOException, InterruptedException {
        Path stackJson = state.resolve("stack/stack.json");
        Files.deleteIfExists(stackJson);
        String classpath = root.resolve("stack/target/parley-stack-0.1.0-SNAPSHOT.jar")
                + java.io.File.pathSeparator
                + root.resolve("stack/target/lib/*");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "org.parley.stack.LocalStack",
                "start",
                "--state",
                state.resolve("stack").toString(),
                "--realm",
                root.resolve("deploy/keycloak/parley-realm-demo.json").toString());
        Path log = state.resolve("logs/stack.log");
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + 300_000_000_000L;
        long lastReport = 0;
        while (!Files.exists(stackJson)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the stack exited; last lines of " + log + ":\n" + ServiceProcess.tail(log, 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stack was not ready after 300 s; see " + log);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.println("stack: starting (PostgreSQL, Kafka, Keycloak) ... see " + log);
                lastReport = System.nanoTime();
            }
            Thread.sleep(250);
        }
        return new StackProcess(process.pid());
    }
}
