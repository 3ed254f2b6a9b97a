package org.parley.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.parley.messaging.health.RepeatedFailureLog;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published. If Kafka
 * is down the rows stay and the relay retries with back-off and a fresh producer; a batch whose sends
 * fail is sent again whole, so delivery is at least once and consumers de-duplicate on the event id.
 *
 * <p>Order. Rows are published in id order by one relay at a time (a PostgreSQL advisory lock, so
 * several instances of a service never interleave). Ids are taken when a row is inserted but become
 * visible when its transaction commits, so a lower id can appear after a higher one: the relay stops at
 * such a gap until every transaction that was running when it saw the gap has ended (the gap was a
 * rollback) or {@code parley.outbox.gap-timeout} has passed (a very long transaction; the row is then
 * published late, never lost). Kafka keeps the order per key (the case id), and the idempotent producer
 * keeps it across its own retries: records are retried for {@code parley.outbox.delivery-timeout} (a
 * broker restart is ridden out in order), and the first failed record closes the producer at once, so
 * what reached the broker of a failed batch is a prefix, sent again whole by a fresh producer.
 *
 * <p>Waking. An idle relay sleeps until a commit that wrote outbox rows in this process wakes it (see
 * {@link Outbox}), or {@code parley.outbox.idle-interval} has passed; only at a gap that may still fill,
 * or while another replica publishes, does it look again every {@code parley.outbox.poll-interval}. So an
 * event leaves as soon as its transaction commits, and an idle service does not query its database
 * fifty times a second.
 *
 * <p>Metrics: {@code parley.outbox.backlog} (unpublished rows), {@code parley.outbox.oldest.unpublished.age}
 * (seconds), {@code parley.outbox.relay.failures}, {@code parley.outbox.gaps.skipped}: the relay's health only.
 * Nothing counts or times published events: a count that moves when a case is opened tells whoever reads the
 * metrics that a case was opened, secret ones included (docs/operations.md, "What the metrics may say").
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The advisory lock (bigint key space) that makes one relay per database publish at a time. */
    static final long RELAY_LOCK = 0x7061726c6579L; // "parley"

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;

    /**
     * Every {@code kafka.*} setting (bootstrap servers, TLS, SASL/SCRAM), as Quarkus hands it to the
     * messaging channels, so the relay connects to the broker exactly as they do.
     */
    private final Map<String, Object> kafkaSettings;

    private final OutboxConfig config;

    @Inject
    public OutboxRelay(
            AgroalDataSource dataSource,
            MeterRegistry meters,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
            OutboxConfig config) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.kafkaSettings = kafkaSettings;
        this.config = config;
    }

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnpublishedMillis = new AtomicLong();
    // Set at startup (start), before the relay thread runs.
    private @Nullable Counter failures;
    private @Nullable Counter gapsSkipped;

    private volatile boolean running;
    private volatile @Nullable Thread worker;
    private final RepeatedFailureLog failureLog =
            new RepeatedFailureLog("outbox relay", Duration.ofSeconds(30), LOG::warn, LOG::info);
    private @Nullable Producer<String, byte[]> producer;

    /** At most one permit: a commit since the relay's last look began. */
    private final Semaphore wakeUps = new Semaphore(0);

    /** What the relay does after a look. */
    private enum Next {
        /** It sent rows: there may be more. */
        LOOK_AGAIN,
        /** It stopped at a gap that may still fill, or another replica held the lock. */
        POLL,
        /** Nothing to send: wait for a commit here, or the idle interval. */
        IDLE
    }

    // Relay thread only: every id at or below the horizon is published or was given up on as a gap.
    private long horizon = -1;
    private long gapAt = -1;
    private long gapSeenAtNanos;
    private long gapXmax;
    private long backlogMeasuredAtNanos;

    void start(@Observes StartupEvent event) {
        failures = Counter.builder("parley.outbox.relay.failures")
                .description("Relay batches that failed (broker or database unavailable) and will be retried")
                .register(meters);
        gapsSkipped = Counter.builder("parley.outbox.gaps.skipped")
                .description("Gaps in the outbox ids the relay stopped waiting for")
                .register(meters);
        Gauge.builder("parley.outbox.backlog", this, relay -> relay.backlog())
                .description("Outbox rows not yet published")
                .register(meters);
        Gauge.builder("parley.outbox.oldest.unpublished.age", this, relay -> relay.oldestUnpublishedSeconds())
                .description("Age in seconds of the oldest unpublished outbox row (0 when none)")
                .baseUnit("seconds")
                .register(meters);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        closeProducer();
    }

    /**
     * Called after a transaction that wrote outbox rows ends (committed or rolled back: a rollback may
     * settle a gap the relay waits at). Cheap, and never blocks the committing thread.
     */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Whether the last batch failed (broker or database unavailable) and the relay is backing off. */
    public boolean isRetrying() {
        return failureLog.isFailing();
    }

    /** Events published since start, for metrics and tests. */
    public long publishedCount() {
        return published.get();
    }

    /** Unpublished outbox rows, measured at most once a second (also while Kafka is down). */
    public long backlog() {
        measureBacklog();
        return backlog.get();
    }

    /** Age in seconds of the oldest unpublished row, 0 when none; measured like {@link #backlog()}. */
    public double oldestUnpublishedSeconds() {
        measureBacklog();
        return oldestUnpublishedMillis.get() / 1000.0;
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                // A commit from here on wakes the next wait; one before it is seen by this look.
                wakeUps.drainPermits();
                Next next = QuarkusTransaction.requiringNew()
                        .timeout((int) config.deliveryTimeout().toSeconds() + 60)
                        .call(this::relayOneBatch);
                backoffMillis = 0;
                failureLog.succeeded();
                if (next == Next.POLL) {
                    Thread.sleep(config.pollInterval().toMillis());
                } else if (next == Next.IDLE) {
                    wakeUps.tryAcquire(config.idleInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (Thread.interrupted()) {
                    return;
                }
                // Kafka or the database is unavailable: keep the rows, start a fresh producer, back off.
                Objects.requireNonNull(failures, "started").increment();
                closeProducer();
                backoffMillis = Math.min(config.maxBackoff().toMillis(), Math.max(100, backoffMillis * 2));
                failureLog.failed(describe(e));
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Next relayOneBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!holdsRelayLock(connection)) {
                return Next.POLL; // another instance of this service is relaying
            }
            if (horizon < 0) {
                horizon = initialHorizon(connection);
            }
            List<Row> rows = new ArrayList<>();
            // Rows below the horizon that were still uncommitted when the relay went past their gap.
            rows.addAll(select(
                    connection,
                    "SELECT id, event_id, topic, message_key, event_type, payload, created_at, false AS published"
                            + " FROM outbox_event WHERE published_at IS NULL AND id <= ? ORDER BY id LIMIT ?",
                    horizon,
                    config.batchSize()));
            // Rows above the horizon, in id order, up to the first gap that may still fill.
            long newHorizon = horizon;
            long expected = horizon + 1;
            boolean atGap = false;
            for (Row row : select(
                    connection,
                    "SELECT id, event_id, topic, message_key, event_type,"
                            + " CASE WHEN published_at IS NULL THEN payload END AS payload, created_at,"
                            + " published_at IS NOT NULL AS published"
                            + " FROM outbox_event WHERE id > ? ORDER BY id LIMIT ?",
                    horizon,
                    config.batchSize())) {
                if (row.id != expected && !gapSettled(connection, expected)) {
                    atGap = true;
                    break;
                }
                newHorizon = row.id;
                expected = row.id + 1;
                if (!row.published) {
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                horizon = newHorizon;
                return atGap ? Next.POLL : Next.IDLE;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.key, row.payload);
                record.headers()
                        .add("event-id", row.eventId.getBytes(StandardCharsets.UTF_8))
                        .add("event-type", row.type.getBytes(StandardCharsets.UTF_8));
                Producer<String, byte[]> current = producer();
                sends.add(current.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        // Stop at once: no record after a failed one may reach the broker in this session, or a
                        // case's later event could be written before its earlier one is resent.
                        current.close(Duration.ZERO);
                    }
                }));
            }
            producer().flush();
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get(config.deliveryTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("kafka did not acknowledge a batch: " + describe(e), e);
                }
            }
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.id));
            try (PreparedStatement mark =
                    connection.prepareStatement("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
                mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
            horizon = newHorizon;
            published.addAndGet(rows.size());
            return Next.LOOK_AGAIN;
        }
        // On failure the horizon stays where it was: it only ever moves past rows that were published.
    }

    private static boolean holdsRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * At start: the last published row below the oldest unpublished one. Everything after it, gaps
     * included (rows still being written by transactions in flight), goes through the gap rule, so a
     * restart does not let a lower id overtake a higher one.
     */
    private static long initialHorizon(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT COALESCE(max(id), 0) FROM outbox_event WHERE published_at IS NOT NULL"
                                + " AND id < COALESCE((SELECT min(id) FROM outbox_event WHERE published_at IS NULL),"
                                + " 9223372036854775807)");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Whether the relay may go past the missing id {@code id}: every transaction that held an id when
     * the gap was first seen has ended (so the id was rolled back), or the gap is older than the timeout.
     */
    private boolean gapSettled(Connection connection, long id) throws SQLException {
        if (gapAt != id) {
            gapAt = id;
            gapSeenAtNanos = System.nanoTime();
            gapXmax = snapshotBound(connection, "pg_snapshot_xmax");
            return false;
        }
        if (snapshotBound(connection, "pg_snapshot_xmin") >= gapXmax) {
            return true;
        }
        if (System.nanoTime() - gapSeenAtNanos > config.gapTimeout().toNanos()) {
            Objects.requireNonNull(gapsSkipped, "started").increment();
            LOG.warnf(
                    "outbox relay: id %d still missing after %s (a long transaction?); going on, it will be"
                            + " published when it commits",
                    id, config.gapTimeout());
            return true;
        }
        return false;
    }

    private static long snapshotBound(Connection connection, String function) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT " + function + "(pg_current_snapshot())::text");
                ResultSet result = query.executeQuery()) {
            result.next();
            return Long.parseLong(result.getString(1));
        }
    }

    private synchronized void measureBacklog() {
        long now = System.nanoTime();
        if (backlogMeasuredAtNanos != 0 && now - backlogMeasuredAtNanos < 1_000_000_000L) {
            return;
        }
        backlogMeasuredAtNanos = now;
        try (Connection connection = dataSource.getConnection();
                // The age by the database's clock, which also stamped created_at: no skew between the two.
                PreparedStatement query = connection.prepareStatement("SELECT count(*), COALESCE(CAST("
                        + "EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)) * 1000 AS bigint), 0)"
                        + " FROM outbox_event WHERE published_at IS NULL");
                ResultSet result = query.executeQuery()) {
            result.next();
            backlog.set(result.getLong(1));
            oldestUnpublishedMillis.set(Math.max(0, result.getLong(2)));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox relay: backlog not measured: %s", describe(e));
        }
    }

    private static List<Row> select(Connection connection, String sql, long horizon, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, horizon);
            select.setInt(2, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getLong("id"),
                            result.getString("event_id"),
                            result.getString("topic"),
                            result.getString("message_key"),
                            result.getString("event_type"),
                            result.getBytes("payload"),
                            result.getTimestamp("created_at").toInstant(),
                            result.getBoolean("published")));
                }
            }
        }
        return rows;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    producerConfig(kafkaSettings, config.deliveryTimeout()),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * The connection settings the service was given (servers, TLS, SASL), with the relay's delivery
     * guarantees on top: these are not the operator's to loosen, since order and no-loss depend on them.
     */
    static Properties producerConfig(Map<String, Object> kafkaSettings, Duration deliveryTimeout) {
        Properties config = new Properties();
        Set<String> producerKeys = ProducerConfig.configNames();
        kafkaSettings.forEach((key, value) -> {
            // only what a producer understands: the map also holds consumer and Quarkus-only keys
            if (producerKeys.contains(key) && value != null) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // Long enough to ride out a broker restart: records wait and are retried in order. A batch that
        // expired would let the idempotent producer bump its epoch and write later records first.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer may fail; a new one is made on the next attempt
            }
            producer = null;
        }
    }

    /** Exception class and message only: these come from Kafka and JDBC, never from event content. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(
            long id,
            String eventId,
            String topic,
            String key,
            String type,
            byte[] payload,
            Instant createdAt,
            boolean published) {}
}
