package org.parley.interviews;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.patch;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.rowCounts;
import static org.parley.interviews.Fixtures.secretCase;

/**
 * Issue 16, part 3: interviews and excerpts carry the research questions they inform, as the codebook's codes
 * (RQ1 to RQ8, read from the cases API's codebook); the list filters by them for members only; an unknown code
 * is a 400 naming the field. Real Keycloak tokens: sofia leads, mateo is a member, lucia a partner (oas) with
 * an EXCERPTS grant, carlos is on no team.
 */
@QuarkusTest
class ResearchQuestionsTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void anInterviewIsRecordedReadListedAndEditedWithItsQuestionsStoredInClear() throws SQLException {
        String caseId = secretCase("sofia", "mateo");
        Map<String, Object> body = interview(caseId);
        body.put("researchQuestions", List.of("RQ3", "RQ1", "RQ3"));
        Response created = as("sofia").body(body).post("/interviews");
        created.then().statusCode(201);
        String id = created.jsonPath().getString("id");
        // each once, in the codebook's order
        assertThat(created.jsonPath().getList("researchQuestions")).containsExactly("RQ1", "RQ3");
        assertThat(as("mateo").get("/interviews/" + id).jsonPath().getList("researchQuestions"))
                .containsExactly("RQ1", "RQ3");
        assertThat(as("mateo")
                        .queryParam("case", caseId)
                        .get("/interviews")
                        .jsonPath()
                        .getList("items[0].researchQuestions"))
                .containsExactly("RQ1", "RQ3");
        assertThat(storedQuestions(id)).containsExactly("RQ1", "RQ3");

