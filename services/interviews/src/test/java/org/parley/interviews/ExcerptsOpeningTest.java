package org.parley.interviews;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import static org.parley.interviews.Fixtures.proposeAndApprove;
import static org.parley.interviews.Fixtures.record;

/**
 * The dry run of a grant covering excerpts lists which approved excerpts it would open to the organisation's
 * users: exactly those a partner of it would then see (every other linked case must already let it read
 * excerpts), never text, and only to the owner's secrecy admins.
 */
@QuarkusTest
class ExcerptsOpeningTest {

    private static final Map<String, TeamRole> TEAM = Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER);

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void itListsWhatAPartnerWouldSeeAfterTheGrantAndNothingItSeesAlreadyOrStillCouldNot() {
        String asked = newCase(Tier.SECRET, false, TEAM, Map.of("oas", GrantScope.RESULTS));
        String closedToOthers = newCase(Tier.SECRET, false, TEAM, Map.of());
        String openToOas = newCase(Tier.SECRET, false, TEAM, Map.of("oas", GrantScope.EXCERPTS));

        Map<String, Object> onlyHere = interview(asked);
        String opens = record("sofia", onlyHere);
        proposeAndApprove(opens, 1);
        proposeAndApprove(opens, 2);
        String proposedOnly = record("sofia", interview(asked));
        as("mateo")
                .body(Map.of("quote", 1))
                .post("/interviews/" + proposedOnly + "/excerpts")
                .then()
                .statusCode(201);
        String alsoOnAClosedCase = record("sofia", interview(asked, closedToOthers));
        proposeAndApprove(alsoOnAClosedCase, 1);
        String alsoOnAnOpenCase = record("sofia", interview(asked, openToOas));
        proposeAndApprove(alsoOnAnOpenCase, 1);

        Response forOas = opening("ana", asked, "oas");
        forOas.then().statusCode(200);
        assertThat(forOas.jsonPath().getList("excerpts", Map.class))
                .extracting(e -> e.get("interviewId") + "#" + e.get("excerptNumber"))
                .containsExactlyInAnyOrder(opens + "#1", opens + "#2", alsoOnAnOpenCase + "#1");
        assertThat(forOas.jsonPath().getString("excerpts[0].month")).isEqualTo("2019-10");
        // numbers and months only: no quote, pseudonym or descriptor travels to the admin
        String body = forOas.asString();
        Fixtures.SECRETS.forEach(secret -> assertThat(body).doesNotContain(secret));
        assertThat(body).doesNotContain((String) onlyHere.get("pseudonym"));

        // medic-ngo may read nothing on the third case: that interview stays closed to it
        assertThat(opening("ana", asked, "medic-ngo").jsonPath().getList("excerpts", Map.class))
                .extracting(e -> e.get("interviewId") + "#" + e.get("excerptNumber"))
                .containsExactlyInAnyOrder(opens + "#1", opens + "#2");

        // once oas holds excerpts on the case, a grant opens nothing more
        Fixtures.setPolicy(asked, Tier.SECRET, false, TEAM, Map.of("oas", GrantScope.EXCERPTS));
        assertThat(opening("bruno", asked, "oas").jsonPath().getList("excerpts"))
                .isEmpty();
    }

    @Test
    void onlyTheOwnersSecrecyAdminsMayAskAndWhoMayNotKnowTheCaseLearnsNothing() {
        String caseId = newCase(Tier.SECRET, false, TEAM, Map.of("oas", GrantScope.RESULTS));
        opening("sofia", caseId, "oas").then().statusCode(403); // the lead, not a secrecy admin
        opening("lucia", caseId, "oas").then().statusCode(403); // the grantee knows the case
        opening("ana", caseId, " ").then().statusCode(400);
        as("ana").get("/cases/{id}/excerpts/opening", caseId).then().statusCode(400);

        Response unknown = opening("pierre", UUID.randomUUID().toString(), "oas");
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String outsider : List.of("pierre", "carlos")) {
            Response hidden = opening(outsider, caseId, "oas");
            assertThat(hidden.statusCode()).as(outsider).isEqualTo(404);
            assertThat(hidden.asString()).as(outsider).isEqualTo(unknown.asString());
        }
        assertThat(opening("pierre", "not-a-uuid", "oas").asString()).isEqualTo(unknown.asString());
    }

    private static Response opening(String user, String caseId, String organisation) {
        return as(user).queryParam("organisation", organisation).get("/cases/{id}/excerpts/opening", caseId);
    }
}
