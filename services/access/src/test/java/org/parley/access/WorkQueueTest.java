package org.parley.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /work-queue and POST /work-queue/visit: each list holds only what its reader may see and act on. */
@QuarkusTest
class WorkQueueTest extends AccessStackTest {

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    private static JsonPath queueOf(String username) {
        return as(username).get("/work-queue").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String username, String list) {
        return queueOf(username).getList(list + ".id");
    }

    private static String requestPublic(String admin, String caseId) {
        return postTier(admin, caseId, "PUBLICLY_KNOWN", "ready for the public phase")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
    }

    @Test
    void aRequestWaitsForTheOtherAdminOnlyUntilItIsDecided() {
        String caseId = openCase("sofia");
        String requestId = requestPublic("ana", caseId);

        assertThat(ids("bruno", "requestsToDecide")).contains(requestId);
        // the requester cannot approve, so it does not wait for her; nor for staff or partners
        assertThat(ids("ana", "requestsToDecide")).doesNotContain(requestId);
        assertThat(ids("sofia", "requestsToDecide")).isEmpty();
        assertThat(ids("lucia", "requestsToDecide")).isEmpty();

        as("bruno")
                .body(Map.of("reason", "agreed"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200);
        assertThat(ids("bruno", "requestsToDecide")).doesNotContain(requestId);
    }

    @Test
    void aRequestToPutAnAdminOnATeamDoesNotWaitForThatAdmin() {
        String caseId = openCase("sofia");
        // bruno, not the lead, asks for ana to join: ana may not decide on her own addition, and bruno asked
        String requestId = as("bruno")
                .body(Map.of("username", "ana", "role", "MEMBER", "reason", "she reviews the file"))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        assertThat(ids("ana", "requestsToDecide")).doesNotContain(requestId);
        assertThat(ids("bruno", "requestsToDecide")).doesNotContain(requestId);
    }

    @Test
    void onlyGrantsExpiringSoonOnTheAdminsOwnOrganisationsCasesAreListed() throws Exception {
        String caseId = openCase("sofia");
        String soon = issueGrant(caseId, "oas", Instant.now().plus(5, ChronoUnit.DAYS));
        String later = issueGrant(caseId, "medic-ngo", Instant.now().plus(40, ChronoUnit.DAYS));
        String foreignCase = openCase("sofia");
        String foreign = issueGrant(foreignCase, "oas", Instant.now().plus(3, ChronoUnit.DAYS));

        assertThat(ids("ana", "expiringGrants")).contains(soon, foreign).doesNotContain(later);

        // the second case now belongs to another organisation: its admins are not ana and bruno
        try (Connection db = Jdbc.connectToTestDatabase("access");
                PreparedStatement move = db.prepareStatement(
                        "UPDATE case_access SET owning_organisation = 'medic-ngo' WHERE case_id = ?")) {
            move.setObject(1, UUID.fromString(foreignCase));
            assertThat(move.executeUpdate()).isEqualTo(1);
        }
        assertThat(ids("ana", "expiringGrants")).contains(soon).doesNotContain(foreign, later);
        // neither staff nor the partner holding the grant is told of expiries
        assertThat(ids("sofia", "expiringGrants")).isEmpty();
        assertThat(ids("lucia", "expiringGrants")).isEmpty();

        as("ana")
                .delete("/cases/{id}/grants/{g}?reason=no longer needed", caseId, soon)
                .then()
                .statusCode(200);
        assertThat(ids("ana", "expiringGrants")).doesNotContain(soon);
    }

    @Test
    void aPartnerSeesWhatIsNewSinceTheLastVisitAndLosesWhatIsRevoked() {
        String first = openCase("sofia");
        String firstGrant = issueGrant(first, "oas", null);
        assertThat(caseIds("lucia")).contains(first);
        // medic-ngo holds no grant on it: pierre is not told it exists
        assertThat(caseIds("pierre")).doesNotContain(first);

        Instant visited = Instant.parse(as("lucia")
                .post("/work-queue/visit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("visitedAt"));
        JsonPath afterVisit = queueOf("lucia");
        assertThat(Instant.parse(afterVisit.getString("lastVisit"))).isEqualTo(visited);
        assertThat(afterVisit.getList("newlyShared.caseId", String.class)).doesNotContain(first);

        String second = openCase("sofia");
        String secondGrant = issueGrant(second, "oas", null);
        assertThat(caseIds("lucia")).contains(second).doesNotContain(first);

        as("ana")
                .delete("/cases/{id}/grants/{g}?reason=shared by mistake", second, secondGrant)
                .then()
                .statusCode(200);
        assertThat(caseIds("lucia")).doesNotContain(second, first);
        assertThat(firstGrant).isNotNull();
    }

    @Test
    void theQueueNeedsAToken() {
        io.restassured.RestAssured.given()
                .get("/work-queue")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given()
                .post("/work-queue/visit")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static List<String> caseIds(String username) {
        return queueOf(username).getList("newlyShared.caseId", String.class);
    }

    private static String issueGrant(String caseId, String organisation, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null
                ? Map.of("organisation", organisation, "scope", "SUMMARY", "reason", "shared for the study")
                : Map.of(
                        "organisation",
                        organisation,
                        "scope",
                        "SUMMARY",
                        "reason",
                        "shared for the study",
                        "expiresAt",
                        expiresAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return as("ana")
                .body(body)
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }
}
