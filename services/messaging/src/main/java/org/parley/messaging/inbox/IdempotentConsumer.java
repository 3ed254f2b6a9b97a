package org.parley.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.parley.messaging.Envelopes;
import org.parley.messaging.PoisonEventException;
import org.parley.messaging.health.RepeatedFailureLog;
import org.parley.proto.v1.Envelope;

/**
 * Applies each event once per consumer: the {@link Inbox} mark and the effect commit in one transaction,
 * the Kafka offset is acknowledged only after that commit, and
 *
 * <ul>
 *   <li>a transient failure (database unavailable, deadlock, serialization failure, lock or transaction
 *       timeout) is retried in place with back-off for as long as it lasts: nothing is skipped, the
 *       partition simply waits (a transaction timeout or other unexpected failure is retried too, up
 *       to {@code parley.consumer.max-attempts});
 *   <li>a poison event ({@link PoisonEventException}: unreadable, wrong type header, unknown payload, or
 *       an effect that still fails after {@code parley.consumer.max-attempts} attempts) is nacked, which
 *       the channel's {@code failure-strategy=dead-letter-queue} sends to the dead-letter topic.
 * </ul>
 *
 * <p>Dead-letter provenance: SmallRye adds the original topic, partition and offset and copies the
 * original headers ({@code event-id}, {@code event-type}); this adds {@code dead-letter-event-id} (when
 * the bytes yield one) and {@code dead-letter-consumer}. The reason header is the poison exception's
 * message, which never carries content, and no cause is attached (its message could).
 *
 * <p>Use from an {@code @Incoming @Blocking(ordered = true)} method taking {@code KafkaRecordBatch<String,
 * byte[]>} on a channel with {@code batch=true} (no {@code @Transactional}: each attempt has its own
 * transaction):
 *
 * <pre>{@code
 * return consumer.consumeBatch("access-cases", batch, consumer.eachOf(this::apply));
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    public static final String DEAD_LETTER_EVENT_ID = "dead-letter-event-id";
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final ConsumerConfig config;

    @Inject
    public IdempotentConsumer(Inbox inbox, EntityManager entityManager, MeterRegistry meters, ConsumerConfig config) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.meters = meters;
        this.config = config;
    }

    private volatile boolean shuttingDown;

    /** One per consumer name: a long outage is logged once per interval with a count, not once per attempt. */
    private final Map<String, RepeatedFailureLog> failureLogs = new ConcurrentHashMap<>();

    /** The effect of one event, run inside the transaction that also records it in the inbox. */
    @FunctionalInterface
    public interface Effect {
        void apply(Envelope envelope);
    }

    /**
     * The effect of a batch's new events (in the batch's order, each once), run inside the transaction that
     * records them in the inbox; applying them all at once lets it write them in a few statements. It must have
     * the same outcome as applying each in turn with {@link #one()}, which a batch falls back to.
     */
    public interface BatchEffect {
        void applyAll(List<Envelope> envelopes);

        /** The effect of one event. */
        Effect one();

        /**
         * Whether the event is a signal rather than a fact: applying it twice changes nothing (a heartbeat only
         * moves freshness forward), so it is applied every time it arrives and never remembered in the inbox,
         * which one row every two seconds would grow forever. Which events are signals is the consumer's
         * business; by default none.
         */
        default boolean isSignal(Envelope envelope) {
            return false;
        }
    }

    /**
     * A batch effect that applies each event in turn, in the batch's one transaction. The persistence context is
     * flushed and cleared after each event: entities an effect loaded would otherwise pile up, and every later query
     * of the batch would dirty-check them all.
     */
    public BatchEffect eachOf(Effect effect) {
        return eachOf(effect, envelope -> false);
    }

    /** As {@link #eachOf(Effect)}, with the events {@code signals} accepts applied as signals. */
    public BatchEffect eachOf(Effect effect, Predicate<Envelope> signals) {
        return new BatchEffect() {
            @Override
            public void applyAll(List<Envelope> envelopes) {
                for (Envelope envelope : envelopes) {
                    effect.apply(envelope);
                    entityManager.flush();
                    entityManager.clear();
                }
            }

            @Override
            public Effect one() {
                return effect;
            }

            @Override
            public boolean isSignal(Envelope envelope) {
                return signals.test(envelope);
            }
        };
    }

    /**
     * Applies the message's event once and acknowledges it, or nacks it as poison (to the dead-letter
     * topic) with provenance headers. Blocks while a transient failure lasts.
     */
    private CompletionStage<Void> consume(String consumer, Message<byte[]> message, BatchEffect effect) {
        try {
            Envelope envelope = Envelopes.parse(message.getPayload());
            message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .ifPresent(kafka -> checkHeaders(kafka.getHeaders(), envelope));
            applyOnce(consumer, envelope, effect);
            return message.ack();
        } catch (ShuttingDown stopping) {
            // Neither ack nor nack: the offset stays uncommitted and the record comes back after the restart.
            LOG.debugf("consumer %s: stopping; the event will be redelivered", consumer);
            return new CompletableFuture<>();
        } catch (PoisonEventException poison) {
            meters.counter("parley.consumer.dead-lettered", "consumer", consumer)
                    .increment();
            RecordHeaders headers = new RecordHeaders();
            Envelopes.readableEventId(message.getPayload())
                    .ifPresent(id -> headers.add(DEAD_LETTER_EVENT_ID, id.getBytes(StandardCharsets.UTF_8)));
            headers.add(DEAD_LETTER_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
            LOG.warnf("consumer %s: event sent to the dead-letter topic: %s", consumer, poison.getMessage());
            return message.nack(
                    poison,
                    Metadata.of(OutgoingKafkaRecordMetadata.builder()
                            .withHeaders(headers)
                            .build()));
        }
    }

    /**
     * Applies one event once (a signal: every time), in a transaction of its own, retrying transient failures.
     *
     * @throws PoisonEventException when the event can never be applied; its message names no content
     * @throws ShuttingDown when the service stops before the event could be applied
     */
    private void applyOnce(String consumer, Envelope envelope, BatchEffect effect) {
        boolean applied = inTransactionWithRetries(consumer, () -> {
            if (!effect.isSignal(envelope) && !inbox.firstDelivery(consumer, envelope.getEventId())) {
                return false;
            }
            effect.one().apply(envelope);
            return true;
        });
        if (!applied) {
            meters.counter("parley.consumer.redeliveries", "consumer", consumer).increment();
        }
    }

    /**
     * Applies a batch of records, each once, and acknowledges them, in order: a consumer that must catch up
     * with a backlog (the ledger after an outage) pays one transaction, one commit and one disk flush per batch
     * instead of per event. The batch's effects commit together or not at all, before any offset is
     * acknowledged. When the batch cannot commit for any reason but a transient one (a poison event among
     * them, a failing effect), nothing of it was applied, and every record takes the one-by-one path of
     * {@link #consume(String, Message, BatchEffect)}: the good ones are applied, the poison one alone goes to the
     * dead-letter topic. Use from an {@code @Incoming @Blocking(ordered = true)} method taking
     * {@code KafkaRecordBatch<String, byte[]>} on a channel with {@code batch=true}.
     */
    public CompletionStage<Void> consumeBatch(
            String consumer, KafkaRecordBatch<String, byte[]> batch, BatchEffect effect) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        try {
            List<Envelope> envelopes = new ArrayList<>(records.size());
            for (KafkaRecord<String, byte[]> record : records) {
                Envelope envelope = Envelopes.parse(record.getPayload());
                checkHeaders(record.getHeaders(), envelope);
                envelopes.add(envelope);
            }
            int applied = inTransactionWithRetries(consumer, () -> {
                List<Envelope> first = firstDeliveries(consumer, envelopes, effect);
                effect.applyAll(first);
                return first.size();
            });
            if (applied < envelopes.size()) {
                meters.counter("parley.consumer.redeliveries", "consumer", consumer)
                        .increment(envelopes.size() - applied);
            }
            return acknowledgeInOrder(records);
        } catch (ShuttingDown stopping) {
            LOG.debugf("consumer %s: stopping; the batch will be redelivered", consumer);
            return new CompletableFuture<>();
        } catch (PoisonEventException poison) {
            // Rolled back (or never begun): apply each record on its own, so only the poison one is dead-lettered.
            LOG.debugf(
                    "consumer %s: a batch of %d holds an event that cannot be applied; applying one by one",
                    consumer, records.size());
            CompletionStage<Void> done = CompletableFuture.completedFuture(null);
            for (KafkaRecord<String, byte[]> record : records) {
                CompletionStage<Void> one = consume(consumer, record, effect);
                done = done.thenCompose(previous -> one);
            }
            return done;
        }
    }

    /** The batch's signals and its events seen for the first time, in the batch's order. */
    private List<Envelope> firstDeliveries(String consumer, List<Envelope> envelopes, BatchEffect effect) {
        List<Envelope> facts =
                envelopes.stream().filter(e -> !effect.isSignal(e)).toList();
        if (facts.size() == envelopes.size()) {
            return inbox.firstDeliveries(consumer, envelopes);
        }
        Set<Envelope> firstFacts = Collections.newSetFromMap(new IdentityHashMap<>());
        firstFacts.addAll(inbox.firstDeliveries(consumer, facts));
        return envelopes.stream()
                .filter(e -> effect.isSignal(e) || firstFacts.contains(e))
                .toList();
    }

    private static CompletionStage<Void> acknowledgeInOrder(List<KafkaRecord<String, byte[]>> records) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, byte[]> record : records) {
            CompletionStage<Void> acknowledged = record.ack();
            done = done.thenCompose(previous -> acknowledged);
        }
        return done;
    }

    /**
     * Runs the work in a transaction of its own, retrying transient failures for as long as they last and any
     * other failure up to {@code parley.consumer.max-attempts} times.
     *
     * @throws PoisonEventException when the work can never succeed; its message names no content
     * @throws ShuttingDown when the service stops before the work could succeed
     */
    private <T> T inTransactionWithRetries(String consumer, java.util.concurrent.Callable<T> work) {
        int attempt = 0;
        long backoffMillis = 0;
        while (true) {
            attempt++;
            try {
                T result = QuarkusTransaction.requiringNew().call(work);
                failureLog(consumer).succeeded();
                return result;
            } catch (RuntimeException e) {
                PoisonEventException poison = poisonIn(e);
                if (poison != null) {
                    throw poison;
                }
                if (shuttingDown) {
                    throw new ShuttingDown();
                }
                boolean transientFailure = isTransient(e);
                if (!transientFailure && attempt >= config.maxAttempts()) {
                    // The reason names the failure's kind only: messages of JDBC or JPA exceptions can quote values.
                    throw new PoisonEventException("effect failed after " + attempt + " attempts ("
                            + rootOf(e).getClass().getSimpleName() + ")");
                }
                backoffMillis = Math.min(config.maxBackoff().toMillis(), Math.max(50, backoffMillis * 2));
                meters.counter("parley.consumer.retries", "consumer", consumer).increment();
                failureLog(consumer)
                        .failed((transientFailure ? "transient" : "unexpected") + " failure ("
                                + rootOf(e).getClass().getSimpleName() + "), attempt " + attempt);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ShuttingDown();
                }
            }
        }
    }

    /** Whether any consumer of this service is retrying an event (its database is unavailable, for one). */
    public boolean isRetrying() {
        return failureLogs.values().stream().anyMatch(RepeatedFailureLog::isFailing);
    }

    private RepeatedFailureLog failureLog(String consumer) {
        return failureLogs.computeIfAbsent(
                consumer,
                name -> new RepeatedFailureLog("consumer " + name, Duration.ofSeconds(30), LOG::warn, LOG::info));
    }

    /** The relay's {@code event-id} and {@code event-type} headers, when present, must match the envelope. */
    static void checkHeaders(Headers headers, Envelope envelope) {
        if (headers == null) {
            return;
        }
        Header type = headers.lastHeader("event-type");
        if (type != null && !envelope.getType().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            throw new PoisonEventException("event-type header does not match the envelope");
        }
        Header id = headers.lastHeader("event-id");
        if (id != null && !envelope.getEventId().equals(new String(id.value(), StandardCharsets.UTF_8))) {
            throw new PoisonEventException("event-id header does not match the envelope");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /** The service is stopping while an event is being applied: it is left for redelivery, never dead-lettered. */
    public static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("shutting down", null, false, false);
        }
    }

    private static @Nullable PoisonEventException poisonIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException poison) {
                return poison;
            }
        }
        return null;
    }

    /** Failures that go away by themselves: connection loss, deadlocks, serialization failures, timeouts. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") // connection exception
                        || state.startsWith("40") // transaction rollback: serialization failure, deadlock
                        || state.startsWith("53") // insufficient resources
                        || state.startsWith("57") // operator intervention: shutdown, query cancelled
                        || state.equals("55P03")) { // lock not available
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException")
                    || name.endsWith("LockAcquisitionException")
                    || name.endsWith("LockTimeoutException")
                    || name.endsWith("PessimisticLockException")
                    || name.endsWith("QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
