package org.parley.events.ingest;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.RestrictedRead;
import org.parley.testing.ManagementScrape;

import static org.assertj.core.api.Assertions.assertThat;

/** From an outbox commit to its ledger entry (relay, broker, consumer, chain append), over 300 paced events. */
@QuarkusTest
class LatencyTest extends EventsStackTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    private static final int EVENTS = 300;

    @Test
    void outboxCommitToLedgerEntry() throws Exception {
        Map<String, Instant> committedAt = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String caseId = UUID.randomUUID().toString();
            Envelope envelope = append(
                    Topics.AUDIT,
                    Envelopes.about(caseId, "reader", HOST, Instant.now())
                            .setRestrictedRead(RestrictedRead.newBuilder()
                                    .setResourceKind("case")
                                    .setResourceId(caseId)));
            committedAt.put(envelope.getEventId(), Instant.now());
            ids.add(envelope.getEventId());
            Thread.sleep(10);
        }
        awaitLedger(ids, Duration.ofSeconds(60));

        Histogram micros = new Histogram(60_000_000L, 3);
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT CAST(event_id AS text), recorded_at FROM ledger_entry WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant recorded = rows.getObject(2, OffsetDateTime.class).toInstant();
                    long latency = Duration.between(committedAt.get(rows.getString(1)), recorded)
                                    .toNanos()
                            / 1000;
                    micros.recordValue(Math.max(0, latency));
                }
            }
        }
        double p50 = micros.getValueAtPercentile(50) / 1000.0;
        double p99 = micros.getValueAtPercentile(99) / 1000.0;
        BrokerOutageTest.report(String.format(
                "latency outbox commit -> ledger entry over %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                micros.getTotalCount(), p50, p99, micros.getMaxValue() / 1000.0));
        assertThat(micros.getTotalCount()).isEqualTo(EVENTS);
        // The relay's health is exported; what was published or appended is not counted (no metric may move
        // when a secret case is opened: docs/operations.md, "What the metrics may say").
        assertThat(ManagementScrape.of(metrics))
                .contains("parley_outbox_backlog")
                .contains("parley_outbox_oldest_unpublished_age")
                .doesNotContain("parley_outbox_published")
                .doesNotContain("parley_outbox_relay_lag")
                .doesNotContain("parley_ledger_appended")
                .doesNotContain("parley_ledger_checkpoints")
                .doesNotContain("kafka_consumer")
                .doesNotContain("http_server_requests");
        io.restassured.RestAssured.given().get(ready).then().statusCode(200);
        assertThat(p99).as("p99 in ms").isLessThan(2_000);
    }
}
