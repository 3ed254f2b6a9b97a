package org.parley.events.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.LedgerCheckpointed;

/**
 * Keeps the ledger's signed checkpoints outside its database: each one also goes, through the outbox (so in the
 * transaction that signs it), to the compacted topic {@link Topics#LEDGER} keyed by the signing key's id (one key
 * signs one ledger: a key is never reused for a new, empty ledger), where the newest survives whatever happens to
 * the database. Verification reads that newest anchor back: a database superuser who
 * deletes the last entries with their checkpoints and rewinds the head can no longer get VALID.
 */
@ApplicationScoped
public class LedgerAnchors {

    private static final Logger LOG = Logger.getLogger(LedgerAnchors.class);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, Object> kafkaSettings;

    @Inject
    public LedgerAnchors(
            Outbox outbox, @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.kafkaSettings = kafkaSettings;
    }

    /** Queues the checkpoint for the topic, in the signing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(long sequence, String hash, String keyId, String signature) {
        outbox.append(
                Topics.LEDGER,
                recordKey(keyId),
                Envelopes.about(null, null, null, clock.instant())
                        .setLedgerCheckpointed(LedgerCheckpointed.newBuilder()
                                .setSequence(sequence)
                                .setHash(hash)
                                .setKeyId(keyId)
                                .setSignature(signature)));
    }

    /**
     * The newest anchor signed by one of these keys (the highest sequence among the records keyed by their
     * ids), or empty when none was published yet. The topic is compacted, so it holds about one record per key
     * that ever signed: it is read whole.
     *
     * @throws IllegalStateException when the broker cannot be read: verification must then say it could not
     *     check the anchor, not that there is none
     */
    public Optional<LedgerAnchor> newest(Set<String> keyIds) {
        Set<String> recordKeys = new HashSet<>();
        keyIds.forEach(id -> recordKeys.add(recordKey(id)));
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.LEDGER, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> assigned = new ArrayList<>();
            partitions.forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, READ_TIMEOUT);
            Optional<LedgerAnchor> newest = Optional.empty();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!readToEnd(consumer, assigned, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the anchor topic could not be read in time");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !recordKeys.contains(record.key())) {
                        continue; // another ledger's key (a test run's, or one this verifier does not know)
                    }
                    Optional<LedgerAnchor> anchor = anchorOf(record.value());
                    if (anchor.isPresent()
                            && (newest.isEmpty()
                                    || anchor.get().sequence() > newest.get().sequence())) {
                        newest = anchor;
                    }
                }
            }
            return newest;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException(
                    "the anchor topic could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The record key of a signing key's anchors: one key signs one ledger, so it names the chain. */
    static String recordKey(String keyId) {
        return "ledger-key:" + keyId;
    }

    private static boolean readToEnd(
            KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, READ_TIMEOUT) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates the anchor topic as compacted when the broker does not have it yet (production declares it in
     * deploy/, like every topic); a failure is logged and left to the next start: appends do not depend on it.
     */
    void ensureTopic(@Observes StartupEvent event) {
        Properties config = new Properties();
        copyKnown(config, AdminClientConfig.configNames());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(Topics.LEDGER, Optional.of(1), Optional.empty())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf(
                        "ledger anchors: topic %s not created (%s)",
                        Topics.LEDGER, e.getCause().getClass().getSimpleName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "ledger anchors: topic %s not created (%s)",
                    Topics.LEDGER, e.getClass().getSimpleName());
        }
    }

    private static Optional<LedgerAnchor> anchorOf(byte[] bytes) {
        try {
            Envelope envelope = Envelopes.parse(bytes);
            if (!envelope.hasLedgerCheckpointed()) {
                return Optional.empty();
            }
            LedgerCheckpointed checkpoint = envelope.getLedgerCheckpointed();
            return Optional.of(new LedgerAnchor(
                    checkpoint.getSequence(),
                    checkpoint.getHash(),
                    checkpoint.getKeyId(),
                    checkpoint.getSignature(),
                    "kafka:" + Topics.LEDGER));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // a record that is no checkpoint cannot anchor anything
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        copyKnown(config, ConsumerConfig.configNames());
        // assign() without a group: nothing is committed, no group is left behind
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "events-anchor-reader");
        return config;
    }

    /** The service's connection settings (servers, TLS, SASL): only the keys this client understands. */
    private void copyKnown(Properties config, Set<String> known) {
        kafkaSettings.forEach((key, value) -> {
            if (known.contains(key) && value != null) {
                config.put(key, value);
            }
        });
    }
}
