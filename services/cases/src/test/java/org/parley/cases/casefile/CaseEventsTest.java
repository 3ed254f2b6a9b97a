package org.parley.cases.casefile;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.OutboxEvents;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Tier;
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events reach Kafka through the outbox, with ids, tiers, kinds and versions, never a word of content.
 */
@QuarkusTest
@TestSecurity(user = "ev-lead", roles = "staff")
@OidcSecurity(claims = {@Claim(key = "sub", value = "ev-lead"), @Claim(key = "org", value = "ifit")})
class CaseEventsTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String SECRET_TEXT = "Zeta" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    @Test
    void aCaseLifeReachesKafkaWithoutItsText() {
        // Everything logged meanwhile, at every level, is kept to be searched for the case's text.
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            lifeOfACase();
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).noneMatch(line -> line.contains(SECRET_TEXT));
    }

    private void lifeOfACase() {
        // Refused bodies carrying the text first: their problems and logs must not quote it.
        given().contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"" + SECRET_TEXT + "\",\"country\":\"" + SECRET_TEXT + "\"}}")
                .post("/cases")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(SECRET_TEXT)));
        given().contentType(ContentType.JSON)
                .body("{\"header\":{\"status\":\"" + SECRET_TEXT + "\"}}")
                .post("/cases")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(SECRET_TEXT)));
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            // On a fresh broker the topic appears with the first metadata request (auto-created): wait for it.
            List<TopicPartition> partitions = new ArrayList<>();
            Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> {
                partitions.clear();
                var infos = consumer.partitionsFor("parley.cases.v1", Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            String id = openCase(SECRET_TEXT);
            given().contentType(ContentType.JSON)
                    .header("If-Match", "\"1\"")
                    .body("{\"region\":\"" + SECRET_TEXT + "\"}")
                    .patch("/cases/" + id + "/header")
                    .then()
                    .statusCode(200);
            given().contentType(ContentType.JSON)
                    .body("{\"date\":\"2012-05-01\",\"kind\":\"LEAK\",\"summary\":\"" + SECRET_TEXT + "\"}")
                    .post("/cases/" + id + "/process/timeline")
                    .then()
                    .statusCode(201);
            given().delete("/cases/" + id).then().statusCode(204);

            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (mine.size() < 4 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        mine.add(record);
                    }
                }
            }
            assertThat(mine).hasSize(4);
            List<Envelope> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : mine) {
                assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(SECRET_TEXT);
                Envelope envelope = parse(record.value());
                assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                        .isEqualTo(envelope.getType());
                assertThat(new String(record.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8))
                        .isEqualTo(envelope.getEventId());
                events.add(envelope);
            }
            assertThat(events)
                    .extracting(Envelope::getType)
                    .containsExactly("CaseOpened", "CaseSectionEdited", "ProcessEntryAdded", "CaseDeleted");
            Envelope opened = events.get(0);
            assertThat(opened.getCaseId()).isEqualTo(id);
            assertThat(opened.getPolicyVersion()).isEqualTo(1);
            assertThat(opened.getSource()).isEqualTo("cases");
            assertThat(opened.getCaseOpened().getTier()).isEqualTo(Tier.SECRET);
            assertThat(opened.getCaseOpened().getOwningOrganisation()).isEqualTo("ifit");
            assertThat(opened.getCaseOpened().getLeadSubject()).isEqualTo("ev-lead");
            assertThat(events.get(1).getCaseSectionEdited().getSection()).isEqualTo("HEADER");
            assertThat(events.get(1).getCaseSectionEdited().getCaseVersion()).isEqualTo(2);
            assertThat(events.get(2).getProcessEntryAdded().getKind()).isEqualTo("LEAK");
            assertThat(events.get(2).getProcessEntryAdded().getEntryDate()).isEqualTo("2012-05-01");
        }
    }

    /**
     * This module's tests set the relay's idle look ten minutes apart ({@code %test.parley.outbox.idle-interval}),
     * so an event that leaves at once was sent because its commit woke the relay, and a row written behind the
     * outbox's back waits: an idle relay does not query its database.
     */
    @Test
    void theCommitWakesTheRelayAndNothingElseDoes() throws Exception {
        String bystander = UUID.randomUUID().toString();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload)"
                                + " VALUES (?::uuid, 'parley.test.relay-wake', ?, 'RelayWakeProbe', ?)")) {
            insert.setString(1, bystander);
            insert.setString(2, bystander);
            insert.setBytes(3, new byte[] {1});
            insert.executeUpdate();
        }
        // Two seconds with no commit here: the relay, asleep, has not looked (a busy machine only slows it more).
        Thread.sleep(2_000);
        assertThat(OutboxEvents.published(bystander)).isFalse();

        String id = openCase("Relay wake-up " + UUID.randomUUID());
        // Both leave with the look the commit started, long before the idle look would come.
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> OutboxEvents.unpublishedOfCase(id) == 0);
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> OutboxEvents.published(bystander));
    }

    private static String openCase(String title) {
        return given().contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"" + title + "\",\"country\":\"HN\","
                        + "\"period\":{\"start\":\"2012-01-01\"},\"status\":\"ACTIVE\"}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Envelope parse(byte[] bytes) {
        try {
            return Envelope.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
