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
