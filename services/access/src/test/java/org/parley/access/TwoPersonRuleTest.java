package org.parley.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.SecrecyChangeWithdrawn;
import org.parley.testing.Jdbc;
import org.parley.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TwoPersonRuleTest extends AccessStackTest {

    private static AccessTopic topic;

    @BeforeAll
    static void readTopic() {
        topic = new AccessTopic(bootstrapServers(), "parley.access.v1");
    }

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    @AfterAll
    static void tearDown() {
        topic.close();
    }

    private static String requestLoosening(String caseId, String tier) {
        Response response = postTier("ana", caseId, tier, "ready for the public phase");
        response.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/secrecy-requests/" + response.jsonPath().getString("id")));
        assertThat(response.jsonPath().getString("status")).isEqualTo("PENDING");
        return response.jsonPath().getString("id");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");

        as("ana")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("ana")
                .body(Map.of("reason", "changed my mind"))
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(403);

        assertThat(version(caseId)).isEqualTo(before);
        as("ana").get("/cases/{id}/access", caseId).then().body("tier", equalTo("SECRET"));
        as("bruno")
                .get("/secrecy-requests/{id}", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void someoneWhoIsNotASecrecyAdminCannotApprove() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "RESULTS_PUBLIC");

        // mateo is staff, not on the team: the case does not exist for him, nor does the request.
        byte[] hidden = as("mateo")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(404)
                .extract()
                .asByteArray();
        byte[] unknown = as("mateo")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asByteArray();
        assertThat(hidden).isEqualTo(unknown);

        // sofia leads the case, so she knows it exists, but she is no secrecy admin.
        as("sofia")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(403);
        // A partner admin role in another organisation is no admin of this case either.
        as("lucia")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(404);

        assertThat(version(caseId)).isEqualTo(before);
    }

    @Test
    void aSecondApprovalOfTheSameRequestIsAConflict() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "RESULTS_PUBLIC");

        as("bruno")
                .body(Map.of("reason", "agreed"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("resultingVersion", equalTo((int) before + 1));
        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(409);
        as("bruno")
                .body(Map.of("reason", "too late"))
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(409);

        assertThat(version(caseId)).isEqualTo(before + 1);
        as("sofia").get("/cases/{id}/access", caseId).then().body("tier", equalTo("RESULTS_PUBLIC"));
    }

    @Test
    void aRejectedRequestChangesNothingAndCannotBeApprovedLater() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        Response requested = as("ana")
                .body(Map.of("released", true, "reason", "results are final"))
                .post("/cases/{id}/release", caseId);
        requested.then().statusCode(202);
        String requestId = requested.jsonPath().getString("id");

        as("bruno")
                .body(Map.of())
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(400);
        as("bruno")
                .body(Map.of("reason", "not yet"))
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(409);

        assertThat(version(caseId)).isEqualTo(before);
        as("ana").get("/cases/{id}/access", caseId).then().body("released", equalTo(false));
    }

    @Test
    void concurrentApprovalsMakeExactlyOneChange() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");
        // Fetch both tokens before the race, so the threads only race on the approval.
        Map<String, String> tokens = Map.of("ana", Tokens.of("ana"), "bruno", Tokens.of("bruno"));

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String approver = i % 2 == 0 ? "bruno" : "ana";
            Callable<Integer> approve = () -> {
                start.await();
                return io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(tokens.get(approver))
                        .contentType("application/json")
                        .body("{\"reason\":\"race\"}")
                        .post("/secrecy-requests/{id}/approval", requestId)
                        .statusCode();
            };
            outcomes.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(threads / 2 - 1); // bruno's other tries
        assertThat(statuses).filteredOn(status -> status == 403).hasSize(threads / 2); // ana is the requester
        assertThat(version(caseId)).isEqualTo(before + 1);

        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasTierChanged));
        Thread.sleep(500); // anything extra would have arrived by now
        events = topic.about(caseId);
        assertThat(events).filteredOn(Envelope::hasTierChanged).hasSize(1);
        assertThat(events).filteredOn(Envelope::hasSecrecyChangeApproved).hasSize(1);
        assertThat(events)
                .filteredOn(envelope -> envelope.getPolicyVersion() == before + 1)
                .singleElement()
                .satisfies(envelope ->
                        assertThat(envelope.getPolicy().getTier()).isEqualTo(org.parley.proto.v1.Tier.PUBLICLY_KNOWN));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunShowsWhoWouldGainWhat() {
        String caseId = openCase("sofia");
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");

        Response dryRun = as("bruno").get("/secrecy-requests/{id}/dry-run", requestId);
        dryRun.then().statusCode(200).body("caseId", equalTo(caseId));
        List<Map<String, Object>> changes = dryRun.jsonPath().getList("changes");
        Map<String, Object> anonymous = changes.stream()
                .filter(change -> "ANONYMOUS".equals(((Map<?, ?>) change.get("who")).get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat((List<Object>) anonymous.get("sectionsBefore")).isEmpty();
        assertThat((List<Object>) anonymous.get("gained")).containsExactlyInAnyOrder("HEADER", "CONTEXT");
        // sofia is the lead: she sees everything before and after, so she is not listed.
        assertThat(changes)
                .noneMatch(change -> subjectOf("sofia").equals(((Map<?, ?>) change.get("who")).get("subject")));
        assertThat(changes).anyMatch(change -> "lucia".equals(((Map<?, ?>) change.get("who")).get("username")));

        // The dry run is for the owner's admins only; sofia knows the case, lucia does not.
        as("sofia").get("/secrecy-requests/{id}/dry-run", requestId).then().statusCode(403);
        as("lucia").get("/secrecy-requests/{id}/dry-run", requestId).then().statusCode(404);
    }

    @Test
    void pendingRequestsAreListedForTheOrganisationsSecrecyAdmins() {
        String caseId = openCase("sofia");
        String requestId = requestLoosening(caseId, "RESULTS_PUBLIC");

        List<String> pending = as("bruno")
                .queryParam("status", "PENDING")
                .get("/secrecy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(pending).contains(requestId);
        as("bruno")
                .queryParam("status", "WHATEVER")
                .get("/secrecy-requests")
                .then()
                .statusCode(400);
        as("sofia").get("/secrecy-requests").then().statusCode(403);
        as("lucia").get("/secrecy-requests").then().statusCode(403);
    }

    @Test
    void aProcessGrantWaitsForASecondAdmin() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        Response requested = as("ana")
                .body(Map.of("organisation", "oas", "scope", "PROCESS", "reason", "joint study"))
                .post("/cases/{id}/grants", caseId);
        requested.then().statusCode(202).body("kind", equalTo("GRANT")).body("grant.scope", equalTo("PROCESS"));
        String requestId = requested.jsonPath().getString("id");

        // Not yet: oas may not know the case exists, and nothing changed.
        as("lucia").get("/cases/{id}/grants", caseId).then().statusCode(404);
        assertThat(version(caseId)).isEqualTo(before);

        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200);
        as("lucia")
                .get("/cases/{id}/grants", caseId)
                .then()
                .statusCode(200)
                .body("scope", org.hamcrest.Matchers.contains("PROCESS"));
        as("ana")
                .get("/cases/{id}/grants", caseId)
                .then()
                .body("[0].issuedBy.username", equalTo("ana"))
                .body("[0].approvedBy.username", equalTo("bruno"));
        as("bruno")
                .queryParam("user", "lucia")
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .body("relationship", equalTo("GRANTEE"))
                .body("sections", org.hamcrest.Matchers.hasItem("PROCESS"))
                .body("excerpts", equalTo(false));
        assertThat(version(caseId)).isEqualTo(before + 1);
    }

    @Test
    void aRequestNobodyDecidesExpiresAndCanNoLongerBeApproved() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");
        // as if its seven days had passed: the expiry job (every second) marks it, nobody acting
        try (Connection db = Jdbc.connectToTestDatabase("access");
                PreparedStatement due = db.prepareStatement(
                        "UPDATE secrecy_request SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            due.setObject(1, UUID.fromString(requestId));
            assertThat(due.executeUpdate()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("bruno")
                        .get("/secrecy-requests/{id}", requestId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("EXPIRED")));

        as("bruno")
                .body(Map.of("reason", "too late"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(version(caseId)).isEqualTo(before);
        as("ana").get("/cases/{id}/access", caseId).then().body("tier", equalTo("SECRET"));
        assertThat(as("bruno")
                        .queryParam("status", "PENDING")
                        .get("/secrecy-requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id", String.class))
                .doesNotContain(requestId);
    }

    @Test
    void theRequesterWithdrawsAndNobodyCanApproveItAfterwards() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");

        // (that the requester never approves or rejects it: theRequesterCannotApproveTheirOwnRequest)
        String reason = "announced too early " + UUID.randomUUID();
        as("ana")
                .body(Map.of("reason", reason))
                .post("/secrecy-requests/{id}/withdrawal", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("decidedBy.username", equalTo("ana"))
                .body("decisionReason", equalTo(reason));

        as("bruno")
                .body(Map.of("reason", "agreed"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("bruno")
                .body(Map.of("reason", "no"))
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(409);
        as("ana")
                .body("{}")
                .post("/secrecy-requests/{id}/withdrawal", requestId)
                .then()
                .statusCode(409);
        assertThat(version(caseId)).isEqualTo(before);
        as("ana").get("/cases/{id}/access", caseId).then().body("tier", equalTo("SECRET"));

        // gone from the waiting list, kept among the withdrawn
        assertThat(requestIds("bruno", "PENDING")).doesNotContain(requestId);
        assertThat(requestIds("bruno", "WITHDRAWN")).contains(requestId);
        as("bruno").get("/secrecy-requests/{id}", requestId).then().body("status", equalTo("WITHDRAWN"));

        // ledgered: who withdrew which request, never why
        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasSecrecyChangeWithdrawn));
        Envelope withdrawn = events.stream()
                .filter(Envelope::hasSecrecyChangeWithdrawn)
                .findFirst()
                .orElseThrow();
        assertThat(withdrawn.getSecrecyChangeWithdrawn())
                .isEqualTo(SecrecyChangeWithdrawn.newBuilder()
                        .setRequestId(requestId)
                        .build());
        assertThat(withdrawn.getActor().getSubject()).isEqualTo(subjectOf("ana"));
        assertThat(withdrawn.getPolicyVersion()).isZero();
        assertThat(new String(withdrawn.toByteArray(), StandardCharsets.UTF_8)).doesNotContain(reason);
    }

    @Test
    void nobodyButTheRequesterWithdrawsAndEachGetsTheAnswerForARequestTheyMayNotSee() {
        String caseId = openCase("sofia");
        String requestId = requestLoosening(caseId, "PUBLICLY_KNOWN");
        String unknown = UUID.randomUUID().toString();

        // bruno may approve it, but it is not his to withdraw: the bytes of a request that never existed
        assertThat(withdrawal("bruno", requestId, 404)).isEqualTo(withdrawal("bruno", unknown, 404));
        // mateo (staff off the team) and lucia (a partner) may not know the case: the same
        assertThat(withdrawal("mateo", requestId, 404)).isEqualTo(withdrawal("mateo", unknown, 404));
        assertThat(withdrawal("lucia", requestId, 404)).isEqualTo(withdrawal("lucia", unknown, 404));
        // sofia leads the case but is no secrecy admin: what reading the request answers her
        byte[] read = as("sofia")
                .get("/secrecy-requests/{id}", requestId)
                .then()
                .statusCode(403)
                .extract()
                .asByteArray();
        assertThat(withdrawal("sofia", requestId, 403)).isEqualTo(read);

        // none of it withdrew anything: a second admin still approves
        as("bruno").get("/secrecy-requests/{id}", requestId).then().body("status", equalTo("PENDING"));
        // and a withdrawal's reason is checked like any reason
        as("ana")
                .body(Map.of("reason", "\u200B\u200B"))
                .post("/secrecy-requests/{id}/withdrawal", requestId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        as("ana")
                .body("{}")
                .post("/secrecy-requests/{id}/withdrawal", requestId)
                .then()
                .statusCode(409);
    }

    private static byte[] withdrawal(String user, String requestId, int status) {
        return as(user).body("{}")
                .post("/secrecy-requests/{id}/withdrawal", requestId)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .extract()
                .asByteArray();
    }

    private static List<String> requestIds(String user, String status) {
        return as(user).queryParam("status", status)
                .get("/secrecy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }
}
