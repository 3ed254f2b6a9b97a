package org.parley.events.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that dies mid-batch comes back to records it had already applied (its offsets were not yet
 * committed) and to records whose effect rolled back. Neither may leave a duplicate or a gap in the ledger.
 */
@QuarkusTest
class RedeliveryTest extends EventsStackTest {

    @Inject
    MeterRegistry meters;

    @Test
    void recordsDeliveredAgainAfterTheirEffectAreNoOps() throws Exception {
        String caseId = UUID.randomUUID().toString();
        List<Envelope> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(append(Topics.AUDIT, headerRead(caseId)));
        }
        awaitLedger(ids(sent), Duration.ofSeconds(60));
        double before = redeliveries();

        // What a consumer killed before its commit sees again: the same records, twice over, from the broker.
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement("SELECT topic, message_key, event_type,"
                        + " CAST(event_id AS text), payload FROM outbox_event WHERE event_id = ANY (?) ORDER BY id")) {
            query.setArray(1, connection.createArrayOf("uuid", ids(sent).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int copy = 0; copy < 2; copy++) {
                        ProducerRecord<String, byte[]> record =
                                new ProducerRecord<>(rows.getString(1), rows.getString(2), rows.getBytes(5));
                        record.headers()
                                .add("event-type", rows.getString(3).getBytes(StandardCharsets.UTF_8))
                                .add("event-id", rows.getString(4).getBytes(StandardCharsets.UTF_8));
                        rawProducer().send(record).get();
                    }
                }
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> redeliveries() - before >= 40);
        assertThat(ledgerCounts(ids(sent)).values()).hasSize(20).containsOnly(1);
        assertNoSequenceGaps();
    }

    @Test
    void anEffectThatFailsMidBatchRollsBackWholeAndIsAppliedOnceOnRetry() throws Exception {
        String caseId = UUID.randomUUID().toString(); // one key: one partition, one ordered batch
        List<Envelope.Builder> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(headerRead(caseId));
        }
        String victim = batch.get(25).getEventId();
        // The 26th event's first ledger insert fails, as a crash inside the effect would: the transaction
        // (inbox mark, owner, ledger row, chain head) rolls back; a sequence is not transactional, so only
        // the first attempt fails.
        try (Connection connection = events();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE SEQUENCE IF NOT EXISTS test_fault_attempts");
            ddl.execute("CREATE TABLE IF NOT EXISTS test_fault_target (event_id uuid PRIMARY KEY)");
            ddl.execute("INSERT INTO test_fault_target VALUES ('" + victim + "')");
            ddl.execute("CREATE OR REPLACE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF NEW.event_id IN (SELECT event_id FROM test_fault_target)"
                    + " AND nextval('test_fault_attempts') = 1 THEN RAISE EXCEPTION 'injected fault'; END IF;"
                    + " RETURN NEW; END $$");
            ddl.execute("CREATE TRIGGER test_fail_once BEFORE INSERT ON ledger_entry"
                    + " FOR EACH ROW EXECUTE FUNCTION test_fail_once()");
        }
        double retriesBefore = retries();
        try {
            List<Envelope> sent = new ArrayList<>();
            for (Envelope.Builder envelope : batch) {
                sent.add(append(Topics.AUDIT, envelope));
            }
            awaitLedger(ids(sent), Duration.ofSeconds(60));
            Map<String, Integer> counts = ledgerCounts(ids(sent));
            assertThat(counts).hasSize(50);
            assertThat(counts.values()).containsOnly(1);
            assertThat(retries() - retriesBefore)
                    .as("the failed effect was retried")
                    .isGreaterThanOrEqualTo(1);
            try (Connection connection = events();
                    PreparedStatement inbox = connection.prepareStatement(
                            "SELECT count(*) FROM processed_event WHERE event_id = ANY (?)")) {
                inbox.setArray(1, connection.createArrayOf("uuid", ids(sent).toArray()));
                try (ResultSet result = inbox.executeQuery()) {
                    result.next();
                    assertThat(result.getLong(1)).as("one inbox mark per event").isEqualTo(50);
                }
            }
            assertNoSequenceGaps();
        } finally {
            try (Connection connection = events();
                    Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TRIGGER IF EXISTS test_fail_once ON ledger_entry");
            }
        }
    }

    @Test
    void aConsumerThatLosesItsPartitionsMidBatchResumesWithoutDuplicatesOrGaps() throws Exception {
        String caseId = UUID.randomUUID().toString();
        List<Envelope> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                sent.add(append(Topics.AUDIT, headerRead(caseId)));
            }
        });
        writer.start();
        // Mid-batch, another member joins the service's group, takes the partitions, reads without
        // committing and leaves: to the service it is as if its consumer had been killed and restarted
        // from the last committed offset.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= 100);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "events-" + Topics.AUDIT);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        int taken = 0;
        try (KafkaConsumer<String, byte[]> intruder =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            intruder.subscribe(List.of(Topics.AUDIT));
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                taken += intruder.poll(Duration.ofMillis(200)).count();
            }
        }
        writer.join(120_000);
        awaitLedger(ids(sent), Duration.ofSeconds(120));
        Map<String, Integer> counts = ledgerCounts(ids(sent));
        assertThat(counts).hasSize(300);
        assertThat(counts.values()).containsOnly(1);
        assertNoSequenceGaps();
        BrokerOutageTest.report("consumer kill by rebalance: 300 events, the intruder read " + taken
                + " records without committing, ledger entries 300, duplicates 0, sequence gaps 0");
    }

    private double redeliveries() {
        var counter = meters.find("parley.consumer.redeliveries")
                .tag("consumer", EventConsumers.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double retries() {
        var counter = meters.find("parley.consumer.retries")
                .tag("consumer", EventConsumers.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
