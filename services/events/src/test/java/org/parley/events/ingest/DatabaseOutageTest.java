package org.parley.events.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.RestrictedRead;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's consumers outlive a database outage longer than SmallRye's 60 s limit for an unprocessed record
 * (which, left at its default, closed the consumer for good): events published while PostgreSQL is down are
 * applied once it is back, and events published afterwards still flow, with no restart of the service.
 */
@QuarkusTest
class DatabaseOutageTest extends EventsStackTest {

    /** Longer than throttled.unprocessed-record-max-age.ms's default (60 s), the limit that used to kill consumers. */
    private static final Duration OUTAGE = Duration.ofSeconds(75);

    @Test
    void consumersResumeByThemselvesAfterAnOutageLongerThanAMinute() throws Exception {
        String caseId = UUID.randomUUID().toString();
        List<String> during = new ArrayList<>();
        boolean databaseDown = false;
        try {
            SharedStack.get().stopPostgres();
            databaseDown = true;
            for (int i = 0; i < 20; i++) {
                during.add(publish(caseId));
            }
            Thread.sleep(OUTAGE.toMillis());
            SharedStack.get().startPostgres();
            databaseDown = false;
        } finally {
            if (databaseDown) {
                SharedStack.get().startPostgres(); // never leave the shared database down for the next test
            }
        }
        awaitLedger(during, Duration.ofSeconds(120));

        // A consumer that merely drained its backlog could still have been closed: new events must flow too.
        List<String> after = List.of(publish(caseId), publish(caseId));
        awaitLedger(after, Duration.ofSeconds(60));

        List<String> all = new ArrayList<>(during);
        all.addAll(after);
        assertThat(ledgerCounts(all).values())
                .as("every event published during and after the outage is in the ledger exactly once")
                .hasSize(all.size())
                .containsOnly(1);
        assertNoSequenceGaps();
    }

    /** An audit event straight to the broker, as another service's relay would send it. */
    private static String publish(String caseId) throws Exception {
        Envelope.Builder builder = Envelopes.about(caseId, "reader-" + UUID.randomUUID(), HOST, Instant.now())
                .setRestrictedRead(RestrictedRead.newBuilder()
                        .setResourceKind("case")
                        .setResourceId(caseId)
                        .addSections("PROCESS"));
        Envelope envelope = builder.setType(Envelopes.typeOf(builder)).build();
        rawProducer()
                .send(new ProducerRecord<>(Topics.AUDIT, caseId, envelope.toByteArray()))
                .get();
        return envelope.getEventId();
    }
}
