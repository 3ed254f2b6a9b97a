package org.parley.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Bare Kafka on the bench broker: the floor under the platform's event paths, measured in the same run. */
final class KafkaBaseline {

    private KafkaBaseline() {}

    /** A producer configured as OutboxRelay's (idempotent, acks=all, linger 1 ms). */
    static Producer<String, byte[]> relayLikeProducer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-bare-producer");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Produce-to-consume latency of single paced records (acks=all producer, a consumer with the services'
     * fetch.max.wait.ms=500): what any event path over this broker pays at least.
     */
    static ObjectNode roundTrip(String bootstrap, int count, double ratePerSecond) throws Exception {
        return roundTrip(bootstrap, count, ratePerSecond, Map.of());
    }

    /**
     * As {@link #roundTrip(String, int, double)}, on a topic made with the given topic settings first (e.g.
     * {@code flush.messages}, to compare a broker that syncs each record with one that leaves it to the OS).
     */
    static ObjectNode roundTrip(String bootstrap, int count, double ratePerSecond, Map<String, String> topicSettings)
            throws Exception {
        String topic = "bench.rtt." + UUID.randomUUID();
        if (!topicSettings.isEmpty()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(topicSettings)))
                        .all()
                        .get();
            }
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-rtt-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        Histogram micros = new Histogram(60_000_000L, 3);
        try (Producer<String, byte[]> producer = relayLikeProducer(bootstrap);
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", new byte[8])).get(); // creates the topic
            consumer.subscribe(List.of(topic));
            long warmDeadline = System.nanoTime() + 30_000_000_000L;
            int warm = 0;
            while (warm == 0 && System.nanoTime() < warmDeadline) {
                warm = consumer.poll(Duration.ofMillis(100)).count();
            }
            Thread sender = new Thread(() -> {
                long period = (long) (1e9 / ratePerSecond);
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long intended = start + i * period;
                    while (System.nanoTime() < intended) {
                        java.util.concurrent.locks.LockSupport.parkNanos(intended - System.nanoTime());
                    }
                    byte[] payload =
                            ByteBuffer.allocate(8).putLong(System.nanoTime()).array();
                    producer.send(new ProducerRecord<>(topic, "k" + (i % 8), payload));
                }
            });
            sender.start();
            int received = 0;
            long deadline = System.nanoTime() + (long) ((count / ratePerSecond + 30) * 1e9);
            while (received < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long sent = ByteBuffer.wrap(record.value()).getLong();
                    micros.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    received++;
                }
            }
            sender.join();
        }
        ObjectNode node = Bench.JSON.createObjectNode();
        node.put("records", micros.getTotalCount());
        node.put("p50Ms", Bench.round(micros.getValueAtPercentile(50) / 1000.0, 2));
        node.put("p99Ms", Bench.round(micros.getValueAtPercentile(99) / 1000.0, 2));
        node.put("maxMs", Bench.round(micros.getMaxValue() / 1000.0, 2));
        return node;
    }

    /** Sends the records and waits for every ack; returns seconds. */
    static double sendAll(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        long start = System.nanoTime();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            sends.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
