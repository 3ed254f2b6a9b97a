package org.parley.testing;

import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform's consumers, in the groups these settings name and with the services' {@code earliest} reset, read
 * what is written from the moment the groups were placed, even before they join, and nothing written before (other
 * modules' backlog, which a partition would hand them first). On the real shared broker, with topics of this test's
 * own.
 */
class PlatformConsumerGroupsTest {

    private static final StackInfo STACK = SharedStack.get();

    @Test
    void aPlatformsConsumersStartWhereTheTopicsEndedWhenItStarted() throws Exception {
        String backlogged = "parley.groups-test." + UUID.randomUUID();
        String unwritten = "parley.groups-test." + UUID.randomUUID();
        send(backlogged, "earlier module 1", "earlier module 2", "earlier module 3");

        Map<String, Map<String, String>> settings = PlatformConsumerGroups.startingNow(
                STACK,
                "groups-test",
                "r1",
                Map.of("cases", Map.of("access-events", backlogged), "access", Map.of("cases-events", unwritten)));

        String casesGroup = settings.get("cases").get("mp.messaging.incoming.access-events.group.id");
        String accessGroup = settings.get("access").get("mp.messaging.incoming.cases-events.group.id");
        assertThat(casesGroup).isEqualTo("groups-test-r1-cases-access-events");
        assertThat(accessGroup).isEqualTo("groups-test-r1-access-cases-events");

        // written after the groups were placed, before any consumer joined: still the platform's
        send(backlogged, "platform 1");
        send(unwritten, "platform 2");
        send(backlogged, "platform 3");

        assertThat(SharedStackTest.readAll(backlogged, casesGroup, 2)).containsExactly("platform 1", "platform 3");
        assertThat(SharedStackTest.readAll(unwritten, accessGroup, 1))
                .as("a topic no one had written yet: the group starts at its start")
                .containsExactly("platform 2");
    }

    @Test
    void everyServiceOfThePlatformHasItsChannelsPlaced() {
        Map<String, Map<String, String>> settings = PlatformConsumerGroups.startingNow(
                STACK, "groups-test", UUID.randomUUID().toString(), List.of("access", "cases", "interviews", "events"));

        assertThat(settings).containsOnlyKeys("access", "cases", "interviews", "events");
        assertThat(settings.get("events"))
                .hasSize(5)
                .allSatisfy((key, group) -> assertThat(group).startsWith("groups-test-"));
        assertThat(settings.get("cases")).containsOnlyKeys("mp.messaging.incoming.access-events.group.id");
    }

    /** The table the groups are placed from is each service's own: a channel it missed would read the backlog. */
    @Test
    void theTableHoldsEveryIncomingChannelOfEachServiceWithItsTopic() throws Exception {
        Pattern topicKey = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        for (String service : List.of("access", "cases", "interviews", "events")) {
            Properties properties = new Properties();
            try (Reader file = Files.newBufferedReader(SharedStack.projectRoot()
                    .resolve("services/" + service + "/src/main/resources/application.properties"))) {
                properties.load(file);
            }
            Map<String, String> channels = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = topicKey.matcher(key);
                if (channel.matches()) {
                    channels.put(channel.group(1), properties.getProperty(key));
                }
            }
            assertThat(channels).as(service).isNotEmpty();
            assertThat(PlatformConsumerGroups.SERVICE_CHANNELS.get(service))
                    .as(service)
                    .isEqualTo(channels);
        }
    }

    private static void send(String topic, String... values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
            }
        }
    }
}
