package org.parley.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.parley.messaging.Envelopes;
import org.parley.messaging.PoisonEventException;
import org.parley.messaging.inbox.IdempotentConsumer;
import org.parley.proto.v1.Envelope;

/**
 * Keeps {@link PolicyProjection} current from access's topic. Enabled in a service with the build
 * property {@code parley.policy-projection.enabled=true} and the channel {@code access-events}
 * configured (topic, group, dead-letter queue). Each event is applied once ({@link IdempotentConsumer}):
 * a transient failure (database down) is retried in place, so a revocation is never skipped; a message
 * that can never be applied goes to the dead-letter topic; the offset is committed only after the
 * transaction of the effect.
 *
 * <p>Freshness: the projection counts as having heard from access only when an event's transaction has
 * committed, and only as of that event's {@code occurred_at} (never later than now), so a consumer that
 * is replaying an old backlog, or failing to apply events, goes stale and reads fail closed. A
 * redelivered event proves nothing new and is skipped. The same watermark is written to the service's
 * database in the applying transaction, so replicas that do not receive the topic stay fresh too.
 */
@ApplicationScoped
@IfBuildProperty(name = "parley.policy-projection.enabled", stringValue = "true")
public class AccessEventsConsumer {

    static final String CONSUMER = "policy-projection";

    private final PolicyProjection projection;
    private final IdempotentConsumer consumer;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    @Inject
    public AccessEventsConsumer(
            PolicyProjection projection,
            IdempotentConsumer consumer,
            TransactionSynchronizationRegistry transactions,
            Clock clock) {
        this.projection = projection;
        this.consumer = consumer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * In batches (one transaction each, {@code batch=true} on the channel in every service that keeps the
     * projection): after a broker outage the backlog of policies and heartbeats is applied in seconds.
     */
    @Incoming("access-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> receive(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeBatch(
                CONSUMER, batch, consumer.eachOf(this::applyInTransaction, Envelope::hasAccessHeartbeat));
    }

    private void applyInTransaction(Envelope envelope) {
        if (envelope.hasPolicy()) {
            if (envelope.getCaseId().isEmpty() || envelope.getPolicyVersion() <= 0) {
                throw new PoisonEventException("policy snapshot without case or version");
            }
            projection.apply(envelope.getCaseId(), envelope.getPolicyVersion(), envelope.getPolicy());
        }
        projection.recordHeardFromAccess(occurredAt(envelope));
        heardAfterCommit(envelope);
    }

    private void heardAfterCommit(Envelope envelope) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    heardAsOf(envelope);
                }
            }
        });
    }

    private void heardAsOf(Envelope envelope) {
        projection.heardFromAccess(occurredAt(envelope));
    }

    /** When access says the event happened; an event without that time counts as of its arrival. */
    private Instant occurredAt(Envelope envelope) {
        return envelope.hasOccurredAt() ? Envelopes.instant(envelope.getOccurredAt()) : clock.instant();
    }
}
