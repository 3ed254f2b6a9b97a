package org.parley.events.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CaseSectionEdited;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.Grant;
import org.parley.proto.v1.GrantIssued;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SECRET case owned by ifit, sofia its lead, oas holding a SUMMARY grant; sofia then edits each section
 * (and an event names a section that does not exist). Each reader's History shows the edits of the sections
 * they see, and only the team learns who made them.
 */
@QuarkusTest
class TimelineSectionEditsTest extends EventsStackTest {

    private String caseId;

    @BeforeEach
    void aCaseWhoseSectionsWereEdited() {
        caseId = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        List<Envelope> events = new ArrayList<>();
        events.add(recordPolicy(caseId, HOST, sofia));
        Grant oas = grant("oas", GrantScope.SUMMARY);
        events.add(publishPolicy(
                caseId,
                2,
                HOST,
                Map.of(sofia, TeamRole.LEAD),
                List.of(oas),
                Tier.SECRET,
                false,
                Envelopes.about(caseId, subjectOf("ana"), HOST, Instant.now())
                        .setGrantIssued(GrantIssued.newBuilder()
                                .setGrantId(oas.getGrantId())
                                .setOrganisation("oas")
                                .setScope(GrantScope.SUMMARY))));
        awaitPolicyVersion(caseId, 2);
        long version = 1;
        for (String section : List.of("HEADER", "CONTEXT", "PROCESS", "RESULTS", "NO_SUCH_SECTION")) {
            events.add(append(
                    Topics.CASES,
                    Envelopes.about(caseId, sofia, HOST, Instant.now())
                            .setCaseSectionEdited(CaseSectionEdited.newBuilder()
                                    .setSection(section)
                                    .setCaseVersion(++version))));
        }
        awaitLedger(ids(events), Duration.ofSeconds(60));
    }

    @Test
    void theTeamSeesEveryRealSectionsEditAndWhoMadeIt() {
        List<Map<String, Object>> edits = sectionEdits("sofia");
        assertThat(edits).extracting(detail("section")).containsExactly("HEADER", "CONTEXT", "PROCESS", "RESULTS");
        assertThat(edits).extracting(detail("caseVersion")).containsExactly(2, 3, 4, 5);
        assertThat(edits).extracting(detail("editor")).containsOnly(subjectOf("sofia"));
    }

    @Test
    void aGranteeSeesTheEditsOfTheSectionsItsGrantOpensAndNotWhoMadeThem() {
        List<Map<String, Object>> edits = sectionEdits("lucia");
        assertThat(edits).extracting(detail("section")).containsExactly("HEADER", "CONTEXT");
        assertThat(edits).extracting(detail("editor")).containsOnlyNulls();
        assertThat(timeline("lucia").asString())
                .doesNotContain(subjectOf("sofia"))
                .doesNotContain("PROCESS")
                .doesNotContain("RESULTS");
    }

    @Test
    void theOwnersSecrecyAdminSeesHeaderEditsOnly() {
        List<Map<String, Object>> edits = sectionEdits("bruno");
        assertThat(edits).extracting(detail("section")).containsExactly("HEADER");
        assertThat(as("bruno").get("/cases/" + caseId + "/timeline").asString()).doesNotContain(subjectOf("sofia"));
    }

    @Test
    void whoMayNotKnowTheCaseStillGetsTheNeverExistedAnswer() {
        Response unknown = answered("pierre", UUID.randomUUID().toString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        Response hidden = answered("pierre", caseId);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.asString()).isEqualTo(unknown.asString());
    }

    /**
     * The timeline as the user reads it. No access service runs here, so the projection is told it heard from
     * access just before; on a loaded machine the read may still find it stale (503), and is then asked again.
     */
    private Response answered(String user, String id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            projection.heardFromAccess(Instant.now());
                            return as(user).get("/cases/" + id + "/timeline");
                        },
                        response -> response.statusCode() != 503);
    }

    private Response timeline(String user) {
        Response response = answered(user, caseId);
        assertThat(response.statusCode()).as(user).isEqualTo(200);
        return response;
    }

    private List<Map<String, Object>> sectionEdits(String user) {
        List<Map<String, Object>> entries = timeline(user).jsonPath().getList("entries");
        return entries.stream()
                .filter(entry -> "SECTION_EDITED".equals(entry.get("kind")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static java.util.function.Function<Map<String, Object>, Object> detail(String name) {
        return entry -> ((Map<String, Object>) entry.get("details")).get(name);
    }
}
