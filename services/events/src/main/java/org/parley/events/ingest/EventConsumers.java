package org.parley.events.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.protobuf.InvalidProtocolBufferException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.parley.messaging.inbox.IdempotentConsumer;
import org.parley.proto.v1.Envelope;

/**
 * Reads every Parley topic into the ledger (channels {@code ledger-cases}, {@code ledger-access},
 * {@code ledger-interviews}, {@code ledger-audit}; groups {@code events-<topic>}; dead letters to
 * {@code <topic>.dlq.events}). Each event is applied once ({@link IdempotentConsumer}); the offset is
 * committed only after the ledger transaction. Access heartbeats are acknowledged and not recorded.
 */
@ApplicationScoped
public class EventConsumers {

    /** The inbox name of the ledger: one per service, whatever the topic (event ids are unique). */
    public static final String CONSUMER = "events-ledger";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EventRecorder recorder;

    @Incoming("ledger-cases")
    @Blocking(ordered = true)
    public CompletionStage<Void> cases(Message<byte[]> message) {
        return consume(message);
    }

    @Incoming("ledger-access")
    @Blocking(ordered = true)
    public CompletionStage<Void> access(Message<byte[]> message) {
        return consume(message);
    }

    @Incoming("ledger-interviews")
    @Blocking(ordered = true)
    public CompletionStage<Void> interviews(Message<byte[]> message) {
        return consume(message);
    }

    @Incoming("ledger-audit")
    @Blocking(ordered = true)
    public CompletionStage<Void> audit(Message<byte[]> message) {
        return consume(message);
    }

    private CompletionStage<Void> consume(Message<byte[]> message) {
        if (isHeartbeat(message.getPayload())) {
            return message.ack();
        }
        return consumer.consume(CONSUMER, message, recorder::record);
    }

    /** A well-formed AccessHeartbeat: liveness only, not an audit event. Anything unreadable goes the normal way. */
    private static boolean isHeartbeat(byte[] payload) {
        try {
            Envelope envelope = Envelope.parseFrom(payload);
            return envelope.hasAccessHeartbeat() && "AccessHeartbeat".equals(envelope.getType());
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return false;
        }
    }
}
