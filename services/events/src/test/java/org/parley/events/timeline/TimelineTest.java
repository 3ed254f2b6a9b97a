package org.parley.events.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CaseOpened;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Grant;
import org.parley.proto.v1.GrantIssued;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.InterviewLinked;
import org.parley.proto.v1.ProcessEntryAdded;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SECRET case owned by ifit, sofia its lead, oas holding a SUMMARY grant and another organisation a
 * RESULTS grant. Each viewer sees the timeline the secrecy model allows, and those who may not know the
 * case exists get the never-existed answer, byte for byte.
 */
@QuarkusTest
class TimelineTest extends EventsStackTest {

    @jakarta.inject.Inject
    org.parley.events.support.StaleSwitch staleSwitch;

    private String caseId;
    private String othersGrantId;

    @BeforeEach
    void aCaseWithAHistory() {
        caseId = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        String ana = subjectOf("ana");
        Map<String, TeamRole> team = Map.of(sofia, TeamRole.LEAD);
        List<Envelope> events = new ArrayList<>();
        events.add(recordPolicy(caseId, HOST, sofia));
        events.add(append(
                Topics.CASES,
                Envelopes.about(caseId, sofia, HOST, Instant.now())
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(HOST)
                                .setLeadSubject(sofia)
                                .setTier(Tier.SECRET))));
        events.add(append(
                Topics.CASES,
                Envelopes.about(caseId, sofia, HOST, Instant.now())
                        .setProcessEntryAdded(ProcessEntryAdded.newBuilder()
                                .setEntryId(UUID.randomUUID().toString())
                                .setKind("meeting")
                                .setEntryDate("2026-02-01"))));
        events.add(append(
                Topics.INTERVIEWS,
                Envelopes.about(caseId, sofia, HOST, Instant.now())
                        .setInterviewLinked(InterviewLinked.newBuilder()
                                .setInterviewId(UUID.randomUUID().toString()))));
        Grant oas = grant("oas", GrantScope.SUMMARY);
        Grant other = grant("other-ngo", GrantScope.RESULTS);
        othersGrantId = other.getGrantId();
        events.add(publishPolicy(
                caseId,
                2,
                HOST,
                team,
                List.of(oas),
                Tier.SECRET,
                false,
                Envelopes.about(caseId, ana, HOST, Instant.now()).setGrantIssued(issued(oas))));
        events.add(publishPolicy(
                caseId,
                3,
                HOST,
                team,
                List.of(oas, other),
                Tier.SECRET,
                false,
                Envelopes.about(caseId, ana, HOST, Instant.now()).setGrantIssued(issued(other))));
        awaitPolicyVersion(caseId, 3);
        awaitLedger(ids(events), Duration.ofSeconds(60));
        projection.heardFromAccess(java.time.Instant.now());
    }

    @Test
    void theLeadSeesEverything() {
        assertThat(kinds(timeline("sofia")))
                .containsExactlyInAnyOrder(
                        "CASE_OPENED", "PROCESS_ENTRY_ADDED", "INTERVIEW_LINKED", "GRANT_ISSUED", "GRANT_ISSUED");
    }

    @Test
    void aSummaryGranteeSeesFromItsGrantOnItsOwnGrantOnly() {
        // The case existed for oas only since its grant: not the opening as SECRET (section 5), and of the
        // grants only its own (partners never learn who else holds one).
        List<Map<String, Object>> entries = timeline("lucia");
        assertThat(kinds(entries)).containsExactly("GRANT_ISSUED");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) entries.get(0).get("details");
        assertThat(details).containsEntry("organisation", "oas").doesNotContainValue(othersGrantId);
        assertThat(RestAssured.given()
                        .auth()
                        .oauth2(org.parley.testing.Tokens.of("lucia"))
                        .get("/cases/" + caseId + "/timeline")
                        .asString())
                .doesNotContain("other-ngo")
                .doesNotContain(othersGrantId);
    }

    @Test
    void theIdInUpperCaseNamesTheSameCaseAsEverywhereElse() {
        projection.heardFromAccess(java.time.Instant.now());
        String upper = caseId.toUpperCase(java.util.Locale.ROOT);
        assertThat(as("sofia")
                        .get("/cases/" + upper + "/timeline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("entries"))
                .hasSameSizeAs(timeline("sofia"));
        assertThat(as("sofia").get("/cases/" + upper + "/timeline").jsonPath().getString("caseId"))
                .isEqualTo(caseId);
    }

    @Test
    void theOwnersSecrecyAdminSeesHeaderAndGrantsButNoProcess() {
        assertThat(kinds(timeline("bruno"))).containsExactlyInAnyOrder("CASE_OPENED", "GRANT_ISSUED", "GRANT_ISSUED");
    }

    @Test
    void whoMayNotKnowTheCaseGetsTheNeverExistedAnswer() {
        projection.heardFromAccess(java.time.Instant.now());
        Response unknown = as("pierre").get("/cases/" + UUID.randomUUID() + "/timeline");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String neverExisted = unknown.asString();
        assertThat(as("pierre").get("/cases/not-a-uuid/timeline").asString()).isEqualTo(neverExisted);
        for (String outsider : List.of("pierre", "mateo", "irene")) {
            projection.heardFromAccess(
                    java.time.Instant.now()); // no access service here: a slow machine must not turn this into a 503
            Response response = as(outsider).get("/cases/" + caseId + "/timeline");
            assertThat(response.statusCode()).as(outsider).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo(unknown.contentType());
            assertThat(response.asString()).as(outsider).isEqualTo(neverExisted);
        }
        projection.heardFromAccess(java.time.Instant.now());
        Response anonymous = RestAssured.given().get("/cases/" + caseId + "/timeline");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.asString()).isEqualTo(neverExisted);
    }

    @Test
    void aStaleProjectionFailsClosedForEveryoneMembersIncluded() {
        staleSwitch.forceStale(true); // as if access had not been heard from for longer than the bound
        try {
            assertStaleAnswers();
        } finally {
            staleSwitch.forceStale(false);
        }
        projection.heardFromAccess(java.time.Instant.now());
        as("lucia").get("/cases/" + caseId + "/timeline").then().statusCode(200);
    }

    private void assertStaleAnswers() {
        assertThat(projection.isStale()).isTrue();
        Response grantee = as("lucia").get("/cases/" + caseId + "/timeline");
        assertThat(grantee.statusCode()).isEqualTo(503);
        assertThat(grantee.header("Retry-After")).isNotBlank();
        Response unknown = as("pierre").get("/cases/" + UUID.randomUUID() + "/timeline");
        assertThat(unknown.statusCode())
                .as("stale answers tell nothing about existence")
                .isEqualTo(503);
        assertThat(unknown.asString()).isEqualTo(grantee.asString());
        Response member = as("sofia").get("/cases/" + caseId + "/timeline");
        assertThat(member.statusCode())
                .as("a member of the stale copy: access may already have removed her")
                .isEqualTo(503);
        assertThat(member.asString()).isEqualTo(grantee.asString());
    }

    private List<Map<String, Object>> timeline(String user) {
        projection.heardFromAccess(java.time.Instant.now());
        return as(user).get("/cases/" + caseId + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
    }

    private static List<String> kinds(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("kind")).toList();
    }

    private static GrantIssued issued(Grant grant) {
        return GrantIssued.newBuilder()
                .setGrantId(grant.getGrantId())
                .setOrganisation(grant.getOrganisation())
                .setScope(grant.getScope())
                .build();
    }
}
