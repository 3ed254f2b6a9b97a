package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.parley.proto.v1.Actor;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.RestrictedRead;

/**
 * Item 4. Latency: audit events committed to the cases service's outbox at a fixed rate (as CaseAudit writes
 * them), each timed from its commit to its ledger entry in events (relay, broker, consumer, chain append). Relay
 * throughput: a block of outbox rows on a topic no service reads, from the commit to the last published_at,
 * against a bare producer configured like the relay sending the same records, in the same run.
 */
final class LedgerBench {

    private LedgerBench() {}

    static ObjectNode run(Bench bench, int events, double rate, int relayRows, ObjectNode kafkaRoundTrip, long casesPid)
            throws Exception {
        ObjectNode node = Bench.JSON.createObjectNode();
        node.set("latency", latency(bench, events, rate, kafkaRoundTrip));
        node.set("relayThroughput", throughput(bench, relayRows, casesPid));
        return node;
    }

    static Envelope envelope(String caseId) {
        Instant now = Instant.now();
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setCaseId(caseId)
                .setActor(Actor.newBuilder().setSubject("bench-reader").setOrganisation("ifit"))
                .setType("RestrictedRead")
                .setSource("cases")
                .setRestrictedRead(RestrictedRead.newBuilder()
                        .setResourceKind("case")
                        .setResourceId(caseId)
                        .addSections("CONTEXT"))
                .build();
    }

