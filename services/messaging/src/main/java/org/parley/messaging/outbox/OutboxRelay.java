package org.parley.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published. If Kafka
 * is down the rows stay and the relay retries with back-off; a batch whose sends fail is sent again
 * whole, so delivery is at least once and consumers de-duplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "parley.outbox.poll-interval", defaultValue = "PT0.02S")
    Duration pollInterval;

    @ConfigProperty(name = "parley.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "parley.outbox.max-backoff", defaultValue = "PT2S")
    Duration maxBackoff;

    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;

    void start(@Observes StartupEvent event) {
        meters.gauge("parley.outbox.published", published);
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

    /** Events published since start, for metrics and tests. */
    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayOneBatch);
                backoffMillis = 0;
                if (sent == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // Kafka or the database is unavailable: keep the rows, start a fresh producer, back off.
                closeProducer();
                backoffMillis = Math.min(maxBackoff.toMillis(), Math.max(100, backoffMillis * 2));
                LOG.warnf("outbox relay: %s; retrying in %d ms", describe(e), backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int relayOneBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, event_id, topic, message_key, event_type, payload FROM outbox_event"
                            + " WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, batchSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                                rows.getString("topic"), rows.getString("message_key"), rows.getBytes("payload"));
                        record.headers()
                                .add("event-id", rows.getString("event_id").getBytes(StandardCharsets.UTF_8))
                                .add("event-type", rows.getString("event_type").getBytes(StandardCharsets.UTF_8));
                        sends.add(producer().send(record));
                        ids.add(rows.getLong("id"));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            producer().flush();
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("kafka did not acknowledge a batch: " + describe(e), e);
                }
            }
            try (PreparedStatement mark =
                    connection.prepareStatement("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
                mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
            published.addAndGet(ids.size());
            return ids.size();
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
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
}
