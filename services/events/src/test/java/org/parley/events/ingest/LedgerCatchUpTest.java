package org.parley.events.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog (what an outage leaves behind) drains in batches: many events per ledger transaction, each
 * entry once, no gap. The backlog is made by holding the chain head's lock, as a slow database would, while
 * the events arrive; the drain rate is printed (the 1,000 entries/s target is checked by the fault suite,
 * on a machine that is not running the test suite at the same time).
 */
@QuarkusTest
class LedgerCatchUpTest extends EventsStackTest {

    private static final int EVENTS = 3_000;

    @Test
    void aBacklogDrainsInBatchesOnceEachWithoutGaps() throws Exception {
        List<String> sent = new ArrayList<>(EVENTS);
        long drainNanos;
        try (Connection holder = events()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT sequence FROM ledger_head WHERE id = 1 FOR UPDATE");
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                // one case per 100 events: several keys, hence every partition of the topic
                Envelope.Builder builder = headerRead(new UUID(0, i / 100 + 1).toString());
                Envelope envelope = builder.setType(Envelopes.typeOf(builder)).build();
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(Topics.AUDIT, envelope.getCaseId(), envelope.toByteArray());
                record.headers()
                        .add("event-type", envelope.getType().getBytes(StandardCharsets.UTF_8))
                        .add("event-id", envelope.getEventId().getBytes(StandardCharsets.UTF_8));
                acks.add(rawProducer().send(record));
                sent.add(envelope.getEventId());
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            assertThat(countInLedger(sent))
                    .as("nothing appended while the head is locked")
                    .isZero();
            holder.rollback();
            long released = System.nanoTime();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> countInLedger(sent) == EVENTS);
            drainNanos = System.nanoTime() - released;
        }

        Map<String, Integer> counts = ledgerCounts(sent);
        assertThat(counts).hasSize(EVENTS);
        assertThat(counts.values()).containsOnly(1);
        assertNoSequenceGaps();
        long transactions = transactionsThatAppended(sent);
        assertThat(transactions)
                .as("ledger transactions for %d backlogged events (one per event without batching)", EVENTS)
                .isLessThanOrEqualTo(EVENTS / 10);
        BrokerOutageTest.report(String.format(
                Locale.ROOT,
                "ledger catch-up: %d backlogged events in %.2f s = %.0f entries/s, %d transactions (%.0f per"
                        + " transaction), duplicates 0, gaps 0",
                EVENTS,
                drainNanos / 1e9,
                EVENTS / (drainNanos / 1e9),
                transactions,
                (double) EVENTS / transactions));
    }

    /** PostgreSQL's xmin: the transaction that inserted each row. */
    private static long transactionsThatAppended(List<String> eventIds) throws Exception {
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(DISTINCT CAST(xmin AS text)) FROM ledger_entry WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
