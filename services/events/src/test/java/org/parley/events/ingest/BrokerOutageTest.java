package org.parley.events.ingest;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.OutboxRelay;
import org.parley.proto.v1.AccessDenied;
import org.parley.proto.v1.CaseSectionEdited;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;
import org.parley.proto.v1.ProcessEntryAdded;
import org.parley.proto.v1.RestrictedRead;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's promise end to end: 3,000 events committed from six threads while the real broker is
 * stopped and restarted; every one reaches the ledger exactly once, in a gap-free chain.
 */
@QuarkusTest
class BrokerOutageTest extends EventsStackTest {

    private static final int THREADS = 6;
    private static final int PER_PHASE = 1_000;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry meters;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    private int readinessStatus;
    private String readinessBody;
    private double readinessSeconds;

    @Test
    void everyCommittedEventReachesTheLedgerExactlyOnceAcrossABrokerRestart() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cases.add(UUID.randomUUID().toString());
        }
        Queue<String> written = new ConcurrentLinkedQueue<>();
        double redeliveriesBefore = redeliveries();
        ExecutorService writers = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        AtomicLong maxBacklog = new AtomicLong();
        boolean brokerDown = false;
        try {
            // Phase 1 with the broker up; the relay is publishing when the broker goes away.
            write(writers, cases, written, 0);
            SharedStack.get().stopKafka();
            brokerDown = true;
            // Phase 2 with the broker down: commits must simply wait in the outbox.
            write(writers, cases, written, PER_PHASE);
            Thread.sleep(2_000); // let the relay fail and back off at least once
            maxBacklog.set(relay.backlog());
            // Readiness says what the service can serve, and it serves while the broker is away (the outbox
            // keeps every write): UP, with the broker's state as a detail, and answered without waiting on Kafka.
            long asked = System.nanoTime();
            Response readiness = RestAssured.given().get(ready);
            readinessSeconds = (System.nanoTime() - asked) / 1e9;
            readinessStatus = readiness.statusCode();
            readinessBody = readiness.asString();
            // Phase 3 while the broker comes back.
            Future<?> restart = Executors.newSingleThreadExecutor()
                    .submit(() -> SharedStack.get().startKafka());
            write(writers, cases, written, 2 * PER_PHASE);
            restart.get(180, TimeUnit.SECONDS);
            brokerDown = false;
        } finally {
            writers.shutdownNow();
            if (brokerDown) {
                SharedStack.get().startKafka(); // never leave the shared broker down for the next test
            }
        }
        long written3000 = written.size();
        assertThat(written3000).isEqualTo(3L * PER_PHASE);

        awaitLedger(written, Duration.ofSeconds(150));
        double drainSeconds = (System.nanoTime() - started) / 1e9;

        long committed = outboxRows(written);
        long reordered = reorderedWithinACase(written);
        Map<String, Integer> counts = ledgerCounts(written);
        long lost = written.stream().filter(id -> !counts.containsKey(id)).count();
        long duplicated = counts.values().stream().filter(n -> n > 1).count();
        double redelivered = redeliveries() - redeliveriesBefore;
        String figures = String.format(
                "broker outage: written %d, committed outbox rows %d, in ledger %d, lost %d, duplicated %d, reordered %d,"
                        + " redeliveries absorbed by the inbox %.0f, broker stops survived 1, backlog during outage %d,"
                        + " all in the ledger after %.1f s, readiness while the broker was down %d in %.2f s",
                written3000,
                committed,
                counts.size(),
                lost,
                duplicated,
                reordered,
                redelivered,
                maxBacklog.get(),
                drainSeconds,
                readinessStatus,
                readinessSeconds);
        report(figures);

        assertThat(committed).isEqualTo(written3000);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(reordered)
                .as("a case's events on one topic keep their commit order")
                .isZero();
        assertThat(maxBacklog.get())
                .as("events waited in the outbox while the broker was down")
                .isPositive();
        assertNoSequenceGaps();
        assertThat(readinessStatus)
                .as("readiness while the broker was down: %s", readinessBody)
                .isEqualTo(200);
        assertThat(readinessBody).contains("\"event-flow\"", "\"UP\"");
    }

    private void write(ExecutorService writers, List<String> cases, Queue<String> written, int offset)
            throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(writers.submit(() -> {
                for (int i = thread; i < PER_PHASE; i += THREADS) {
                    int n = offset + i;
                    String caseId = cases.get(n % cases.size());
                    Envelope envelope = switch (n % 5) {
                        case 0 ->
                            append(
                                    Topics.CASES,
                                    Envelopes.about(caseId, "writer-" + thread, HOST, Instant.now())
                                            .setCaseSectionEdited(CaseSectionEdited.newBuilder()
                                                    .setSection("CONTEXT")
                                                    .setCaseVersion(n)));
                        case 1 ->
                            append(
                                    Topics.CASES,
                                    Envelopes.about(caseId, "writer-" + thread, HOST, Instant.now())
                                            .setProcessEntryAdded(ProcessEntryAdded.newBuilder()
                                                    .setEntryId(
                                                            UUID.randomUUID().toString())
                                                    .setKind("meeting")
                                                    .setEntryDate("2026-01-01")));
                        case 2 ->
                            append(
                                    Topics.AUDIT,
                                    Envelopes.about(caseId, "reader-" + thread, HOST, Instant.now())
                                            .setRestrictedRead(RestrictedRead.newBuilder()
                                                    .setResourceKind("case")
                                                    .setResourceId(caseId)
                                                    .addSections("PROCESS")));
                        case 3 ->
                            append(
                                    Topics.AUDIT,
                                    Envelopes.about(caseId, "outsider-" + thread, "oas", Instant.now())
                                            .setAccessDenied(AccessDenied.newBuilder()
                                                    .setResourceKind("case")
                                                    .setResourceId(caseId)
                                                    .setAction("READ")));
                        default ->
                            append(
                                    Topics.AUDIT,
                                    Envelopes.about(null, "exporter-" + thread, HOST, Instant.now())
                                            .setExportMade(ExportMade.newBuilder()
                                                    .setResourceKind("case")
                                                    .setRecordCount(n)));
                    };
                    written.add(envelope.getEventId());
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
    }

    private static long outboxRows(Queue<String> ids) throws Exception {
        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Events of one case on one topic whose ledger order differs from their outbox order: the relay must
     * publish a case's events in the order they were written, and the consumer apply them in that order.
     */
    private static long reorderedWithinACase(Queue<String> ids) throws Exception {
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM ("
                        + " SELECT l.sequence, lag(l.sequence) OVER (PARTITION BY o.topic, o.message_key ORDER BY o.id)"
                        + " AS previous FROM outbox_event o JOIN ledger_entry l ON l.event_id = o.event_id"
                        + " WHERE o.event_id = ANY (?)) pairs WHERE previous > sequence")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private double redeliveries() {
        var counter = meters.find("parley.consumer.redeliveries")
                .tag("consumer", EventConsumers.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static void report(String line) throws Exception {
        System.out.println("[events-figures] " + line);
        Files.writeString(
                Path.of("target/events-figures.txt"),
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
