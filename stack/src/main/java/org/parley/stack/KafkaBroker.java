package org.parley.stack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka 4.1 node in KRaft combined mode (broker and controller), run as a child JVM on the stack's own
 * classpath. It can be stopped and started again on the same port and log directory while the stack runs.
 */
final class KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Path stateDir;
    private final Path kafkaDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> durabilitySettings;
    private Process process;
    private boolean shutDown;

    KafkaBroker(StackOptions options) throws IOException {
        this.stateDir = options.stateDir();
        this.kafkaDir = options.stateDir().resolve("kafka");
        this.logFile = options.logsDir().resolve("kafka.log");
        this.port = options.kafkaPort();
        this.controllerPort = LocalPorts.free();
        this.durabilitySettings = options.kafkaDurabilitySettings();
    }

    /** Starts the broker (formatting the log directory the first time) and waits until it answers requests. */
    void start() throws IOException, InterruptedException {
        Process started;
        synchronized (this) {
            if (shutDown || (process != null && process.isAlive())) {
                return;
            }
            Files.createDirectories(kafkaDir);
            Path config = writeServerProperties();
            formatLogDirectoryOnce(config);
            List<String> command = javaCommand("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC");
            command.add("kafka.Kafka");
            command.add(config.toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            started = process;
        }
        Readiness.await("Kafka", READY_TIMEOUT, started, this::answersRequests);
    }

    /** SIGTERM (controlled shutdown), then waits until the process is gone. */
    void stop() {
        Process running;
        synchronized (this) {
            running = process;
            process = null;
        }
        if (running != null) {
            Processes.terminate(running.toHandle(), STOP_GRACE);
        }
    }

    /** Stops for good: a start that is still under way won't launch anything afterwards. */
    void shutDown() {
        synchronized (this) {
            shutDown = true;
        }
        stop();
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

    private Path writeServerProperties() throws IOException {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                // A static single-voter quorum: the controller port may change between runs, which a dynamic
                // (--standalone) quorum would not allow, since it records the voter's endpoint in the log.
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", kafkaDir.resolve("data").toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // Fewer internal partitions: the first consumer group and transaction start faster on 2 cores.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4")));
        config.putAll(durabilitySettings);
        Path file = kafkaDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "Written by LocalStack at every start; edits are lost");
        }
        return file;
    }

    private void formatLogDirectoryOnce(Path config) throws IOException, InterruptedException {
        if (Files.exists(kafkaDir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        List<String> command = javaCommand("-Xmx256m");
        command.addAll(List.of(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config.toString()));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka log directory failed; see " + logFile);
        }
    }

    private List<String> javaCommand(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.addAll(List.of(jvmOptions));
        command.add(Processes.marker(stateDir));
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    private boolean answersRequests() {
        if (!Readiness.acceptsConnections(port)) {
            return false;
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
