package org.parley.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BadInputTest extends AccessStackTest {

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    /** Everything a bad request could have touched for this case: version, grants, requests, changes, outbox. */
    private static List<Long> footprint(String caseId) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection db = Jdbc.connectToTestDatabase("access")) {
            for (String sql : List.of(
                    "SELECT policy_version FROM case_access WHERE case_id = ?",
                    "SELECT count(*) FROM case_grant WHERE case_id = ?",
                    "SELECT count(*) FROM secrecy_request WHERE case_id = ?",
                    "SELECT count(*) FROM team_member WHERE case_id = ?",
                    "SELECT count(*) FROM policy_change WHERE case_id = ?",
                    "SELECT count(*) FROM outbox_event WHERE message_key = ?")) {
                try (PreparedStatement statement = db.prepareStatement(sql)) {
                    if (sql.contains("message_key")) {
                        statement.setString(1, caseId);
                    } else {
                        statement.setObject(1, UUID.fromString(caseId));
                    }
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        counts.add(row.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static void assertBadRequest(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        if (field != null) {
            response.then().body("errors.field", hasItem(field));
        }
    }

    @Test
    void badGrantRequestsAreRefusedAndChangeNothing() throws Exception {
        String caseId = openCase("sofia");
        List<Long> before = footprint(caseId);
        String future = Instant.now().plusSeconds(3600).toString();

        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "nowhere", "scope", "SUMMARY", "reason", "r"))
                        .post("/cases/{id}/grants", caseId),
                "organisation");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "EVERYTHING", "reason", "r"))
                        .post("/cases/{id}/grants", caseId),
                "scope");
        assertBadRequest(
                as("ana")
                        .body(Map.of(
                                "organisation", "oas",
                                "scope", "RESULTS",
                                "reason", "r",
                                "expiresAt", Instant.now().minusSeconds(60).toString()))
                        .post("/cases/{id}/grants", caseId),
                "expiresAt");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "PROCESS", "reason", "r", "expiresAt", "tomorrow"))
                        .post("/cases/{id}/grants", caseId),
                "expiresAt");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", HOST, "scope", "SUMMARY", "reason", "r", "expiresAt", future))
                        .post("/cases/{id}/grants", caseId),
                "organisation");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "SUMMARY"))
                        .post("/cases/{id}/grants", caseId),
                "reason");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "   "))
                        .post("/cases/{id}/grants", caseId),
                "reason");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "x".repeat(2001)))
                        .post("/cases/{id}/grants", caseId),
                "reason");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "r", "extra", 1))
                        .post("/cases/{id}/grants", caseId),
                "extra");
        // Issue 13 (every 5xx is a defect): an expiry PostgreSQL cannot store was a 500.
        assertBadRequest(
                as("ana")
                        .body(Map.of(
                                "organisation",
                                "oas",
                                "scope",
                                "SUMMARY",
                                "reason",
                                "r",
                                "expiresAt",
                                "+300000-01-01T00:00:00Z"))
                        .post("/cases/{id}/grants", caseId),
                "expiresAt");
        assertBadRequest(as("ana").body("{\"organisation\": \"oas\", ").post("/cases/{id}/grants", caseId), null);
        assertBadRequest(as("ana").body("").post("/cases/{id}/grants", caseId), null);

        assertThat(footprint(caseId)).isEqualTo(before);
    }

    @Test
    void badTierReleaseAndTeamRequestsAreRefusedAndChangeNothing() throws Exception {
        String caseId = openCase("sofia");
        String grantId = as("ana")
                .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "r"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        List<Long> before = footprint(caseId);

        assertBadRequest(postTier("ana", caseId, "TOP_SECRET", "r"), "tier");
        assertBadRequest(as("ana").body(Map.of("tier", "PUBLICLY_KNOWN")).post("/cases/{id}/tier", caseId), "reason");
        assertBadRequest(
                as("ana").body(Map.of("tier", "SECRET", "reason", "")).post("/cases/{id}/tier", caseId), "reason");
        assertBadRequest(as("ana").body("{tier: SECRET}").post("/cases/{id}/tier", caseId), null);
        assertBadRequest(as("ana").body(Map.of("reason", "r")).post("/cases/{id}/release", caseId), "released");
        assertBadRequest(
                as("ana").body(Map.of("released", "maybe", "reason", "r")).post("/cases/{id}/release", caseId),
                "released");
        assertBadRequest(as("ana").delete("/cases/{id}/grants/{g}", caseId, grantId), "reason");
        assertBadRequest(as("ana").delete("/cases/{id}/team/{s}", caseId, subjectOf("sofia")), "reason");
        assertBadRequest(
                as("sofia").body(Map.of("role", "MEMBER", "reason", "r")).post("/cases/{id}/team", caseId), "user");
        assertBadRequest(
                as("sofia")
                        .body(Map.of(
                                "username", "mateo", "subject", subjectOf("mateo"), "role", "MEMBER", "reason", "r"))
                        .post("/cases/{id}/team", caseId),
                "user");
        assertBadRequest(
                as("sofia")
                        .body(Map.of("username", "mateo", "role", "OWNER", "reason", "r"))
                        .post("/cases/{id}/team", caseId),
                "role");
        as("ana")
                .queryParam("reason", "r")
                .delete("/cases/{id}/grants/{g}", caseId, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        assertThat(footprint(caseId)).isEqualTo(before);

        // And a revoked grant cannot be revoked twice.
        as("ana")
                .queryParam("reason", "r")
                .delete("/cases/{id}/grants/{g}", caseId, grantId)
                .then()
                .statusCode(200);
        as("ana")
                .queryParam("reason", "r")
                .delete("/cases/{id}/grants/{g}", caseId, grantId)
                .then()
                .statusCode(409);
    }

    private static long organisations() throws Exception {
        try (Connection db = Jdbc.connectToTestDatabase("access");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT count(*), coalesce(sum(hashtext(o::text)), 0)" + " FROM organisation o");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1) * 31 + row.getLong(2);
        }
    }

    /** Issue 13, finding 7: a NUL in a reason, a name or a parameter was a 500; it is a 400 naming the field. */
    @Test
    void controlCharactersAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String caseId = openCase("sofia");
        List<Long> before = footprint(caseId);
        long organisationsBefore = organisations();

        assertBadRequest(postTier("ana", caseId, "PUBLICLY_KNOWN", "r\u0000"), "reason");
        assertBadRequest(postTier("ana", caseId, "SECRET", "\u0007"), "reason");
        assertBadRequest(
                as("ana").body(Map.of("released", true, "reason", "r\u001b")).post("/cases/{id}/release", caseId),
                "reason");
        assertBadRequest(
                as("ana")
                        .body(Map.of("organisation", "oas\u0000", "scope", "SUMMARY", "reason", "r"))
                        .post("/cases/{id}/grants", caseId),
                "organisation");
        assertBadRequest(
                as("sofia")
                        .body(Map.of("username", "mateo\u0000", "role", "MEMBER", "reason", "r"))
                        .post("/cases/{id}/team", caseId),
                "username");
        assertBadRequest(
                as("ana")
                        .body(Map.of("id", "nul-org", "name", "Nul\u0000 Org", "kind", "NGO"))
                        .post("/organisations"),
                "name");
        assertBadRequest(
                as("ana").queryParam("reason", "r\u0000").delete("/cases/{id}/team/{s}", caseId, subjectOf("sofia")),
                "reason");
        assertBadRequest(
                as("ana").queryParam("reason", "r").delete("/cases/{id}/team/{s}", caseId, "x\u0000"), "subject");
        assertBadRequest(as("ana").queryParam("user", "\u0000").get("/cases/{id}/access/explain", caseId), "user");
        assertBadRequest(as("ana").queryParam("user", "sofia").get("/cases/{id}/access/explain", "\u0000"), "id");
        assertBadRequest(as("ana").get("/organisations/{id}", "ifit\u0000"), "id");
        assertBadRequest(as("ana").get("/cases/{id}/access", caseId + "\u0000"), "id");
        assertBadRequest(as("ana").queryParam("status", "PENDING\u0000").get("/secrecy-requests"), "status");
        assertBadRequest(as("ana").get("/secrecy-requests/{id}", "\u0000"), "id");

        assertThat(footprint(caseId)).isEqualTo(before);
        assertThat(organisations()).isEqualTo(organisationsBefore);
        // A malformed id without control characters is still the never-existed 404.
        assertThat(as("ana").get("/organisations/{id}", "no-such-org").statusCode())
                .isEqualTo(404);
    }

    /** Issue 13, finding 8: reasons and names that only look present, or display as something else. */
    @Test
    void invisibleReasonsAndDisguisedNamesAreRefusedAndChangeNothing() throws Exception {
        String caseId = openCase("sofia");
        String grantId = as("ana")
                .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "r"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        String requestId = postTier("ana", caseId, "PUBLICLY_KNOWN", "going public")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        List<Long> before = footprint(caseId);
        long organisationsBefore = organisations();

        for (String invisible : List.of("\u200b", " \u200b\t", "\u2060\ufeff", "\u00ad", "\u3164", "\u200e")) {
            assertBadRequest(postTier("ana", caseId, "PUBLICLY_KNOWN", invisible), "reason");
            assertBadRequest(postTier("ana", caseId, "SECRET", invisible), "reason");
            assertBadRequest(
                    as("ana")
                            .body(Map.of("released", false, "reason", invisible))
                            .post("/cases/{id}/release", caseId),
                    "reason");
            assertBadRequest(
                    as("ana")
                            .body(Map.of("organisation", "medic-ngo", "scope", "SUMMARY", "reason", invisible))
                            .post("/cases/{id}/grants", caseId),
                    "reason");
            assertBadRequest(
                    as("ana").queryParam("reason", invisible).delete("/cases/{id}/grants/{g}", caseId, grantId),
                    "reason");
            assertBadRequest(
                    as("sofia")
                            .body(Map.of("username", "mateo", "role", "MEMBER", "reason", invisible))
                            .post("/cases/{id}/team", caseId),
                    "reason");
            assertBadRequest(
                    as("ana")
                            .queryParam("reason", invisible)
                            .delete("/cases/{id}/team/{s}", caseId, subjectOf("sofia")),
                    "reason");
            assertBadRequest(
                    as("bruno").body(Map.of("reason", invisible)).post("/secrecy-requests/{id}/rejection", requestId),
                    "reason");
            assertBadRequest(
                    as("bruno").body(Map.of("reason", invisible)).post("/secrecy-requests/{id}/approval", requestId),
                    "reason");
            assertBadRequest(
                    as("ana")
                            .body(Map.of("id", "invisible-org", "name", invisible, "kind", "NGO"))
                            .post("/organisations"),
                    "name");
        }
        for (String disguised : List.of("Medic \u202eOGN", "\u2067oas\u2069 (test)", "\u202aOAS\u202c")) {
            assertBadRequest(
                    as("ana")
                            .body(Map.of("id", "disguised-org", "name", disguised, "kind", "NGO"))
                            .post("/organisations"),
                    "name");
            assertBadRequest(postTier("ana", caseId, "SECRET", disguised), "reason");
        }

        assertThat(footprint(caseId)).isEqualTo(before);
        assertThat(organisations()).isEqualTo(organisationsBefore);
        as("bruno")
                .get("/secrecy-requests/{id}", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    /** Issue 13, finding 10: a parameter that does not convert names itself (access parses its own, so it did already). */
    @Test
    void unknownRequestStatusNamesTheParameter() {
        assertBadRequest(as("ana").queryParam("status", "SOMETIMES").get("/secrecy-requests"), "status");
    }

    @Test
    void onlySecrecyAdminsChangeSecrecy() throws Exception {
        String caseId = openCase("sofia");
        List<Long> before = footprint(caseId);
        // sofia leads the case but is no secrecy admin: she may neither tighten nor ask to loosen.
        postTier("sofia", caseId, "PUBLICLY_KNOWN", "r").then().statusCode(403);
        as("sofia")
                .body(Map.of("released", true, "reason", "r"))
                .post("/cases/{id}/release", caseId)
                .then()
                .statusCode(403);
        as("sofia")
                .body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "r"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(footprint(caseId)).isEqualTo(before);
    }
}
