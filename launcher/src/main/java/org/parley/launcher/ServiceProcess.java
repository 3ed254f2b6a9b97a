package org.parley.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.stack.LocalPorts;

/**
 * One Parley service run from its Quarkus fast-jar as a child process, its output in a log file. Its API and its
 * management interface (health, metrics) listen on two ports, both on 127.0.0.1 unless the settings say otherwise.
 */
public final class ServiceProcess implements ProcessPart.Child {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final long startedAtNanos;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log, long startedAtNanos) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.startedAtNanos = startedAtNanos;
    }

    /** {@link #start(Path, String, int, int, Map, Path)} with a free management port chosen now. */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> settings, Path logDir)
            throws IOException {
        return start(root, name, port, LocalPorts.free(), settings, logDir);
    }

    /** {@link #start(Path, String, int, Map, Path)} with more JVM options. */
    public static ServiceProcess start(
            Path root, String name, int port, Map<String, String> settings, Path logDir, List<String> jvmOptions)
            throws IOException {
        return start(root, name, port, LocalPorts.free(), settings, logDir, jvmOptions);
    }

    /**
     * Starts {@code services/<name>/target/quarkus-app/quarkus-run.jar} with the given configuration, in the dev
     * profile (the local stack's defaults) unless the settings say otherwise. Settings are system properties,
     * except passwords and secrets: those go in the child's environment (Quarkus reads
     * {@code quarkus.datasource.password} from {@code QUARKUS_DATASOURCE_PASSWORD}), which other users cannot read,
     * where a command line is visible to every user of the machine ({@code ps}).
     */
    public static ServiceProcess start(
            Path root, String name, int port, int managementPort, Map<String, String> settings, Path logDir)
            throws IOException {
        return start(root, name, port, managementPort, settings, logDir, List.of());
    }

    /** {@link #start(Path, String, int, int, Map, Path)} with more JVM options (a {@link ClassArchive}'s). */
    public static ServiceProcess start(
            Path root,
            String name,
            int port,
            int managementPort,
            Map<String, String> settings,
            Path logDir,
            List<String> jvmOptions)
            throws IOException {
        Path jar = appDirectory(root, name).resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("not built: " + jar + " (run ./mvnw install -DskipTests first)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        if (!settings.containsKey("quarkus.profile")) {
            command.add("-Dquarkus.profile=dev");
        }
        if (!settings.containsKey("parley.root")) {
            // dev state (interviews' DEV-ONLY keys) stays below the project, whatever the working directory
            command.add("-Dparley.root=" + root.toAbsolutePath());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (isSecret(key)) {
                environment.put(environmentName(key), value);
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, port, managementPort, process, log, System.nanoTime());
    }

    /** The built app of {@code services/<name>}: its Quarkus fast-jar folder. */
    static Path appDirectory(Path root, String name) {
        return root.resolve("services").resolve(name).resolve("target/quarkus-app");
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith("password") || lower.contains("secret") || lower.endsWith("-kek");
    }

    /** The MicroProfile Config environment name of a property: {@code quarkus.datasource.password} → QUARKUS_DATASOURCE_PASSWORD. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Waits until the management interface's /q/health/ready answers 200; fails early, with the log's tail, if the
     * process dies.
     */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last lines of " + log
                        + ":\n" + tail(log, 30));
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAtNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " not ready after " + timeout.toSeconds() + " s; last lines of " + log + ":\n" + tail(log, 30));
    }

    /** {@link #awaitReady(Duration)} with the launcher's three minutes. */
    @Override
    public Duration awaitReady() throws IOException, InterruptedException {
        return awaitReady(Duration.ofSeconds(180));
    }

    @Override
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Where health ({@code /q/health}) and metrics ({@code /q/metrics}) answer; never the API port. */
    public int managementPort() {
        return managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, then a kill after ten seconds. (Declares InterruptedException, as it always has, for its callers.) */
    public void stop() throws InterruptedException {
        stop(process.toHandle());
    }

    static void stop(ProcessHandle handle) {
        ProcessPart.stop(handle, Duration.ofSeconds(10));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