    private static void insert(PreparedStatement statement, String topic, Envelope envelope) throws Exception {
        statement.setObject(1, UUID.fromString(envelope.getEventId()));
        statement.setString(2, topic);
        statement.setString(3, envelope.getCaseId());
        statement.setString(4, envelope.getType());
        statement.setBytes(5, envelope.toByteArray());
    }

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)";

    private static ObjectNode latency(Bench bench, int events, double rate, ObjectNode kafkaRoundTrip)
            throws Exception {
        Map<String, Instant> committedAt = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        long period = (long) (1e9 / rate);
        try (Connection cases = bench.db("cases_bench");
                PreparedStatement statement = cases.prepareStatement(INSERT)) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long intended = start + i * period;
                while (System.nanoTime() < intended) {
                    java.util.concurrent.locks.LockSupport.parkNanos(intended - System.nanoTime());
                }
                Envelope envelope = envelope(UUID.randomUUID().toString());
                insert(statement, "parley.audit.v1", envelope);
                statement.executeUpdate(); // autocommit: returns once committed
                committedAt.put(envelope.getEventId(), Instant.now());
                ids.add(UUID.fromString(envelope.getEventId()));
            }
        }
        Histogram micros = new Histogram(600_000_000L, 3);
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection ledger = bench.db("events_bench");
                PreparedStatement query = ledger.prepareStatement(
                        "SELECT CAST(event_id AS text), recorded_at FROM ledger_entry WHERE event_id = ANY (?)")) {
            Array array = ledger.createArrayOf("uuid", ids.toArray());
            query.setArray(1, array);
            Map<String, Instant> recorded = new HashMap<>();
            while (recorded.size() < events && System.nanoTime() < deadline) {
                recorded.clear();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        recorded.put(
                                rows.getString(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                if (recorded.size() < events) {
                    Thread.sleep(200);
                }
            }
            recorded.forEach((id, at) -> micros.recordValue(
                    Math.max(1, Duration.between(committedAt.get(id), at).toNanos() / 1000)));
        }
        ObjectNode node = RevocationBench.percentiles(micros);
        node.put("events", events);
        node.put("ratePerSecond", rate);
        node.put("missing", events - micros.getTotalCount());
        double kafkaP50 = kafkaRoundTrip.path("p50Ms").asDouble();
        node.put("ratioP50ToBareKafkaRoundTrip", Bench.round(node.path("p50Ms").asDouble() / kafkaP50, 2));
        // the relay's share: the writing transaction's start (created_at) to the start of the relay's look that
        // sent the row (published_at is now() in that look's transaction, stamped before the send)
        try (Connection cases = bench.db("cases_bench");
                PreparedStatement query = cases.prepareStatement(
                        "SELECT extract(epoch FROM published_at - created_at) * 1e6 FROM outbox_event"
                                + " WHERE event_id = ANY (?) AND published_at IS NOT NULL")) {
            query.setArray(1, cases.createArrayOf("uuid", ids.toArray()));
            Histogram relay = new Histogram(600_000_000L, 3);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    relay.recordValue(Math.max(1, (long) rows.getDouble(1)));
                }
            }
            node.set("relayStage", RevocationBench.percentiles(relay));
        }
        Bench.log(Bench.f(
                "ledger: commit -> ledger entry p50 %.1f ms p99 %.1f ms (%d events at %.0f/s); relay stage p50 %.1f ms",
                node.path("p50Ms").asDouble(),
                node.path("p99Ms").asDouble(),
                micros.getTotalCount(),
                rate,
                node.path("relayStage").path("p50Ms").asDouble()));
        return node;
    }

    private static ObjectNode throughput(Bench bench, int rows, long casesPid) throws Exception {
        String relayTopic = "bench.relay.v1";
        String bareTopic = "bench.bare.v1";
        List<Envelope> envelopes = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            envelopes.add(envelope(UUID.randomUUID().toString()));
        }
        double[] relaySeconds = new double[2];
        com.fasterxml.jackson.databind.JsonNode relayProfile;
        double[] bareSeconds = new double[2];
        try (Producer<String, byte[]> producer = KafkaBaseline.relayLikeProducer(bench.stack.kafkaBootstrap());
                Connection cases = bench.db("cases_bench")) {
            // warm both paths (topic creation, producer metadata)
            relayBlock(cases, relayTopic, List.of(envelope(UUID.randomUUID().toString())));
            KafkaBaseline.sendAll(
                    producer,
                    records(bareTopic, List.of(envelope(UUID.randomUUID().toString()))));
            // ABBA: relay, bare, bare, relay; the relay thread is profiled (JFR) during its first block
            Profile profile = Profile.start(casesPid, bench.target.resolve("cases-relay.jfr"), true);
            relaySeconds[0] = relayBlock(cases, relayTopic, fresh(envelopes));
            relayProfile = profile.stop("outbox-relay").path("thread");
            bareSeconds[0] = KafkaBaseline.sendAll(producer, records(bareTopic, envelopes));
            bareSeconds[1] = KafkaBaseline.sendAll(producer, records(bareTopic, envelopes));
            relaySeconds[1] = relayBlock(cases, relayTopic, fresh(envelopes));
        }
        double relayRate = rows / ((relaySeconds[0] + relaySeconds[1]) / 2);
        double bareRate = rows / ((bareSeconds[0] + bareSeconds[1]) / 2);
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("rowsPerBlock", rows);
        node.put("relayRowsPerSecond", Math.round(relayRate));
        node.put("bareProducerRowsPerSecond", Math.round(bareRate));
        node.put("ratio", Bench.round(relayRate / bareRate, 3));
        node.put("relaySeconds", Bench.JSON.valueToTree(relaySeconds).toString());
        node.put("bareSeconds", Bench.JSON.valueToTree(bareSeconds).toString());
        node.set("relayThreadProfile", relayProfile);
        Bench.log(Bench.f(
                "relay: %,.0f rows/s vs bare producer %,.0f rows/s (ratio %.2f, %d rows per block)",
                relayRate, bareRate, relayRate / bareRate, rows));
        return node;
    }

    private static List<Envelope> fresh(List<Envelope> template) {
        List<Envelope> copies = new ArrayList<>(template.size());
        for (Envelope envelope : template) {
            copies.add(envelope.toBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .build());
        }
        return copies;
    }

    private static List<ProducerRecord<String, byte[]>> records(String topic, List<Envelope> envelopes) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, envelope.getCaseId(), envelope.toByteArray());
            record.headers()
                    .add("event-id", envelope.getEventId().getBytes(StandardCharsets.UTF_8))
                    .add("event-type", envelope.getType().getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return records;
    }

    /** Commits the rows in one transaction; returns the seconds until the relay has published all of them. */
    private static double relayBlock(Connection cases, String topic, List<Envelope> envelopes) throws Exception {
        cases.setAutoCommit(false);
        try (PreparedStatement statement = cases.prepareStatement(INSERT)) {
            for (Envelope envelope : envelopes) {
                insert(statement, topic, envelope);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        cases.commit();
        cases.setAutoCommit(true);
        long start = System.nanoTime();
        long deadline = start + 300_000_000_000L;
        try (Statement query = cases.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND topic = '" + topic + "'")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the relay did not publish " + envelopes.size() + " rows in 300 s");
    }
}
