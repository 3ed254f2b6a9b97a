package org.parley.events.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Actor;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.RestrictedRead;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records (garbage bytes, a type that does not match the payload, a wrong type header, no known
 * payload) go to {@code parley.audit.v1.dlq.events} with provenance headers and no content in them, and
 * the next good event still lands in the ledger.
 */
@QuarkusTest
class DeadLetterTest extends EventsStackTest {

    private static final String DLQ = Topics.AUDIT + ".dlq.events";

    @Test
    void poisonGoesToTheDeadLetterTopicWithProvenanceAndProcessingContinues() throws Exception {
        String marker = "MARKER-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();

        byte[] garbage = ("not a protobuf envelope " + marker).getBytes(StandardCharsets.UTF_8);
        Envelope mismatched = Envelopes.about(caseId, marker, HOST, Instant.now())
                .setType("CaseOpened")
                .setRestrictedRead(
                        RestrictedRead.newBuilder().setResourceKind("case").setResourceId(caseId))
                .build();
        Envelope wrongHeader = Envelopes.about(caseId, marker, HOST, Instant.now())
                .setType("RestrictedRead")
                .setRestrictedRead(
                        RestrictedRead.newBuilder().setResourceKind("case").setResourceId(caseId))
                .build();
        Envelope noPayload = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType("SomethingNew")
                .setActor(Actor.newBuilder().setSubject(marker).setOrganisation(HOST))
                .build();

        Map<String, Poison> sent = new HashMap<>();
        sent.put("garbage", send(garbage, "RestrictedRead", null, "unreadable envelope", null));
        sent.put(
                "mismatched",
                send(
                        mismatched.toByteArray(),
                        "CaseOpened",
                        mismatched.getEventId(),
                        "envelope type does not match its payload",
                        mismatched.getEventId()));
        sent.put(
                "wrongHeader",
                send(
                        wrongHeader.toByteArray(),
                        "AccessDenied",
                        wrongHeader.getEventId(),
                        "event-type header does not match the envelope",
                        wrongHeader.getEventId()));
        sent.put(
                "noPayload",
                send(
                        noPayload.toByteArray(),
                        "SomethingNew",
                        noPayload.getEventId(),
                        "envelope without a known payload",
                        noPayload.getEventId()));

        Envelope good = append(
                Topics.AUDIT,
                Envelopes.about(caseId, "reader", HOST, Instant.now())
                        .setRestrictedRead(RestrictedRead.newBuilder()
                                .setResourceKind("case")
                                .setResourceId(caseId)));
        awaitLedger(List.of(good.getEventId()), Duration.ofSeconds(60));
        assertThat(ledgerCounts(List.of(mismatched.getEventId(), wrongHeader.getEventId(), noPayload.getEventId())))
                .as("no poison reached the ledger")
                .isEmpty();

        Map<String, ConsumerRecord<String, byte[]>> dead = readDeadLetters(sent);
        for (Map.Entry<String, Poison> expected : sent.entrySet()) {
            ConsumerRecord<String, byte[]> record = dead.get(expected.getKey());
            assertThat(record)
                    .as(expected.getKey() + " in the dead-letter topic")
                    .isNotNull();
            Poison poison = expected.getValue();
            assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.AUDIT);
            assertThat(header(record, "dead-letter-partition"))
                    .isEqualTo(Integer.toString(poison.metadata.partition()));
            assertThat(header(record, "dead-letter-offset")).isEqualTo(Long.toString(poison.metadata.offset()));
            assertThat(header(record, "dead-letter-reason")).isEqualTo(poison.reason);
            assertThat(header(record, "dead-letter-consumer")).isEqualTo(EventConsumers.CONSUMER);
            assertThat(header(record, "dead-letter-event-id")).isEqualTo(poison.readableEventId);
            assertThat(header(record, "dead-letter-cause"))
                    .as("no cause: its message could quote values")
                    .isNull();
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8))
                        .as("header " + header.key() + " carries no content")
                        .doesNotContain(marker);
            }
        }
    }

    private record Poison(RecordMetadata metadata, String reason, String readableEventId) {}

    private static Poison send(byte[] value, String typeHeader, String idHeader, String reason, String readableId)
            throws Exception {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.AUDIT, UUID.randomUUID().toString(), value);
        record.headers().add("event-type", typeHeader.getBytes(StandardCharsets.UTF_8));
        if (idHeader != null) {
            record.headers().add("event-id", idHeader.getBytes(StandardCharsets.UTF_8));
        }
        return new Poison(rawProducer().send(record).get(), reason, readableId);
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readDeadLetters(Map<String, Poison> sent) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "events-dlq-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            while (found.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    sent.forEach((name, poison) -> {
                        if (Topics.AUDIT.equals(header(record, "dead-letter-topic"))
                                && Integer.toString(poison.metadata.partition())
                                        .equals(header(record, "dead-letter-partition"))
                                && Long.toString(poison.metadata.offset())
                                        .equals(header(record, "dead-letter-offset"))) {
                            found.put(name, record);
                        }
                    });
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
