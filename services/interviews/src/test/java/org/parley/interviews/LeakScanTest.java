package org.parley.interviews;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.parley.messaging.Topics;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;

/**
 * Runs last: scans everything the service wrote during the run (its log file, and the topics it
 * publishes to, read from the beginning) for every identity, descriptor, quote and transcript phrase the
 * tests stored (one by one and by import), and for the custodian's reasons. Zero hits.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class LeakScanTest {

    private static final Path LOG = Path.of("target/interviews-test.log");

    @Test
    void nothingConfidentialLeavesTheServiceThroughLogsOrEvents() throws Exception {
        projectionIs(false);
        String caseId = secretCase("sofia", "mateo");
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        String reason = "legal hold requested by counsel " + Fixtures.RUN;
        Fixtures.SECRETS.add(reason);
        // The paths that see confidential values: read, change, excerpts, reveal, and rejected input.
        as("mateo").get("/interviews/" + id).then().statusCode(200);
        as("mateo").get("/interviews?case=" + caseId).then().statusCode(200);
        as("sofia")
                .header("If-Match", "\"1\"")
                .body(Map.of("transcript", "Second session. " + Fixtures.TRANSCRIPT_PHRASE))
                .patch("/interviews/" + id)
                .then()
                .statusCode(200);
        as("sofia")
                .body(Map.of("quote", 1))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        // A new descriptor takes the approved excerpt from partners: the withdrawal event carries ids only.
        String newDescriptor = "a changed descriptor nobody may read off Kafka " + Fixtures.RUN;
        Fixtures.SECRETS.add(newDescriptor);
        Fixtures.patch("mateo", id, Map.of("descriptor", newDescriptor)).then().statusCode(200);
        as("carlos")
                .body(Map.of("reason", reason))
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(200);
        // An import: a dry run and a refused real one (a bad row beside a good one), then the good row imported.
        Map<String, Object> imported = interview(caseId);
        imported.put("externalReference", "LEAK-" + Fixtures.RUN);
        Map<String, Object> refusedRow = interview(caseId);
        refusedRow.put("externalReference", "LEAK-BAD-" + Fixtures.RUN);
        refusedRow.put("country", "XX");
        as("sofia")
                .body(List.of(imported, refusedRow))
                .post("/interviews/import")
                .then()
                .statusCode(200);
        as("sofia")
                .body(List.of(imported, refusedRow))
                .post("/interviews/import?dryRun=false")
                .then()
                .statusCode(422);
        String importedId = as("sofia")
                .body(List.of(imported))
                .post("/interviews/import?dryRun=false")
                .then()
                .statusCode(200)
                .extract()
                .path("rows[0].interviewId");
        // The custodian's lookup: what was searched for is in no log line and no event (a refused lookup's neither).
        String searched = "looked up by the custodian " + Fixtures.RUN;
        Fixtures.SECRETS.add(searched);
        as("carlos")
                .queryParam("pseudonym", searched)
                .get("/identity/interviews")
                .then()
                .statusCode(200);
        as("carlos")
                .queryParam("pseudonym", searched)
                .queryParam("limit", "0")
                .get("/identity/interviews")
                .then()
                .statusCode(400);
        Map<String, Object> invalid = interview(caseId);
        invalid.put("category", "WARLORD");
        as("sofia").body(invalid).post("/interviews").then().statusCode(400);
        as("sofia")
                .body("{\"pseudonym\": \"" + Fixtures.TRANSCRIPT_PHRASE + "\", \"descriptor\": ")
                .post("/interviews")
                .then()
                .statusCode(400);

        awaitOutboxPublished();
        String events = readTopics(List.of(Topics.INTERVIEWS, Topics.AUDIT, "parley.access.v1.dlq.interviews"));
        String log = Files.readString(LOG, StandardCharsets.UTF_8);

        // The scan looks at the right places: this run's events and log lines are there.
        assertThat(events)
                .contains(id)
                .contains(importedId)
                .contains("IdentityRevealed")
                .contains("RestrictedRead")
                .contains("ExcerptWithdrawn")
                .contains("InterviewLookupMade");
        assertThat(log).contains(id).contains(importedId);
        assertThat(Fixtures.SECRETS).hasSizeGreaterThan(20);

        for (String secret : Fixtures.SECRETS) {
            assertThat(log.contains(secret)).as("log holds a secret").isFalse();
            assertThat(events.contains(secret)).as("an event holds a secret").isFalse();
        }
        assertThat(log).doesNotContain("Montalvo-" + Fixtures.RUN).doesNotContain("mattresses");
    }

    private static void awaitOutboxPublished() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (Connection connection = database();
                            Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery(
                                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                        rows.next();
                        return rows.getLong(1) == 0;
                    } catch (SQLException e) {
                        return false;
                    }
                });
    }

    /**
     * The topics read from the beginning; every record written since this test JVM started (key, headers
     * and value) as text. Older records come from earlier runs and cannot hold this run's secrets.
     */
    private static String readTopics(List<String> topics) {
        long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "interviews-leak-scan-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        StringBuilder records = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading the topics in time").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.timestamp() < runStarted) {
                        continue;
                    }
                    if (record.key() != null) {
                        records.append(new String(record.key(), StandardCharsets.UTF_8))
                                .append(' ');
                    }
                    for (Header header : record.headers()) {
                        records.append(header.key())
                                .append('=')
                                .append(new String(header.value(), StandardCharsets.UTF_8))
                                .append(' ');
                    }
                    if (record.value() != null) {
                        records.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    records.append('\n');
                }
            }
        }
        return records.toString();
    }
}