        Response changed = patch("mateo", id, Map.of("researchQuestions", List.of("RQ8")));
        changed.then().statusCode(200);
        assertThat(changed.jsonPath().getList("researchQuestions")).containsExactly("RQ8");
        // a change that leaves them out keeps them
        patch("mateo", id, Map.of("notes", "met a third time")).then().statusCode(200);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getList("researchQuestions"))
                .containsExactly("RQ8");
        patch("sofia", id, Map.of("researchQuestions", List.of())).then().statusCode(200);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getList("researchQuestions"))
                .isEmpty();
        assertThat(storedQuestions(id)).isEmpty();

        // an interview recorded without them informs none
        String untagged = record("sofia", interview(caseId));
        assertThat(as("sofia").get("/interviews/" + untagged).jsonPath().getList("researchQuestions"))
                .isEmpty();
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheFieldAndNothingChanges() {
        String caseId = secretCase("sofia", "mateo");
        Map<String, Long> before = rowCounts();
        Map<String, Object> body = interview(caseId);
        body.put("researchQuestions", List.of("RQ2", "RQ9"));
        Response refused = as("sofia").body(body).post("/interviews");
        refused.then().statusCode(400).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("researchQuestions[1]");
        assertThat(refused.asString()).doesNotContain("RQ9");
        assertThat(rowCounts()).isEqualTo(before);

        String id = record("sofia", interview(caseId));
        long version = as("sofia").get("/interviews/" + id).jsonPath().getLong("version");
        Response badPatch = patch("sofia", id, Map.of("researchQuestions", List.of("rq1")));
        badPatch.then().statusCode(400);
        assertThat(badPatch.jsonPath().getString("errors[0].field")).isEqualTo("researchQuestions[0]");
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getLong("version"))
                .isEqualTo(version);

        Response badProposal = as("mateo")
                .body(Map.of("quote", 1, "researchQuestions", List.of("RQ1", "ANYTHING")))
                .post("/interviews/" + id + "/excerpts");
        badProposal.then().statusCode(400);
        assertThat(badProposal.jsonPath().getString("errors[0].field")).isEqualTo("researchQuestions[1]");
        assertThat(as("mateo").get("/interviews/" + id + "/excerpts").jsonPath().getList("items"))
                .isEmpty();

        Response badFilter = as("sofia").queryParam("question", "RQ0").get("/interviews");
        badFilter.then().statusCode(400);
        assertThat(badFilter.jsonPath().getList("errors.field")).containsExactly("question");
        assertThat(badFilter.asString()).doesNotContain("RQ0");
    }

    @Test
    void theListFiltersByQuestionForMembersOnly() {
        String caseId = secretCase("sofia", "mateo");
        Map<String, Object> tagged = interview(caseId);
        tagged.put("researchQuestions", List.of("RQ3", "RQ5"));
        String rq3 = record("sofia", tagged);
        Map<String, Object> other = interview(caseId);
        other.put("researchQuestions", List.of("RQ1"));
        String rq1 = record("sofia", other);
        String none = record("sofia", interview(caseId));

        Response onlyRq3 = as("mateo")
                .queryParam("case", caseId)
                .queryParam("question", "RQ3")
                .get("/interviews");
        onlyRq3.then().statusCode(200);
        assertThat(onlyRq3.jsonPath().getList("items.id")).containsExactly(rq3);
        assertThat(onlyRq3.jsonPath().getLong("total")).isEqualTo(1);

        // repeated: any of them
        Response either = as("sofia")
                .queryParam("case", caseId)
                .queryParam("question", "RQ3")
                .queryParam("question", "RQ1")
                .get("/interviews");
        assertThat(either.jsonPath().getList("items.id")).containsExactlyInAnyOrder(rq3, rq1);
        assertThat(either.jsonPath().getList("items.id")).doesNotContain(none);
        assertThat(as("sofia")
                        .queryParam("case", caseId)
                        .queryParam("question", "RQ8")
                        .get("/interviews")
                        .jsonPath()
                        .getLong("total"))
                .isZero();

        // those on no team of the case see nothing, as without the filter
        for (String outsider : List.of("carlos", "lucia")) {
            Response seen = as(outsider)
                    .queryParam("case", caseId)
                    .queryParam("question", "RQ3")
                    .get("/interviews");
            seen.then().statusCode(200);
            assertThat(seen.jsonPath().getList("items")).as(outsider).isEmpty();
            assertThat(seen.jsonPath().getLong("total")).as(outsider).isZero();
            assertThat(seen.asString())
                    .isEqualTo(as(outsider)
                            .queryParam("case", UUID.randomUUID().toString())
                            .queryParam("question", "RQ3")
                            .get("/interviews")
                            .asString());
        }
    }

    @Test
    void anExcerptCarriesItsQuestionsToMembersAndToPartnersOnlyOnceApproved() {
        String caseId = newCase(
                Tier.SECRET,
                false,
                Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER),
                Map.of("oas", GrantScope.EXCERPTS));
        String id = record("sofia", interview(caseId));

        Response proposed = as("mateo")
                .body(Map.of("quote", 1, "researchQuestions", List.of("RQ7", "RQ2")))
                .post("/interviews/" + id + "/excerpts");
        proposed.then().statusCode(201);
        assertThat(proposed.jsonPath().getList("researchQuestions")).containsExactly("RQ2", "RQ7");
        as("mateo")
                .body(Map.of("quote", 2))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);

        Response members = as("sofia").get("/interviews/" + id + "/excerpts");
        assertThat(members.jsonPath().getList("items.status")).containsExactly("PROPOSED", "PROPOSED");
        assertThat(members.jsonPath().getList("items[0].researchQuestions")).containsExactly("RQ2", "RQ7");
        assertThat(members.jsonPath().getList("items[1].researchQuestions")).isEmpty();
        // before approval the partner sees neither the excerpt nor its questions
        Response early = as("lucia").get("/interviews/" + id + "/excerpts");
        early.then().statusCode(200);
        assertThat(early.jsonPath().getList("items")).isEmpty();
        assertThat(early.asString()).doesNotContain("RQ2", "RQ7");
        assertThat(as("lucia").get("/cases/" + caseId + "/excerpts").jsonPath().getList("interviews"))
                .isEmpty();

        Response approved = Fixtures.approval("sofia", id).post("/interviews/" + id + "/excerpts/1/approval");
        approved.then().statusCode(200);
        assertThat(approved.jsonPath().getList("researchQuestions")).containsExactly("RQ2", "RQ7");

        Response partner = as("lucia").get("/interviews/" + id + "/excerpts");
        assertThat(partner.jsonPath().getList("items.n")).containsExactly(1);
        assertThat(partner.jsonPath().getList("items[0].researchQuestions")).containsExactly("RQ2", "RQ7");
        Response throughCase = as("lucia").get("/cases/" + caseId + "/excerpts");
        assertThat(throughCase.jsonPath().getList("interviews[0].items[0].researchQuestions"))
                .containsExactly("RQ2", "RQ7");
    }

    private static List<String> storedQuestions(String id) throws SQLException {
        try (Connection connection = database();
                PreparedStatement select =
                        connection.prepareStatement("SELECT research_questions FROM interview WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return Arrays.asList((String[]) rows.getArray(1).getArray());
            }
        }
    }
}
