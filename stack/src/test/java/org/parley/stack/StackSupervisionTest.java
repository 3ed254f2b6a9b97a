package org.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.stack.supervision.PartState;
import org.parley.stack.supervision.PartSupervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real PostgreSQL and Kafka of the stack, killed with SIGKILL, come back by themselves through the same
 * supervision LocalStack uses, with the data committed before the kill; health says the truth meanwhile. Both run
 * durable, as the stack does by default: each acknowledged commit or record is synced to disk first.
 */
class StackSupervisionTest {

    // The machine is slow and shared; a restart usually takes seconds.
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @TempDir
    Path state;

    @Test
    void aKilledPostmasterIsRestartedWithItsDataAndAnOutageOnPurposeIsNot() throws Exception {
        StackOptions options = options();
        PostgresServer postgres = new PostgresServer(options);
        PartSupervisor supervision = LocalStack.supervise(StackPart.of(postgres));
        try {
            postgres.start();
            String password = Files.readString(options.postgresPasswordFile()).trim();
            try (Connection connection = connect(options.postgresPort(), password);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (note text)");
                statement.execute("INSERT INTO kept VALUES ('before the kill')");
            }
            supervision.watch();
            long postmaster = postgres.pid().orElseThrow();

            Processes.signal(postmaster, "KILL");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !ProcessHandle.of(postmaster).isPresent());
            long killedAt = System.nanoTime();

            assertThat(postgres.isRunning()).isFalse();
            assertThat(supervision.state()).isNotEqualTo(PartState.UP);
            assertThat(LocalStack.health(true, List.of(supervision))).contains("\"ready\":false");
            await().atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> commits(options.postgresPort(), password));
            System.out.printf(
                    "PostgreSQL accepted a commit %.1f s after kill -9 of its postmaster%n",
                    (System.nanoTime() - killedAt) / 1e9);
            // It accepts commits a moment before its start (and so the supervisor) has finished.
            await().atMost(RECOVERY).until(() -> supervision.state() == PartState.UP);
            assertThat(postgres.pid().orElseThrow()).isNotEqualTo(postmaster);
            assertThat(supervision.restarts()).isEqualTo(1);
            assertThat(LocalStack.health(true, List.of(supervision)))
                    .isEqualTo("{\"ready\":true,\"postgres\":\"up\",\"restarts\":{\"postgres\":1}}\n");
            try (Connection connection = connect(options.postgresPort(), password);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT note FROM kept ORDER BY note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("after the restart");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the kill");
            }
            // The durability settings come back with it: the same start.
            try (Connection connection = connect(options.postgresPort(), password);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("on");
            }

            // A deliberate outage (the control API's /postgres/stop) is left alone.
            supervision.stopOnPurpose(postgres::interrupt);
            Thread.sleep(3000);
            assertThat(postgres.isAlive()).isFalse();
            assertThat(supervision.state()).isEqualTo(PartState.DOWN);
            assertThat(supervision.restarts()).isEqualTo(1);
            supervision.startOnPurpose(postgres::start);
            assertThat(commits(options.postgresPort(), password)).isTrue();
        } finally {
            supervision.close();
            postgres.stop();
        }
    }

    @Test
    void aDurableKafkaBrokerSyncsEachRecordAndIsRestartedOnItsPortWhenKilled() throws Exception {
        StackOptions options = options();
        KafkaBroker kafka = new KafkaBroker(options);
        PartSupervisor supervision = LocalStack.supervise(StackPart.of(kafka));
        try {
            kafka.start();
            // What the running broker uses, not what was written for it: a misspelt key would be ignored silently.
            assertThat(brokerSetting(options.kafkaPort(), "log.flush.interval.messages"))
                    .isEqualTo("1 (STATIC_BROKER_CONFIG)");
            send(options.kafkaPort(), "before the kill");
            supervision.watch();
            long broker = kafka.pid().orElseThrow();

            Processes.signal(broker, "KILL");
            await().atMost(Duration.ofSeconds(10)).until(() -> !kafka.isRunning());
            long killedAt = System.nanoTime();
            assertThat(supervision.state()).isNotEqualTo(PartState.UP);

            await().atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        send(options.kafkaPort(), "after the restart");
                        return true;
                    });
            System.out.printf(
                    "Kafka acknowledged a record %.1f s after kill -9 of the broker%n",
                    (System.nanoTime() - killedAt) / 1e9);
            assertThat(kafka.pid().orElseThrow()).isNotEqualTo(broker);
            assertThat(supervision.restarts()).isEqualTo(1);
        } finally {
            supervision.close();
            kafka.shutDown();
        }
    }

    private static void send(int port, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("supervision", value)).get(15, TimeUnit.SECONDS);
        }
    }

    private static String brokerSetting(int port, String name) throws Exception {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            ConfigEntry entry = admin.describeConfigs(List.of(broker))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(broker)
                    .get(name);
            return entry.value() + " (" + entry.source() + ")";
        }
    }

    private static boolean commits(int port, String password) throws SQLException {
        try (Connection connection = connect(port, password);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO kept VALUES ('after the restart')");
            return true;
        }
    }

    private StackOptions options() throws IOException {
        StackOptions options = StackOptions.parse(new String[] {
            "start",
            "--state",
            state.toString(),
            "--pg-port",
            Integer.toString(LocalPorts.free()),
            "--kafka-port",
            Integer.toString(LocalPorts.free())
        });
        Files.createDirectories(options.logsDir());
        return options;
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }
}
