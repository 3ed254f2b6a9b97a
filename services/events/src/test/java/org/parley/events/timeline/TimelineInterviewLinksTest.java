package org.parley.events.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CasePolicyRecorded;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.InterviewLinked;
import org.parley.proto.v1.InterviewRecorded;
import org.parley.proto.v1.InterviewUpdated;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, finding 4: an entry about an interview appears only to readers who may open the interview,
 * and the strictest linked case governs (docs/secrecy-model.md §4). Case A: sofia lead, mateo member.
 * Case B: SECRET, sofia lead, mateo not on it. An interview linked to both is a 404 for mateo in the
 * interviews service, so A's timeline must not name it to him; unlinking B shows it, relinking hides it.
 */
@QuarkusTest
class TimelineInterviewLinksTest extends EventsStackTest {

    private String caseA;
    private String caseB;
    private String sofia;

    @BeforeEach
    void twoCasesWithDifferentTeams() {
        caseA = UUID.randomUUID().toString();
        caseB = UUID.randomUUID().toString();
        sofia = subjectOf("sofia");
        String mateo = subjectOf("mateo");
        List<Envelope> events = new ArrayList<>();
        events.add(publishPolicy(
                caseA,
                1,
                HOST,
                Map.of(sofia, TeamRole.LEAD, mateo, TeamRole.MEMBER),
                List.of(),
                Tier.SECRET,
                false,
                Envelopes.about(caseA, sofia, HOST, Instant.now())
                        .setCasePolicyRecorded(CasePolicyRecorded.getDefaultInstance())));
        events.add(recordPolicy(caseB, HOST, sofia));
        awaitPolicyVersion(caseA, 1);
        awaitPolicyVersion(caseB, 1);
        awaitLedger(ids(events), Duration.ofSeconds(60));
    }

    @Test
    void anInterviewAlsoLinkedToASecretCaseTheReaderMayNotSeeIsNotNamed() {
        String interview = UUID.randomUUID().toString();
        List<Envelope> events = new ArrayList<>();
        events.add(append(
                Topics.INTERVIEWS,
                Envelopes.about(caseA, sofia, HOST, Instant.now())
                        .setInterviewRecorded(InterviewRecorded.newBuilder()
                                .setInterviewId(interview)
                                .addLinkedCaseIds(caseA)
                                .addLinkedCaseIds(caseB)
                                .setInterviewVersion(1))));
        events.add(linked(caseA, interview, 1, caseA, caseB));
        events.add(linked(caseB, interview, 1, caseA, caseB));
        awaitLedger(ids(events), Duration.ofSeconds(60));

        assertThat(interviewsNamed("mateo", interview)).as("member of A only").isZero();
        assertThat(body("mateo")).doesNotContain(interview);
        assertThat(interviewsNamed("sofia", interview)).as("member of both").isEqualTo(1);

        // Unlinked from B (version 2): now mateo may open it, and A's timeline shows it to him.
        awaitLedger(List.of(updated(interview, 2, caseA).getEventId()), Duration.ofSeconds(60));
        assertThat(interviewsNamed("mateo", interview)).as("after unlinking B").isEqualTo(1);

        // Linked to B again (version 3): hidden again.
        List<Envelope> relinked =
                List.of(updated(interview, 3, caseA, caseB), linked(caseB, interview, 3, caseA, caseB));
        awaitLedger(ids(relinked), Duration.ofSeconds(60));
        assertThat(interviewsNamed("mateo", interview)).as("after relinking B").isZero();

        // An older set arriving late (another partition) changes nothing.
        awaitLedger(List.of(updated(interview, 2, caseA).getEventId()), Duration.ofSeconds(60));
        assertThat(interviewsNamed("mateo", interview)).as("a stale set").isZero();
        assertThat(interviewsNamed("sofia", interview)).isEqualTo(1);
    }

    @Test
    void theLinkEventItselfCarriesTheWholeSetSoNoOrderShowsItEarly() {
        // Only A's InterviewLinked has arrived (the InterviewRecorded travels on another partition): the set
        // it carries already names B.
        String interview = UUID.randomUUID().toString();
        awaitLedger(List.of(linked(caseA, interview, 1, caseA, caseB).getEventId()), Duration.ofSeconds(60));
        assertThat(interviewsNamed("mateo", interview)).isZero();
        assertThat(interviewsNamed("sofia", interview)).isEqualTo(1);
    }

    @Test
    void aLinkedCaseThisServiceDoesNotKnowShowsTheInterviewToNobody() {
        String interview = UUID.randomUUID().toString();
        String unknownCase = UUID.randomUUID().toString();
        awaitLedger(List.of(linked(caseA, interview, 1, caseA, unknownCase).getEventId()), Duration.ofSeconds(60));
        assertThat(interviewsNamed("sofia", interview)).isZero();
        assertThat(interviewsNamed("mateo", interview)).isZero();
    }

    @Test
    void anOldLinkEventWithoutTheSetStillCounts() {
        // Events written before the set travelled: each InterviewLinked adds its case, never removes one.
        String interview = UUID.randomUUID().toString();
        List<Envelope> events = List.of(
                append(
                        Topics.INTERVIEWS,
                        Envelopes.about(caseA, sofia, HOST, Instant.now())
                                .setInterviewLinked(InterviewLinked.newBuilder().setInterviewId(interview))),
                append(
                        Topics.INTERVIEWS,
                        Envelopes.about(caseB, sofia, HOST, Instant.now())
                                .setInterviewLinked(InterviewLinked.newBuilder().setInterviewId(interview))));
        awaitLedger(ids(events), Duration.ofSeconds(60));
        assertThat(interviewsNamed("mateo", interview)).isZero();
        assertThat(interviewsNamed("sofia", interview)).isEqualTo(1);
    }

    private Envelope linked(String onCase, String interview, long version, String... allCases) {
        return append(
                Topics.INTERVIEWS,
                Envelopes.about(onCase, sofia, HOST, Instant.now())
                        .setInterviewLinked(InterviewLinked.newBuilder()
                                .setInterviewId(interview)
                                .addAllLinkedCaseIds(List.of(allCases))
                                .setInterviewVersion(version)));
    }

    private Envelope updated(String interview, long version, String... allCases) {
        return append(
                Topics.INTERVIEWS,
                Envelopes.about(allCases[0], sofia, HOST, Instant.now())
                        .setInterviewUpdated(InterviewUpdated.newBuilder()
                                .setInterviewId(interview)
                                .addAllLinkedCaseIds(List.of(allCases))
                                .setInterviewVersion(version)));
    }

    /** How many entries of case A's timeline, as this user sees it, name the interview. */
    private long interviewsNamed(String user, String interview) {
        projection.heardFromAccess(java.time.Instant.now());
        List<Map<String, Object>> entries = as(user).get("/cases/" + caseA + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        return entries.stream()
                .filter(entry -> "INTERVIEW_LINKED".equals(entry.get("kind")))
                .filter(entry -> interview.equals(((Map<?, ?>) entry.get("details")).get("interviewId")))
                .count();
    }

    private String body(String user) {
        projection.heardFromAccess(java.time.Instant.now());
        return as(user).get("/cases/" + caseA + "/timeline").asString();
    }
}
