package org.parley.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer groups of their own for a platform of services that a test suite starts on the shared broker (the
 * end-to-end journeys, the console's browser tests). That broker carries every earlier module's test events: a
 * service in the groups of its production settings would first read all of them (the console's platform waited
 * about 30 s for its access service to work through other modules' cases before it heard of its own). Each group
 * begins where the topics end when the platform starts, committed before any service joins, so the services keep
 * their production {@code earliest} reset and miss none of the platform's own events, however late a consumer
 * is assigned its partitions.
 */
public final class PlatformConsumerGroups {

    /** Each service's incoming channels and the topic each reads, as in the services' application.properties. */
    public static final Map<String, Map<String, String>> SERVICE_CHANNELS = Map.of(
            "access", Map.of("cases-events", "parley.cases.v1"),
            "cases", Map.of("access-events", "parley.access.v1"),
            "interviews", Map.of("access-events", "parley.access.v1"),
            "events",
                    Map.of(
                            "access-events", "parley.access.v1",
                            "ledger-cases", "parley.cases.v1",
                            "ledger-access", "parley.access.v1",
                            "ledger-interviews", "parley.interviews.v1",
                            "ledger-audit", "parley.audit.v1"));

    private PlatformConsumerGroups() {}

    /**
     * Commits, for every channel of the services, a new group (named after the platform and this run) at the
     * current end of its topic, and returns each service's settings that put its channels in those groups.
     */
    public static Map<String, Map<String, String>> startingNow(
            StackInfo stack, String platform, String run, List<String> services) {
        Map<String, Map<String, String>> channels = new HashMap<>();
        services.forEach(service -> channels.put(service, SERVICE_CHANNELS.getOrDefault(service, Map.of())));
        return startingNow(stack, platform, run, channels);
    }

    /** As above, for services whose channels and topics are given: service, then channel to topic. */
    static Map<String, Map<String, String>> startingNow(
            StackInfo stack, String platform, String run, Map<String, Map<String, String>> channels) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        Map<String, Map<String, String>> settings = new HashMap<>();
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> ends = new HashMap<>();
            for (Map.Entry<String, Map<String, String>> service : channels.entrySet()) {
                Map<String, String> serviceSettings = new HashMap<>();
                for (Map.Entry<String, String> channel : service.getValue().entrySet()) {
                    String group = platform + "-" + run + "-" + service.getKey() + "-" + channel.getKey();
                    serviceSettings.put("mp.messaging.incoming." + channel.getKey() + ".group.id", group);
                    Map<TopicPartition, OffsetAndMetadata> end = ends.computeIfAbsent(
                            channel.getValue(), topic -> existing.contains(topic) ? endOf(admin, topic) : Map.of());
                    if (!end.isEmpty()) {
                        admin.alterConsumerGroupOffsets(group, end).all().get(30, TimeUnit.SECONDS);
                    }
                }
                settings.put(service.getKey(), Map.copyOf(serviceSettings));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not place the platform's consumer groups: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing the platform's consumer groups", e);
        }
        return settings;
    }

    /**
     * An existing topic's end offsets. A topic no one has written yet has none: its group then starts at its start,
     * which is where the platform's first event will be.
     */
    private static Map<TopicPartition, OffsetAndMetadata> endOf(Admin admin, String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            description
                    .partitions()
                    .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            admin.listOffsets(partitions)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset.offset())));
            return end;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the end of " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + topic, e);
        }
    }
}
