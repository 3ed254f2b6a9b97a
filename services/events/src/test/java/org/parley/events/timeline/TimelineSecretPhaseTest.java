package org.parley.events.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
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
import org.parley.proto.v1.ProcessEntryAdded;
import org.parley.proto.v1.ResultsReleaseChanged;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;
import org.parley.proto.v1.TierChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, finding 5 (docs/secrecy-model.md §5, last bullet): a case opened SECRET, granted to oas while
 * secret, then made PUBLICLY_KNOWN (access's TierChanged, as after the two-person approval) and later
 * released. The public (anonymous, other organisations, the owner's staff off the team) sees nothing dated
 * before it became public, not even the change that made it so; oas sees from its grant; the team and the
 * owner's secrecy admins see everything.
 */
@QuarkusTest
class TimelineSecretPhaseTest extends EventsStackTest {

    private String caseId;
    private String openedEventId;
    private String grantId;
    private String tierChangeEventId;
    private String releaseEventId;
    private Instant madePublicAt;

    @BeforeEach
    void aCaseThatWasSecretAndBecamePublic() {
        caseId = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        String ana = subjectOf("ana");
        String bruno = subjectOf("bruno");
        Map<String, TeamRole> team = Map.of(sofia, TeamRole.LEAD);
        List<Envelope> events = new ArrayList<>();
        events.add(recordPolicy(caseId, HOST, sofia));
        Envelope opened = append(
                Topics.CASES,
                Envelopes.about(caseId, sofia, HOST, Instant.now())
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(HOST)
                                .setLeadSubject(sofia)
                                .setTier(Tier.SECRET)));
        openedEventId = opened.getEventId();
        events.add(opened);
        events.add(append(
                Topics.CASES,
                Envelopes.about(caseId, sofia, HOST, Instant.now())
                        .setProcessEntryAdded(ProcessEntryAdded.newBuilder()
                                .setEntryId(UUID.randomUUID().toString())
                                .setKind("meeting")
                                .setEntryDate("2026-02-01"))));
        Grant oas = grant("oas", GrantScope.SUMMARY);
        grantId = oas.getGrantId();
        events.add(publishPolicy(
                caseId,
                2,
                HOST,
                team,
                List.of(oas),
                Tier.SECRET,
                false,
                Envelopes.about(caseId, ana, HOST, Instant.now())
                        .setGrantIssued(GrantIssued.newBuilder()
                                .setGrantId(oas.getGrantId())
                                .setOrganisation("oas")
                                .setScope(GrantScope.SUMMARY))));
        Envelope madePublic = publishPolicy(
                caseId,
                3,
                HOST,
                team,
                List.of(oas),
                Tier.PUBLICLY_KNOWN,
                false,
                Envelopes.about(caseId, bruno, HOST, Instant.now())
                        .setTierChanged(
                                TierChanged.newBuilder().setFrom(Tier.SECRET).setTo(Tier.PUBLICLY_KNOWN)));
        tierChangeEventId = madePublic.getEventId();
        madePublicAt = Envelopes.instant(madePublic.getOccurredAt());
        events.add(madePublic);
        Envelope released = publishPolicy(
                caseId,
                4,
                HOST,
                team,
                List.of(oas),
                Tier.PUBLICLY_KNOWN,
                true,
                Envelopes.about(caseId, bruno, HOST, Instant.now())
                        .setResultsReleaseChanged(
                                ResultsReleaseChanged.newBuilder().setReleased(true)));
        releaseEventId = released.getEventId();
        events.add(released);
        awaitPolicyVersion(caseId, 4);
        awaitLedger(ids(events), Duration.ofSeconds(60));
    }

    @Test
    void thePublicSeesNoTraceOfTheSecretPhase() {
        for (String reader : List.of("anonymous", "pierre", "mateo")) {
            List<Map<String, Object>> entries = timeline(reader);
            // What happened while it was public is there (so this is not an empty answer passing by accident).
            assertThat(eventIds(entries)).as(reader).containsExactly(releaseEventId);
            for (Map<String, Object> entry : entries) {
                assertThat(Instant.parse((String) entry.get("occurredAt")))
                        .as(reader + ": nothing dated before the case became public")
                        .isAfter(madePublicAt);
            }
            assertThat(kinds(entries)).as(reader).doesNotContain("CASE_OPENED", "TIER_CHANGED", "GRANT_ISSUED");
            assertThat(body(reader))
                    .as(reader + ": no id, tier or count of the hidden entries")
                    .doesNotContain(openedEventId)
                    .doesNotContain(tierChangeEventId)
                    .doesNotContain(grantId)
                    .doesNotContain("SECRET");
        }
    }

    @Test
    void aGranteeSeesFromItsGrant() {
        assertThat(kinds(timeline("lucia"))).containsExactly("GRANT_ISSUED", "TIER_CHANGED", "RESULTS_RELEASE_CHANGED");
    }

    @Test
    void membersAndTheOwnersSecrecyAdminsSeeTheWholeHistory() {
        assertThat(kinds(timeline("sofia")))
                .containsExactly(
                        "CASE_OPENED",
                        "PROCESS_ENTRY_ADDED",
                        "GRANT_ISSUED",
                        "TIER_CHANGED",
                        "RESULTS_RELEASE_CHANGED");
        assertThat(kinds(timeline("bruno")))
                .containsExactly("CASE_OPENED", "GRANT_ISSUED", "TIER_CHANGED", "RESULTS_RELEASE_CHANGED");
    }

    private static RequestSpecification reader(String user) {
        return "anonymous".equals(user) ? RestAssured.given() : as(user);
    }

    private String body(String user) {
        projection.heardFromAccess(java.time.Instant.now());
        return reader(user)
                .get("/cases/" + caseId + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private List<Map<String, Object>> timeline(String user) {
        projection.heardFromAccess(java.time.Instant.now());
        return reader(user)
                .get("/cases/" + caseId + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
    }

    private static List<String> kinds(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("kind")).toList();
    }

    private static List<String> eventIds(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("eventId")).toList();
    }
}
