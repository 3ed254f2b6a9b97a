package org.parley.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.parley.proto.v1.Envelope;

/**
 * Reads a topic with a plain KafkaConsumer from the offsets it had when this reader was made, keeping
 * every record's raw bytes (to scan them) and its envelope.
 */
final class AccessTopic implements AutoCloseable {

    record Received(byte[] bytes, Envelope envelope) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    AccessTopic(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> {
            partitions.clear();
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return !partitions.isEmpty();
        });
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        ends.forEach(consumer::seek);
    }

    /** Everything read so far after one more poll. */
    synchronized List<Received> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            try {
                received.add(new Received(record.value(), Envelope.parseFrom(record.value())));
            } catch (Exception e) {
                received.add(new Received(record.value(), null));
            }
        }
        return List.copyOf(received);
    }

    /** The envelopes about one case, in topic order. */
    List<Envelope> about(String caseId) {
        return poll().stream()
                .map(Received::envelope)
                .filter(envelope -> envelope != null && envelope.getCaseId().equals(caseId))
                .toList();
    }

    /** Polls until the predicate holds for the envelopes about the case, then returns them. */
    List<Envelope> awaitAbout(String caseId, Predicate<List<Envelope>> done) {
        Awaitility.await()
                .atMost(20, TimeUnit.SECONDS)
                .pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> done.test(about(caseId)));
        return about(caseId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
