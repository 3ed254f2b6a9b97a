package org.parley.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedStackTest {

    private static StackInfo stack;

    @BeforeAll
    static void startOrReuseTheStack() {
        stack = SharedStack.get();
    }

    @Test
    void stackListensOnTheTestPorts() {
        assertThat(stack.jdbcUrl("cases"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + SharedStack.POSTGRES_PORT + "/cases");
        assertThat(stack.kafkaBootstrap()).isEqualTo("127.0.0.1:" + SharedStack.KAFKA_PORT);
        assertThat(stack.realmUrl()).isEqualTo("http://127.0.0.1:" + SharedStack.KEYCLOAK_PORT + "/realms/parley");
        assertThat(SharedStack.get()).isSameAs(stack);
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoUserTokenCarriesAudienceOrganisationAndRealmRoles() {
        Map<String, Object> claims = Tokens.claims(Tokens.of("sofia"));

        assertThat(audience(claims)).contains("parley-api");
        assertThat(claims).containsEntry("org", "ifit").containsEntry("preferred_username", "sofia");
        assertThat((List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles"))
                .contains("staff")
                .doesNotContain("secrecy-admin", "partner");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .as("accessTokenLifespan: a copied token lives 5 minutes")
                .isEqualTo(300);
        assertThat(Tokens.of("sofia")).as("cached").isEqualTo(Tokens.of("sofia"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminCreatedUserIsIdempotentAndFollowsTheLatestCall() {
        String id = Tokens.adminCreateUser("partner-no-grant", "no-grant-ngo", "partner", "staff");
        assertThat(Tokens.adminCreateUser("partner-no-grant", "no-grant-ngo", "partner"))
                .isEqualTo(id);

        Map<String, Object> claims = Tokens.claims(Tokens.of("partner-no-grant"));
        assertThat(audience(claims)).contains("parley-api");
        assertThat(claims).containsEntry("org", "no-grant-ngo");
        assertThat((List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles"))
                .contains("partner")
                .doesNotContain("staff");
    }

    @Test
    void postgresAsksForTheGeneratedPasswordKeptOwnerOnly() throws Exception {
        Path passwordFile = Path.of(stack.postgresPasswordFile());

        assertThat(passwordFile).startsWith(SharedStack.stateDir(SharedStack.projectRoot()));
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(stack.postgresPassword()).isNotEqualTo("postgres").hasSizeGreaterThanOrEqualTo(32);
        String url = stack.jdbcUrl("postgres");
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", null).close())
                .as("no password")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", "postgres").close())
                .as("the password tests used to send")
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", stack.postgresPassword() + "x")
                        .close())
                .hasMessageContaining("password authentication failed");
        try (Connection connection = Jdbc.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet fsync = statement.executeQuery("SHOW fsync")) {
            fsync.next();
            // SharedStack starts the test stack with --durable false, saying why (disposable data, speed).
            assertThat(fsync.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void unknownPasswordGetsNoToken() {
        assertThatThrownBy(() -> Tokens.of("nobody-" + UUID.randomUUID())).hasMessageContaining("401");
    }

    @Test
    void resourceGivesAnEmptyTestDatabaseAndTheStackEndpoints() throws SQLException {
        ParleyStackResource resource = new ParleyStackResource();
        resource.init(Map.of(ParleyStackResource.DATABASE_ARG, "stackcheck"));
        Map<String, String> config = resource.start();

        assertThat(config)
                .containsEntry(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:" + SharedStack.POSTGRES_PORT + "/stackcheck_test")
                .containsEntry("quarkus.datasource.username", "postgres")
                .containsEntry("kafka.bootstrap.servers", "127.0.0.1:" + SharedStack.KAFKA_PORT)
                .containsEntry(
                        "quarkus.oidc.auth-server-url",
                        "http://127.0.0.1:" + SharedStack.KEYCLOAK_PORT + "/realms/parley")
                .containsKey("parley.test-run-id");
        try (Connection connection = Jdbc.connectToTestDatabase("stackcheck");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE leftover (id int)");
            statement.execute("INSERT INTO leftover VALUES (1)");
        }

        // An open connection must not stop the next start from recreating the database.
        try (Connection stillOpen = Jdbc.connectToTestDatabase("stackcheck")) {
            resource.start();
        }
        try (Connection connection = Jdbc.connectToTestDatabase("stackcheck");
                Statement statement = connection.createStatement();
                ResultSet tables =
                        statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
        try (Connection connection = Jdbc.connect("cases")) {
            assertThat(connection.isValid(2)).as("service databases exist").isTrue();
        }
    }

    @Test
    void kafkaKeepsItsRecordsAcrossAStopAndStart() throws Exception {
        String topic = "parley.stack-test." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get();
        }

        stack.stopKafka();
        assertThat(acceptsConnections(stack.kafkaPort())).as("broker gone").isFalse();
        stack.startKafka();
        assertThat(acceptsConnections(stack.kafkaPort())).as("broker back").isTrue();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "after")).get();
        }
        assertThat(readAll(topic, "stack-test-" + UUID.randomUUID(), 2)).containsExactly("before", "after");
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** What a consumer of the group reads (from the start, if it has no offsets) until it has the expected count. */
    static List<String> readAll(String topic, String group, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List ? (List<String>) aud : List.of((String) aud);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
