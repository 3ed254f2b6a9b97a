package org.parley.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation holds one active grant per case: a wider one replaces it, anything else is refused. */
@QuarkusTest
class GrantReplacementTest extends AccessStackTest {

    private static AccessTopic topic;

    @BeforeAll
    static void readTopic() {
        topic = new AccessTopic(bootstrapServers(), "parley.access.v1");
    }

    @AfterAll
    static void tearDown() {
        topic.close();
    }

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    private static Response grant(String caseId, String scope, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null
                ? Map.of("organisation", "oas", "scope", scope, "reason", "study")
                : Map.of("organisation", "oas", "scope", scope, "reason", "study", "expiresAt", expiresAt.toString());
        return as("ana").body(body).post("/cases/{id}/grants", caseId);
    }

    private static JsonPath grantsSeenBy(String user, String caseId) {
        return as(user).get("/cases/{id}/grants", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aWiderGrantReplacesTheNarrowerOneInOnePolicyVersionAndTheEventNamesIt() {
        String caseId = openCase("sofia");
        String summary =
                grant(caseId, "SUMMARY", null).then().statusCode(201).extract().path("id");
        long before = version(caseId);

        String results =
                grant(caseId, "RESULTS", null).then().statusCode(201).extract().path("id");

        assertThat(version(caseId)).isEqualTo(before + 1);
        JsonPath admin = grantsSeenBy("ana", caseId);
        assertThat(admin.getList("id")).containsExactly(summary, results);
        assertThat(admin.getList("status")).containsExactly("REPLACED", "ACTIVE");
        assertThat(admin.getString("[0].endedBy.username")).isEqualTo("ana");
        // The partner sees one grant, the wider one, and reads what it opens.
        assertThat(grantsSeenBy("lucia", caseId).getList("scope")).containsExactly("RESULTS");
        as("bruno")
                .queryParam("user", "lucia")
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .statusCode(200)
                .body("sections", org.hamcrest.Matchers.hasItem("RESULTS"));

        List<Envelope> events = topic.awaitAbout(
                caseId,
                received -> received.stream().filter(Envelope::hasGrantIssued).count() == 2);
        Envelope replacing = events.stream()
                .filter(Envelope::hasGrantIssued)
                .filter(envelope -> envelope.getGrantIssued().getGrantId().equals(results))
                .findFirst()
                .orElseThrow();
        assertThat(replacing.getGrantIssued().getReplacesGrantId()).isEqualTo(summary);
        assertThat(replacing.getPolicy().getGrantsList())
                .singleElement()
                .satisfies(grant -> assertThat(grant.getGrantId()).isEqualTo(results));
        assertThat(events.stream().filter(Envelope::hasGrantRevoked)).isEmpty();
    }

    @Test
    void aGrantThatWouldNotWidenTheOrganisationsGrantIsA409AndChangesNothing() {
        String caseId = openCase("sofia");
        Instant inAMonth = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        grant(caseId, "RESULTS", inAMonth).then().statusCode(201);
        long before = version(caseId);

        grant(caseId, "SUMMARY", null).then().statusCode(409); // narrower scope, even if it lasts longer
        grant(caseId, "RESULTS", inAMonth).then().statusCode(409); // the same grant again
        grant(caseId, "RESULTS", inAMonth.minus(1, ChronoUnit.DAYS))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(version(caseId)).isEqualTo(before);
        assertThat(grantsSeenBy("ana", caseId).getList("status")).containsExactly("ACTIVE");

        // Lasting longer with the same scope widens it.
        grant(caseId, "RESULTS", null).then().statusCode(201);
        assertThat(grantsSeenBy("ana", caseId).getList("status")).containsExactly("REPLACED", "ACTIVE");
        assertThat(grantsSeenBy("lucia", caseId).getList("expiresAt")).containsExactly((Object) null);
    }

    @Test
    void anApprovalIsCheckedAgainstTheGrantsHeldWhenItIsApproved() {
        String caseId = openCase("sofia");
        grant(caseId, "RESULTS", null).then().statusCode(201);
        String process =
                grant(caseId, "PROCESS", null).then().statusCode(202).extract().path("id");
        String excerpts =
                grant(caseId, "EXCERPTS", null).then().statusCode(202).extract().path("id");

        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", excerpts)
                .then()
                .statusCode(200);
        assertThat(grantsSeenBy("lucia", caseId).getList("scope")).containsExactly("EXCERPTS");
        long before = version(caseId);

        // PROCESS would now narrow oas's grant: the approval is refused and the request still waits.
        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", process)
                .then()
                .statusCode(409);
        as("bruno")
                .get("/secrecy-requests/{id}", process)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        assertThat(version(caseId)).isEqualTo(before);
        JsonPath admin = grantsSeenBy("ana", caseId);
        assertThat(admin.getList("scope")).containsExactly("RESULTS", "EXCERPTS");
        assertThat(admin.getList("status")).containsExactly("REPLACED", "ACTIVE");
    }
}
