package org.parley.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class GrantExpiryTest extends AccessStackTest {

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

    @Test
    void aGrantDisappearsFromTheNextSnapshotWhenItExpires() {
        String caseId = openCase("sofia");
        String permanent = as("ana")
                .body(Map.of("organisation", "medic-ngo", "scope", "SUMMARY", "reason", "lasting"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        Instant expiry = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String expiring = as("ana")
                .body(Map.of(
                        "organisation", "oas", "scope", "RESULTS", "reason", "briefly", "expiresAt", expiry.toString()))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        as("lucia").get("/cases/{id}/grants", caseId).then().statusCode(200);

        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasGrantExpired));
        Envelope issued = events.stream()
                .filter(Envelope::hasGrantIssued)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(issued.getPolicy().getGrantsList())
                .anySatisfy(grant ->
                        assertThat(Envelopes.instant(grant.getExpiresAt())).isEqualTo(expiry));
        Envelope expired =
                events.stream().filter(Envelope::hasGrantExpired).findFirst().orElseThrow();
        assertThat(expired.getGrantExpired().getGrantId()).isEqualTo(expiring);
        assertThat(expired.getGrantExpired().getOrganisation()).isEqualTo("oas");
        assertThat(expired.getPolicyVersion()).isEqualTo(issued.getPolicyVersion() + 1);
        assertThat(expired.getPolicy().getGrantsList())
                .singleElement()
                .satisfies(grant -> assertThat(grant.getGrantId()).isEqualTo(permanent));
        assertThat(Envelopes.instant(expired.getOccurredAt())).isBefore(expiry.plusSeconds(5));

        // Nobody acted, yet oas no longer knows the case exists, and its admins see the grant as expired.
        as("lucia").get("/cases/{id}/grants", caseId).then().statusCode(404);
        Awaitility.await()
                .atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> as("ana")
                        .get("/cases/{id}/grants", caseId)
                        .then()
                        .body("find { it.id == '" + expiring + "' }.status", equalTo("EXPIRED")));
    }
}
