package org.parley.interviews;

import java.util.ArrayList;
import java.util.Collections;
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
import static org.parley.interviews.Fixtures.consent;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.patch;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;

/**
 * {@code POST /excerpts/visible}: the cases service answers a citation of an excerpt only to a reader who may see
 * that excerpt, so this answer must be exactly the excerpt's own visibility: members of every linked case see every
 * excerpt, proposed too; a partner with an EXCERPTS grant on every linked case only approved, shareable ones;
 * anyone else nothing, and an unknown excerpt looks the same as an invisible one. Real Keycloak tokens: sofia
 * leads, mateo is a member, lucia is a partner (oas) with an EXCERPTS grant, pierre a partner without one.
 */
@QuarkusTest
class ExcerptVisibilityTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void eachReaderIsAnsweredTheExcerptsTheyMaySee() {
        String caseId = newCase(
                Tier.SECRET,
                false,
                Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER),
                Map.of("oas", GrantScope.EXCERPTS));
        String id = record("sofia", interview(caseId));
        propose("mateo", id, 1);
        propose("mateo", id, 2);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        List<String> asked =
                List.of(id + "/2", id + "/1", id + "/3", UUID.randomUUID() + "/1", id.toUpperCase() + "/1", id + "/1");

        // members: every excerpt, proposed too, once each, in the order asked; no quote 3, no unknown interview
        assertThat(visible("mateo", asked)).containsExactly(id + "/2", id + "/1");
        assertThat(visible("sofia", asked)).containsExactly(id + "/2", id + "/1");
        // the partner with an EXCERPTS grant: only the approved one
        assertThat(visible("lucia", asked)).containsExactly(id + "/1");
        // a partner without a grant, and staff not on the team: nothing, as for an unknown id
        assertThat(visible("pierre", asked)).isEmpty();
        assertThat(visible("ana", asked)).isEmpty();

        // consent withdrawn: the partner loses the approved excerpt at once, the members keep both
        patch("mateo", id, Map.of("consent", consent(true, "DESCRIPTOR", false)))
                .then()
                .statusCode(200);
        assertThat(visible("lucia", asked)).isEmpty();
        assertThat(visible("mateo", asked)).containsExactly(id + "/2", id + "/1");
    }

    @Test
    void theStrictestLinkedCaseGoverns() {
        String shared = newCase(
                Tier.SECRET,
                false,
                Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER),
                Map.of("oas", GrantScope.EXCERPTS));
        String sofiasOnly = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of());
        String id = record("sofia", interview(shared, sofiasOnly));
        // mateo may not even read this interview: its lead proposes
        propose("sofia", id, 1);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);

        assertThat(visible("sofia", List.of(id + "/1"))).containsExactly(id + "/1");
        // mateo is a member of one linked case only, lucia's grant covers one only: neither sees it
        assertThat(visible("mateo", List.of(id + "/1"))).isEmpty();
        assertThat(visible("lucia", List.of(id + "/1"))).isEmpty();
    }

    @Test
    void badQuestionsAreRefusedNamingTheEntry() {
        Response malformed = as("mateo")
                .body(Map.of("excerpts", List.of(UUID.randomUUID() + "/1", "not an excerpt", UUID.randomUUID() + "/0")))
                .post("/excerpts/visible");
        malformed.then().statusCode(400).contentType("application/problem+json");
        assertThat(malformed.jsonPath().getList("errors.field")).containsExactly("excerpts[1]", "excerpts[2]");
        assertThat(malformed.asString()).doesNotContain("not an excerpt");

        List<String> tooMany = new ArrayList<>(Collections.nCopies(501, UUID.randomUUID() + "/1"));
        as("mateo")
                .body(Map.of("excerpts", tooMany))
                .post("/excerpts/visible")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("mateo").body("{}").post("/excerpts/visible").then().statusCode(400);
        as("mateo").body("[").post("/excerpts/visible").then().statusCode(400);
        as(null).body(Map.of("excerpts", List.of()))
                .post("/excerpts/visible")
                .then()
                .statusCode(401);
    }

    private static void propose(String user, String id, int quote) {
        as(user).body(Map.of("quote", quote))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
    }

    private static List<String> visible(String user, List<String> asked) {
        Response answer = as(user).body(Map.of("excerpts", asked)).post("/excerpts/visible");
        answer.then().statusCode(200);
        return answer.jsonPath().getList("excerpts");
    }
}
