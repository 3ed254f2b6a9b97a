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
                        "question", "RQ99",
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

    /** Issue 13, finding 7: a NUL or another control character in any field is a 400 naming it; nothing is stored. */
    @Test
    void controlCharactersInAnyFieldAreRefusedNamingIt() {
        Map<String, Consumer<Map<String, Object>>> changes = new java.util.LinkedHashMap<>();
        changes.put("pseudonym", body -> body.put("pseudonym", "Official\u0000 B"));
        changes.put("descriptor", body -> body.put("descriptor", "a\u0007b"));
        changes.put("notes", body -> body.put("notes", "\u0000"));
        changes.put("transcript", body -> body.put("transcript", "P: \u001b[2J"));
        changes.put(
                "quotes[1].text",
                body -> body.put(
                        "quotes", List.of(Map.of("n", 1, "text", "fine"), Map.of("n", 2, "text", "bad\u007f"))));
        changes.put("interviewers[0]", body -> body.put("interviewers", List.of("\u0000")));
        changes.put("identity.name", body -> body.put("identity", Map.of("name", "Juan\u0000")));
        changes.put("identity.contact", body -> body.put("identity", Map.of("name", "Juan", "contact", "c\u0085")));
        changes.put("linkedCases[0]", body -> body.put("linkedCases", List.of(caseId + "\u0000")));
        changes.put("language", body -> body.put("language", "es\u0000"));
        changes.forEach(
                (field, change) -> assertThat(rejected(change, 400).jsonPath().getList("errors.field", String.class))
                        .as(field)
                        .contains(field));
        // Tab and line breaks are text.
        Map<String, Object> multiLine = interview(caseId);
        multiLine.put("notes", "line 1\n\tline 2\r\n");
        String id = record("sofia", multiLine);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getString("notes"))
                .isEqualTo("line 1\n\tline 2\r\n");
    }

    /** Issue 13, findings 7 and 10: control characters in parameters and path segments name the parameter. */
    @Test
    void controlCharactersInParametersAndPathsAreRefusedNamingThem() {
        String id = record("sofia", interview(caseId));
        Map<String, Long> before = rowCounts();
        for (String param : List.of(
                "case", "theme", "question", "category", "country", "from", "to", "language", "cursor", "limit")) {
            Response response = as("sofia").queryParam(param, "x\u0000").get("/interviews");
            response.then().statusCode(400).contentType("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field", String.class))
                    .as(param)
                    .contains(param);
        }
        for (Response response : List.of(
                as("sofia").get("/interviews/{id}", id + "\u0000"),
                as("sofia").body(Map.of("pseudonym", "P")).patch("/interviews/{id}", "\u0000"),
                as("sofia").get("/interviews/{id}/excerpts", "\u0000"),
                as("sofia").post("/interviews/{id}/excerpts/{n}/approval", id, "1\u0000"),
                as("carlos").body(Map.of("reason", "r")).post("/interviews/{id}/identity", "\u0000"),
                as("sofia").get("/cases/{caseId}/excerpts", caseId + "\u0000"))) {
            response.then().statusCode(400).contentType("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field", String.class))
                    .hasSize(1);
        }
        assertThat(rowCounts()).isEqualTo(before);
        // A malformed id without control characters is still the never-existed 404.
        assertThat(as("sofia").get("/interviews/not-a-uuid").asString())
                .isEqualTo(as("sofia").get("/interviews/" + UUID.randomUUID()).asString());
    }

    /** Issue 13, finding 8: pseudonyms, descriptors, names and reveal reasons that only look present. */
    @Test
    void invisibleOrDisguisedTextIsRefused() {
        for (String invisible : List.of("\u200b", " \u200b ", "\u2060\ufeff\u00ad", "\u3164", "\u2800")) {
            assertThat(rejected(body -> body.put("pseudonym", invisible), 400)
                            .jsonPath()
                            .getString("errors[0].field"))
                    .isEqualTo("pseudonym");
            assertThat(rejected(body -> body.put("descriptor", invisible), 400)
                            .jsonPath()
                            .getString("errors[0].field"))
                    .isEqualTo("descriptor");
            assertThat(rejected(body -> body.put("identity", Map.of("name", invisible)), 400)
                            .jsonPath()
                            .getString("errors[0].field"))
                    .isEqualTo("identity.name");
        }
        for (String disguised : List.of("Official \u202eB", "\u2066Official B\u2069")) {
            assertThat(rejected(body -> body.put("pseudonym", disguised), 400)
                            .jsonPath()
                            .getString("errors[0].field"))
                    .isEqualTo("pseudonym");
            assertThat(rejected(body -> body.put("descriptor", disguised), 400)
                            .jsonPath()
                            .getString("errors[0].field"))
                    .isEqualTo("descriptor");
        }
        String id = record("sofia", interview(caseId));
        // Read first: a read is audited (an outbox row), and it is not what is counted here.
        int version = as("sofia").get("/interviews/" + id).jsonPath().getInt("version");
        Map<String, Long> before = rowCounts();
        for (Map<String, Object> patch : List.<Map<String, Object>>of(
                Map.of("pseudonym", "\u200b"),
                Map.of("descriptor", "\u202eB"),
                Map.of("interviewers", List.of("\u200b")))) {
            as("sofia")
                    .body(patch)
                    .patch("/interviews/" + id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        for (String reason : List.of("\u200b", "\t\u200b\n", "\u2060", "\u202e")) {
            Response reveal = as("carlos").body(Map.of("reason", reason)).post("/interviews/" + id + "/identity");
            reveal.then().statusCode(400).contentType("application/problem+json");
            assertThat(reveal.jsonPath().getString("errors[0].field")).isEqualTo("reason");
        }
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getInt("version"))
                .isEqualTo(version);
    }

    /** Issue 13, finding 9: interview months from 1900-01 to a year from now. */
    @Test
    void implausibleMonthsAreRefused() {
        String twoYearsAhead =
                java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusYears(2).toString();
        for (String month : List.of("0000-01", "0001-01", "1899-12", twoYearsAhead)) {
            Response response = rejected(body -> body.put("date", month), 400);
            assertThat(response.jsonPath().getString("errors[0].field"))
                    .as(month)
                    .isEqualTo("date");
        }
        String id = record("sofia", interview(caseId));
        as("sofia")
                .body(Map.of("date", "0000-01"))
                .patch("/interviews/" + id)
                .then()
                .statusCode(400);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getString("date"))
                .isEqualTo("2019-10");
        Map<String, Object> earliest = interview(caseId);
        earliest.put("date", "1900-01");
        record("sofia", earliest);
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
