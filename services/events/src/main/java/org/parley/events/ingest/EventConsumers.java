package org.parley.events.ingest;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.parley.messaging.inbox.IdempotentConsumer;
import org.parley.proto.v1.Envelope;

/**
 * Reads every Parley topic into the ledger (channels {@code ledger-cases}, {@code ledger-access},
 * {@code ledger-interviews}, {@code ledger-audit}; groups {@code events-<topic>}; dead letters to
 * {@code <topic>.dlq.events}) in batches of up to {@code max.poll.records}, one transaction per batch, so a
 * backlog drains at thousands of entries a second. Each event is applied once ({@link IdempotentConsumer}); the
 * offsets are committed only after the ledger transaction. Access heartbeats are acknowledged and not recorded.
 */
@ApplicationScoped
public class EventConsumers {

    /** The inbox name of the ledger: one per service, whatever the topic (event ids are unique). */
    public static final String CONSUMER = "events-ledger";

    private final IdempotentConsumer consumer;
    private final EventRecorder recorder;

    @Inject
    public EventConsumers(IdempotentConsumer consumer, EventRecorder recorder) {
        this.consumer = consumer;
        this.recorder = recorder;
    }

    @Incoming("ledger-cases")
    @Blocking(ordered = true)
    public CompletionStage<Void> cases(KafkaRecordBatch<String, byte[]> batch) {
        return consume(batch);
    }

    @Incoming("ledger-access")
    @Blocking(ordered = true)
    public CompletionStage<Void> access(KafkaRecordBatch<String, byte[]> batch) {
        return consume(batch);
    }

    @Incoming("ledger-interviews")
    @Blocking(ordered = true)
    public CompletionStage<Void> interviews(KafkaRecordBatch<String, byte[]> batch) {
        return consume(batch);
    }

    @Incoming("ledger-audit")
    @Blocking(ordered = true)
    public CompletionStage<Void> audit(KafkaRecordBatch<String, byte[]> batch) {
        return consume(batch);
    }

    private CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeBatch(CONSUMER, batch, new IdempotentConsumer.BatchEffect() {
            @Override
            public void applyAll(List<Envelope> envelopes) {
                recorder.recordAll(envelopes);
            }

            @Override
            public IdempotentConsumer.Effect one() {
                return recorder::record;
            }

            @Override
            public boolean isSignal(Envelope envelope) {
                return EventRecorder.isHeartbeat(envelope);
            }
        });
    }
}
