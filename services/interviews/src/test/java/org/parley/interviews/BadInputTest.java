package org.parley.interviews;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.rowCounts;
import static org.parley.interviews.Fixtures.secretCase;

/** Bad input gets a 4xx problem naming the field (never echoing the value) and stores nothing. */
@QuarkusTest
class BadInputTest {

    private String caseId;

    @BeforeEach
    void aCaseSofiaLeads() {
        projectionIs(false);
        caseId = secretCase("sofia");
    }

    @Test
    void anUnknownCaseAndOneTheAuthorMayNotSeeAreRefusedAlike() {
        String mateosCase = secretCase("mateo");

        Response unknown = rejected(
                body -> body.put("linkedCases", List.of(UUID.randomUUID().toString())), 400);
        Response invisible = rejected(body -> body.put("linkedCases", List.of(mateosCase)), 400);
        Response malformed = rejected(body -> body.put("linkedCases", List.of("escobar")), 400);

        assertThat(invisible.asString()).isEqualTo(unknown.asString()).isEqualTo(malformed.asString());
        assertThat(unknown.jsonPath().getString("errors[0].field")).isEqualTo("linkedCases[0]");
        assertThat(unknown.asString()).doesNotContain(mateosCase);
        // One good case does not carry a bad one along.
        Response mixed = rejected(body -> body.put("linkedCases", List.of(caseId, mateosCase)), 400);
        assertThat(mixed.jsonPath().getString("errors[0].field")).isEqualTo("linkedCases[1]");
    }

    @Test
    void patchingInACaseTheCallerMayNotLinkIsRefusedAlike() {
        String id = record("sofia", interview(caseId));
        String mateosCase = secretCase("mateo");
        Map<String, Long> before = rowCounts();

        Response invisible = as("sofia")
                .header("If-Match", "\"1\"")
                .body(Map.of("linkedCases", List.of(caseId, mateosCase)))
                .patch("/interviews/" + id);
        Response unknown = as("sofia")
                .header("If-Match", "\"1\"")
                .body(Map.of("linkedCases", List.of(caseId, UUID.randomUUID().toString())))
                .patch("/interviews/" + id);

        invisible.then().statusCode(400).contentType("application/problem+json");
        assertThat(invisible.asString()).isEqualTo(unknown.asString());
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void anOversizedTranscriptIsRefused() {
        Response response = rejected(body -> body.put("transcript", "x".repeat(204_801)), 400);

        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("transcript");
        assertThat(response.asString()).doesNotContain("xxxx");
    }

    @Test
    void aTranscriptAtTheLimitIsAccepted() {
        Map<String, Object> body = interview(caseId);
        body.put("transcript", "y".repeat(204_800));
        as("sofia").body(body).post("/interviews").then().statusCode(201);
    }

    @Test
    void aBodyBeyondTheHttpLimitIsAProblemToo() {
        Response response = rejected(body -> body.put("notes", "z".repeat(1_200_000)), 413);
        assertThat(response.asString()).doesNotContain("zzzz");
    }

    @Test
    void unknownEnumsAreRefusedNamingTheField() {
        assertThat(rejected(body -> body.put("category", "WARLORD"), 400)
                        .jsonPath()
                        .getString("errors[0].field"))
                .isEqualTo("category");
        assertThat(rejected(body -> body.put("themes", List.of("GOSSIP")), 400).asString())
                .contains("themes")
                .doesNotContain("GOSSIP");
        rejected(body -> body.put("mode", "CARRIER_PIGEON"), 400);
        rejected(
                body -> body.put(
                        "consent", Map.of("mayQuote", true, "attribution", "FULL_NAME", "mayShareWithPartners", true)),
                400);
    }

    @Test
    void badMonthsCountriesAndLanguagesAreRefused() {
        for (String month : List.of("2019-13", "2019-1", "2019-10-01", "Oct 2019", "")) {
            Response response = rejected(body -> body.put("date", month), 400);
            assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("date");
        }
        assertThat(rejected(body -> body.put("country", "XX"), 400).jsonPath().getString("errors[0].field"))
                .isEqualTo("country");
        rejected(body -> body.put("country", "col"), 400);
        rejected(body -> body.put("language", "Spanish"), 400);
    }

    @Test
    void missingFieldsUnknownFieldsAndDuplicateQuotesAreRefused() {
        rejected(body -> body.remove("pseudonym"), 400);
        rejected(body -> body.remove("consent"), 400);
        rejected(body -> body.put("linkedCases", List.of()), 400);
        Response unknownField = rejected(body -> body.put("realName", "Juan"), 400);
        assertThat(unknownField.asString()).contains("realName").doesNotContain("Juan");
        rejected(body -> body.put("quotes", List.of(Map.of("n", 1, "text", "a"), Map.of("n", 1, "text", "b"))), 400);
        rejected(body -> body.put("identity", Map.of("contact", "only a contact")), 400);
    }

    @Test
    void onlyStaffRecordInterviews() {
        Map<String, Long> before = rowCounts();
        for (String notStaff : List.of("lucia", "carlos", "irene")) {
            as(notStaff)
                    .body(interview(caseId))
                    .post("/interviews")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as(null).body(interview(caseId)).post("/interviews").then().statusCode(401);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void badSearchParametersAreRefused() {
        for (Map.Entry<String, String> bad : Map.of(
                        "theme", "GOSSIP",
                        "category", "WARLORD",
                        "from", "2019-13",
                        "to", "last year",
                        "country", "XX",
                        "case", "escobar",
                        "limit", "1000",
                        "cursor", "not-a-cursor")
                .entrySet()) {
            Response response =
                    as("sofia").queryParam(bad.getKey(), bad.getValue()).get("/interviews");
            response.then().statusCode(400).contentType("application/problem+json");
            assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo(bad.getKey());
        }
    }

    @Test
    void quotesWithoutNumbersAreNumberedInOrder() {
        Map<String, Object> body = interview(caseId);
        body.put("quotes", List.of(Map.of("text", "first"), Map.of("text", "second")));
        String id = record("sofia", body);

        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getList("quotes.n"))
                .containsExactly(1, 2);
        as("sofia")
                .body(Map.of("quote", 3))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(400);
    }

    /** Sends a changed valid body, expects the status, and checks that nothing was stored. */
    private Response rejected(Consumer<Map<String, Object>> change, int status) {
        Map<String, Object> body = interview(caseId);
        change.accept(body);
        Map<String, Long> before = rowCounts();
        Response response = as("sofia").body(body).post("/interviews");
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.asString()).doesNotContain(Fixtures.TRANSCRIPT_PHRASE);
        assertThat(rowCounts()).isEqualTo(before);
        return response;
    }
}
