package org.parley.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.parley.messaging.Envelopes;
import org.parley.messaging.PoisonEventException;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures are waited out and which make an event poison; what a dead letter may say. */
class IdempotentConsumerRulesTest {

    @Test
    void databaseOutagesDeadlocksAndSerializationFailuresAreTransient() {
        assertThat(IdempotentConsumer.isTransient(new RuntimeException(new SQLTransientConnectionException("x"))))
                .isTrue();
        assertThat(IdempotentConsumer.isTransient(new SQLException("gone", "08006")))
                .isTrue();
        assertThat(IdempotentConsumer.isTransient(new SQLException("deadlock", "40P01")))
                .isTrue();
        assertThat(IdempotentConsumer.isTransient(new SQLException("serialization", "40001")))
                .isTrue();
        assertThat(IdempotentConsumer.isTransient(new SQLException("admin shutdown", "57P01")))
                .isTrue();
        assertThat(IdempotentConsumer.isTransient(new SQLException("unique violation", "23505")))
                .isFalse();
        assertThat(IdempotentConsumer.isTransient(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void headersThatContradictTheEnvelopeMakeItPoison() {
        Envelope envelope = Envelopes.about(null, "s", "ifit", Instant.now())
                .setType("ExportMade")
                .setExportMade(ExportMade.newBuilder().setResourceKind("case"))
                .build();
        RecordHeaders matching = new RecordHeaders();
        matching.add("event-type", "ExportMade".getBytes(StandardCharsets.UTF_8));
        matching.add("event-id", envelope.getEventId().getBytes(StandardCharsets.UTF_8));
        IdempotentConsumer.checkHeaders(matching, envelope);
        IdempotentConsumer.checkHeaders(new RecordHeaders(), envelope);

        RecordHeaders wrongType = new RecordHeaders();
        wrongType.add("event-type", "CaseOpened".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IdempotentConsumer.checkHeaders(wrongType, envelope))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("event-type header does not match the envelope");
        RecordHeaders wrongId = new RecordHeaders();
        wrongId.add("event-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IdempotentConsumer.checkHeaders(wrongId, envelope))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void anEventIdIsReadFromBytesWhenPossibleAndNeverThrows() {
        Envelope envelope = Envelopes.about(null, "s", "ifit", Instant.now()).build();
        assertThat(Envelopes.readableEventId(envelope.toByteArray())).contains(envelope.getEventId());
        assertThat(Envelopes.readableEventId("garbage".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Envelopes.readableEventId(null)).isEmpty();
    }
}
