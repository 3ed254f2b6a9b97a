package org.parley.messaging.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay connects as the channels do (TLS, SCRAM) but keeps its own delivery guarantees. */
class RelayProducerConfigTest {

    @Test
    void theBrokersConnectionSettingsReachTheRelaysProducer() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093");
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", "SCRAM-SHA-512");
        settings.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
        settings.put("ssl.truststore.type", "PEM");
        settings.put("ssl.truststore.location", "/etc/parley/kafka-ca/ca.crt");

        Properties config = OutboxRelay.producerConfig(settings, Duration.ofMinutes(2));

        assertThat(config)
                .containsEntry("bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/parley/kafka-ca/ca.crt")
                .containsKey("sasl.jaas.config");
        // Kafka's own validation accepts it (types, enums), as the real producer will
        new ProducerConfig(withSerializers(config));
    }

    @Test
    void operatorsCannotLoosenTheRelaysDeliveryGuarantees() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", "127.0.0.1:9092");
        settings.put("acks", "1");
        settings.put("enable.idempotence", "false");
        settings.put("delivery.timeout.ms", "1000");

        Properties config = OutboxRelay.producerConfig(settings, Duration.ofMinutes(2));

        assertThat(config)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("delivery.timeout.ms", 120_000);
    }

    @Test
    void consumerAndQuarkusOnlyKeysAreLeftOut() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", "127.0.0.1:9092");
        settings.put("auto.offset.reset", "earliest");
        settings.put("group.id", "cases-policy");
        settings.put("devservices.enabled", "false");

        Properties config = OutboxRelay.producerConfig(settings, Duration.ofMinutes(2));

        assertThat(config).doesNotContainKeys("auto.offset.reset", "group.id", "devservices.enabled");
        new ProducerConfig(withSerializers(config));
    }

    private static Properties withSerializers(Properties config) {
        Properties complete = new Properties();
        complete.putAll(config);
        complete.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        complete.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return complete;
    }
}
