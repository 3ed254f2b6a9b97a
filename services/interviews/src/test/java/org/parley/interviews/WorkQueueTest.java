package org.parley.interviews;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.setPolicy;

/**
 * GET /work-queue: a lead's excerpts to approve, a partner's newly shared excerpts and the custodian's reveals,
 * each decided by the interview rules (the strictest linked case governs), so nothing invisible is counted.
 * Real Keycloak tokens: sofia leads, mateo is a member, lucia is a partner (oas), carlos the custodian.
 */
@QuarkusTest
class WorkQueueTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    private static JsonPath queueOf(String user, String since) {
        var request = as(user);
        if (since != null) {
            request = request.queryParam("since", since);
        }
        return request.get("/work-queue").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> interviewIds(String user, String list) {
        return queueOf(user, null).getList(list + ".interviewId", String.class);
    }

    private static void propose(String id, int quote) {
        as("mateo")
                .body(Map.of("quote", quote))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
    }

    @Test
    void aProposedExcerptWaitsForTheLeadOfEveryLinkedCaseUntilApproved() {
        String led = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER), Map.of());
        String id = record("sofia", interview(led));
        propose(id, 1);

        assertThat(interviewIds("sofia", "excerptsToApprove")).contains(id);
        // a member who does not lead, and a partner, approve nothing
        assertThat(interviewIds("mateo", "excerptsToApprove")).doesNotContain(id);
        assertThat(interviewIds("lucia", "excerptsToApprove")).isEmpty();

        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        assertThat(interviewIds("sofia", "excerptsToApprove")).doesNotContain(id);
    }

    @Test
    void anExcerptOnAnInterviewTheLeadMayNotSeeIsNotCounted() {
        Map<String, TeamRole> sofiaLeads = Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER);
        String led = newCase(Tier.SECRET, false, sofiaLeads, Map.of());
        String other = newCase(Tier.SECRET, false, sofiaLeads, Map.of());
        String id = record("sofia", interview(led, other));
        propose(id, 1);
        assertThat(interviewIds("sofia", "excerptsToApprove")).contains(id);

        // the second linked case's team no longer includes sofia: she may not see the interview at all
        setPolicy(other, Tier.SECRET, false, Map.of("mateo", TeamRole.LEAD), Map.of());
        assertThat(interviewIds("sofia", "excerptsToApprove")).doesNotContain(id);
        // mateo leads that one but is only a member of the first: not his to approve either
        assertThat(interviewIds("mateo", "excerptsToApprove")).doesNotContain(id);
    }

    @Test
    void aPartnerSeesExcerptsApprovedSinceTheGivenInstantWhileTheGrantLasts() {
        Map<String, TeamRole> team = Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER);
        String shared = newCase(Tier.SECRET, false, team, Map.of("oas", GrantScope.EXCERPTS));
        String id = record("sofia", interview(shared));
        propose(id, 1);
        assertThat(interviewIds("lucia", "newlyShared"))
                .as("proposed, not approved")
                .doesNotContain(id);

        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        JsonPath queue = queueOf("lucia", null);
        assertThat(queue.getList("newlyShared.interviewId", String.class)).contains(id);
        assertThat(queue.getList("newlyShared.caseId", String.class)).contains(shared);
        // after a visit later than the approval it is no longer new
        assertThat(queueOf("lucia", Instant.now().plusSeconds(1).toString())
                        .getList("newlyShared.interviewId", String.class))
                .doesNotContain(id);
        // a grant that does not cover excerpts, or none: nothing is counted
        assertThat(interviewIds("pierre", "newlyShared")).doesNotContain(id);
        setPolicy(shared, Tier.SECRET, false, team, Map.of("oas", GrantScope.PROCESS));
        assertThat(interviewIds("lucia", "newlyShared")).doesNotContain(id);
        setPolicy(shared, Tier.SECRET, false, team, Map.of("oas", GrantScope.EXCERPTS));
        assertThat(interviewIds("lucia", "newlyShared")).contains(id);
        setPolicy(shared, Tier.SECRET, false, team, Map.of());
        assertThat(interviewIds("lucia", "newlyShared")).doesNotContain(id);
    }

    @Test
    void theCustodianSeesTheirOwnRecentReveals() {
        String caseId = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of());
        String id = record("sofia", interview(caseId));
        assertThat(interviewIds("carlos", "recentReveals")).doesNotContain(id);
        as("carlos")
                .body(Map.of("reason", "court order 42"))
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(200);
        JsonPath queue = queueOf("carlos", null);
        assertThat(queue.getList("recentReveals.interviewId", String.class)).contains(id);
        assertThat(queue.getList("excerptsToApprove")).isEmpty();
        // nobody else is shown the custodian's reveals
        assertThat(interviewIds("sofia", "recentReveals")).isEmpty();
        assertThat(interviewIds("irene", "recentReveals")).isEmpty();
    }

    @Test
    void aMalformedSinceIsABadRequestAndNoTokenIsUnauthorised() {
        as("lucia")
                .queryParam("since", "yesterday")
                .get("/work-queue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        RestAssured.given().get("/work-queue").then().statusCode(401).contentType("application/problem+json");
    }
}
