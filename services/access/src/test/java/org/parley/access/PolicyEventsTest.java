package org.parley.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.CasePolicySnapshot;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Tier;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PolicyEventsTest extends AccessStackTest {

    private static AccessTopic topic;

    @BeforeAll
    static void readTopic() {
        topic = new AccessTopic(bootstrapServers(), "parley.access.v1");
    }

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    @AfterAll
    static void tearDown() {
        topic.close();
    }

    /** Each reason is unique, so finding it in any emitted byte would be a leak. */
    private static String reason(String what) {
        return "REASON-" + what + "-" + UUID.randomUUID();
    }

    @Test
    void everyChangeEmitsOneEnvelopeWithTheNextVersionAndTheWholePolicyAndNoReason() {
        String caseId = openCase("sofia");
        List<String> reasons = new ArrayList<>();
        List<Long> versions = new ArrayList<>(List.of(1L));

        // 2: mateo joins the team (by username).
        String r = reason("member");
        reasons.add(r);
        as("sofia")
                .body(Map.of("username", "mateo", "role", "MEMBER", "reason", r))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(200);
        // 3: a SUMMARY grant to oas, at once.
        r = reason("grant");
        reasons.add(r);
        String grantId = as("ana")
                .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", r))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        // 4: RESULTS_PUBLIC, requested by ana and approved by bruno.
        r = reason("loosen");
        reasons.add(r);
        String requestId = postTier("ana", caseId, "RESULTS_PUBLIC", r)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        String approval = reason("approve");
        reasons.add(approval);
        as("bruno")
                .body(Map.of("reason", approval))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200);
        // 5: release, requested by bruno and approved by ana.
        r = reason("release");
        reasons.add(r);
        requestId = as("bruno")
                .body(Map.of("released", true, "reason", r))
                .post("/cases/{id}/release", caseId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        as("ana")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200);
        // 6: un-release, at once.
        r = reason("unrelease");
        reasons.add(r);
        as("ana")
                .body(Map.of("released", false, "reason", r))
                .post("/cases/{id}/release", caseId)
                .then()
                .statusCode(200);
        // 7: back to SECRET, at once.
        r = reason("tighten");
        reasons.add(r);
        postTier("bruno", caseId, "SECRET", r).then().statusCode(200);
        // 8: revoke the grant.
        r = reason("revoke");
        reasons.add(r);
        as("ana")
                .queryParam("reason", r)
                .delete("/cases/{id}/grants/{grantId}", caseId, grantId)
                .then()
                .statusCode(200);
        // 9: mateo leaves the team.
        r = reason("remove");
        reasons.add(r);
        as("ana")
                .queryParam("reason", r)
                .delete("/cases/{id}/team/{subject}", caseId, subjectOf("mateo"))
                .then()
                .statusCode(200);
        // 10: the cases service deletes the case.
        deleteCase(caseId, "sofia");

        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasCaseDeleted));
        List<Envelope> changes = events.stream().filter(Envelope::hasPolicy).toList();
        assertThat(changes)
                .extracting(Envelope::getType)
                .containsExactly(
                        "CasePolicyRecorded",
                        "TeamMemberAdded",
                        "GrantIssued",
                        "TierChanged",
                        "ResultsReleaseChanged",
                        "ResultsReleaseChanged",
                        "TierChanged",
                        "GrantRevoked",
                        "TeamMemberRemoved",
                        "CaseDeleted");
        assertThat(changes)
                .extracting(Envelope::getPolicyVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(changes).allSatisfy(envelope -> {
            assertThat(envelope.getSource()).isEqualTo("access");
            assertThat(envelope.getPolicy().getOwningOrganisation()).isEqualTo(HOST);
        });
        // Requests and decisions are announced without a version or snapshot.
        assertThat(events.stream().filter(envelope -> !envelope.hasPolicy()))
                .allSatisfy(envelope -> assertThat(envelope.getPolicyVersion()).isZero())
                .extracting(Envelope::getType)
                .containsExactly(
                        "SecrecyChangeRequested",
                        "SecrecyChangeApproved",
                        "SecrecyChangeRequested",
                        "SecrecyChangeApproved");

        CasePolicySnapshot afterGrant = changes.get(2).getPolicy();
        assertThat(afterGrant.getTeamList()).hasSize(2);
        assertThat(afterGrant.getGrantsList()).singleElement().satisfies(grant -> {
            assertThat(grant.getGrantId()).isEqualTo(grantId);
            assertThat(grant.getOrganisation()).isEqualTo("oas");
        });
        assertThat(changes.get(4).getPolicy().getResultsReleased()).isTrue();
        assertThat(changes.get(4).getPolicy().getTier()).isEqualTo(Tier.RESULTS_PUBLIC);
        assertThat(changes.get(7).getPolicy().getGrantsList()).isEmpty();
        assertThat(changes.get(8).getPolicy().getTeamList())
                .singleElement()
                .satisfies(member -> assertThat(member.getSubject()).isEqualTo(subjectOf("sofia")));
        assertThat(changes.get(9).getPolicy().getDeleted()).isTrue();

        // No reason and no name reaches Kafka: scan every byte emitted while this test ran.
        List<byte[]> emitted =
                topic.poll().stream().map(AccessTopic.Received::bytes).toList();
        for (byte[] bytes : emitted) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String leaked : reasons) {
                assertThat(text).doesNotContain(leaked).doesNotContain("REASON-");
            }
            assertThat(text).doesNotContain("mateo").doesNotContain("sofia").doesNotContain("Institute");
        }

        // Deleted: the never-existed answer, even for its lead and its admins.
        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .untilAsserted(
                        () -> as("ana").get("/cases/{id}/access", caseId).then().statusCode(404));
    }

    @Test
    void versionsOnlyGrowAndNoOpChangesEmitNothing() {
        String caseId = openCase("sofia");
        postTier("ana", caseId, "SECRET", "already secret").then().statusCode(200);
        as("ana")
                .body(Map.of("released", false, "reason", "already unreleased"))
                .post("/cases/{id}/release", caseId)
                .then()
                .statusCode(200);
        as("sofia")
                .body(Map.of("subject", subjectOf("sofia"), "role", "LEAD", "reason", "already lead"))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(200);
        assertThat(version(caseId)).isEqualTo(1);

        // A new lead demotes the old one, in one version.
        as("sofia")
                .body(Map.of("username", "mateo", "role", "LEAD", "reason", "handing over"))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(200);
        Response team = as("mateo").get("/cases/{id}/team", caseId);
        team.then().statusCode(200);
        assertThat(team.jsonPath().getString("lead.username")).isEqualTo("mateo");
        assertThat(team.jsonPath().getList("secrecyAdmins.username")).contains("ana", "bruno");
        assertThat(version(caseId)).isEqualTo(2);

        List<Envelope> events = topic.awaitAbout(caseId, received -> received.size() >= 2);
        assertThat(events).extracting(Envelope::getPolicyVersion).containsExactly(1L, 2L);
        assertThat(events.get(1).getPolicy().getTeamList())
                .extracting(member -> member.getRole().name())
                .containsExactlyInAnyOrder("LEAD", "MEMBER");
    }

    @Test
    void heartbeatsKeepComing() {
        List<AccessTopic.Received> beats = new ArrayList<>();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> {
            beats.clear();
            topic.poll().stream()
                    .filter(received ->
                            received.envelope() != null && received.envelope().hasAccessHeartbeat())
                    .forEach(beats::add);
            return beats.size() >= 2;
        });
        assertThat(beats).allSatisfy(beat -> {
            assertThat(beat.envelope().getCaseId()).isEmpty();
            assertThat(beat.envelope().hasPolicy()).isFalse();
        });
    }

    @Test
    void publishedHeartbeatsAreDeletedAfterTheirRetentionAndNothingElseIs() throws Exception {
        UUID oldBeat = UUID.randomUUID();
        UUID oldChange = UUID.randomUUID();
        try (Connection db = Jdbc.connectToTestDatabase("access");
                PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event (event_id, topic, message_key,"
                        + " event_type, payload, created_at, published_at) VALUES (?, 'parley.test.v1', 'k', ?, ?,"
                        + " now() - interval '10 minutes', ?)")) {
            // both published five minutes ago (retention: one minute), so the relay never touches them again
            for (Object[] row : new Object[][] {{oldBeat, "AccessHeartbeat"}, {oldChange, "TierChanged"}}) {
                insert.setObject(1, row[0]);
                insert.setString(2, (String) row[1]);
                insert.setBytes(3, new byte[] {0});
                insert.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))));
                insert.executeUpdate();
            }
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !outboxHas(db, oldBeat));
            assertThat(outboxHas(db, oldChange))
                    .as("other events stay for the audit")
                    .isTrue();
            try (PreparedStatement cleanup = db.prepareStatement("DELETE FROM outbox_event WHERE event_id = ?")) {
                cleanup.setObject(1, oldChange);
                cleanup.executeUpdate();
            }
        }
    }

    private static boolean outboxHas(Connection db, UUID eventId) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT 1 FROM outbox_event WHERE event_id = ?")) {
            select.setObject(1, eventId);
            try (var row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    @Test
    void anUnreadableCaseEventGoesToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "access-dlq-test-" + marker);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> dlq =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            publishToCases("not an envelope".getBytes(StandardCharsets.UTF_8), marker);
            dlq.subscribe(List.of("parley.cases.v1.dlq.access"));
            Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> {
                for (var record : dlq.poll(Duration.ofMillis(200))) {
                    if (marker.equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
        // The consumer carries on after the poison message.
        openCase("sofia");
    }
}
