package org.parley.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PartnerVisibilityTest extends AccessStackTest {

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    private static String grant(String caseId, String organisation, String scope) {
        return as("ana")
                .body(Map.of("organisation", organisation, "scope", scope, "reason", "shared for the study"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    @Test
    void aGranteeSeesOnlyItsOwnOrganisationsGrants() {
        String caseId = openCase("sofia");
        String oasGrant = grant(caseId, "oas", "RESULTS");
        String medicGrant = grant(caseId, "medic-ngo", "SUMMARY");

        List<Map<String, Object>> seenByLucia = as("lucia")
                .get("/cases/{id}/grants", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(seenByLucia).singleElement().satisfies(grant -> {
            assertThat(grant.get("id")).isEqualTo(oasGrant);
            assertThat(grant.get("organisation")).isEqualTo("oas");
            assertThat(grant).doesNotContainKeys("reason", "issuedBy");
        });
        String luciaBody = as("lucia").get("/cases/{id}/grants", caseId).asString();
        assertThat(luciaBody).doesNotContain("medic-ngo").doesNotContain(medicGrant);

        assertThat(as("pierre").get("/cases/{id}/grants", caseId).jsonPath().getList("organisation"))
                .containsExactly("medic-ngo");
        assertThat(as("ana").get("/cases/{id}/grants", caseId).jsonPath().getList("organisation"))
                .containsExactly("oas", "medic-ngo");

        // A grantee knows the case exists but manages nothing on it.
        as("lucia").get("/cases/{id}/team", caseId).then().statusCode(403);
        as("lucia").get("/cases/{id}/access", caseId).then().statusCode(403);
        as("lucia")
                .body(Map.of("organisation", "oas", "scope", "PROCESS", "reason", "more please"))
                .post("/cases/{id}/grants", caseId)
                .then()
                .statusCode(403);
    }

    @Test
    void withoutAGrantTheCaseIsByteForByteACaseThatNeverExisted() {
        String caseId = openCase("sofia");
        grant(caseId, "medic-ngo", "SUMMARY"); // another partner's grant must not make oas see anything
        String grantId = grant(caseId, "medic-ngo", "RESULTS");
        String unknownCase = UUID.randomUUID().toString();

        List<BiFunction<String, String, Response>> endpoints = List.of(
                (user, id) -> as(user).get("/cases/{id}/access", id),
                (user, id) -> as(user).get("/cases/{id}/team", id),
                (user, id) -> as(user).get("/cases/{id}/grants", id),
                (user, id) -> as(user).queryParam("user", "sofia").get("/cases/{id}/access/explain", id),
                (user, id) -> postTier(user, id, "SECRET", "probe"),
                (user, id) -> postTier(user, id, "PUBLICLY_KNOWN", "probe"),
                (user, id) -> as(user).body(Map.of("released", true, "reason", "probe"))
                        .post("/cases/{id}/release", id),
                (user, id) -> as(user).body(Map.of("username", "lucia", "role", "MEMBER", "reason", "probe"))
                        .post("/cases/{id}/team", id),
                (user, id) ->
                        as(user).queryParam("reason", "probe").delete("/cases/{id}/team/{s}", id, subjectOf("sofia")),
                (user, id) -> as(user).body(Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "probe"))
                        .post("/cases/{id}/grants", id),
                (user, id) -> as(user).body(Map.of("organisation", "medic-ngo", "scope", "SUMMARY", "reason", "probe"))
                        .post("/cases/{id}/grants", id),
                (user, id) -> as(user).queryParam("reason", "probe").delete("/cases/{id}/grants/{g}", id, grantId));

        long before = version(caseId);
        for (String outsider : List.of("lucia", "mateo", "carlos")) {
            for (BiFunction<String, String, Response> endpoint : endpoints) {
                Response hidden = endpoint.apply(outsider, caseId);
                Response unknown = endpoint.apply(outsider, unknownCase);
                assertThat(hidden.statusCode()).as(outsider).isEqualTo(404);
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(hidden.contentType()).isEqualTo(unknown.contentType());
                assertThat(hidden.asByteArray()).as(outsider).isEqualTo(unknown.asByteArray());
            }
        }
        assertThat(as("lucia").get("/cases/{id}/access", "not-a-uuid").asByteArray())
                .isEqualTo(as("lucia").get("/cases/{id}/access", unknownCase).asByteArray());
        assertThat(version(caseId)).isEqualTo(before);
    }

    @Test
    void partnersSeeOnlyTheirOwnOrganisation() {
        assertThat(as("lucia").get("/organisations").jsonPath().getList("id")).containsExactly("oas");
        assertThat(as("ana").get("/organisations").jsonPath().getList("id")).contains("ifit", "oas", "medic-ngo");
        as("lucia").get("/organisations/oas").then().statusCode(200).body("kind", equalTo("MULTILATERAL"));
        byte[] other = as("lucia")
                .get("/organisations/medic-ngo")
                .then()
                .statusCode(404)
                .extract()
                .asByteArray();
        byte[] unknown = as("lucia")
                .get("/organisations/nowhere")
                .then()
                .statusCode(404)
                .extract()
                .asByteArray();
        assertThat(other).isEqualTo(unknown);
        as("lucia")
                .body(Map.of("id", "rebels", "name", "Rebels", "kind", "NGO"))
                .post("/organisations")
                .then()
                .statusCode(403);
        as("ana")
                .get("/organisations/ifit")
                .then()
                .statusCode(200)
                .body("name", equalTo("Institute for Integrated Transitions"));
        // Registering again is idempotent; another kind for the same id is a conflict; one host only.
        as("ana")
                .body(Map.of("id", "oas", "name", "OAS", "kind", "MULTILATERAL"))
                .post("/organisations")
                .then()
                .statusCode(200);
        as("ana")
                .body(Map.of("id", "oas", "name", "OAS", "kind", "NGO"))
                .post("/organisations")
                .then()
                .statusCode(409);
        as("ana")
                .body(Map.of("id", "second-host", "name", "X", "kind", "HOST"))
                .post("/organisations")
                .then()
                .statusCode(400);
    }

    @Test
    void aTokenFromAnOrganisationAccessDoesNotKnowIsRefused() {
        Tokens.adminCreateUser("zora", "unregistered-org", "partner");
        as("zora").get("/me").then().statusCode(401).contentType("application/problem+json");
        as("zora").get("/organisations").then().statusCode(401);
        io.restassured.RestAssured.given().get("/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theDirectoryRecordsTheCallerAndExplainsTheirAccess() {
        as("lucia")
                .get("/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("lucia"))
                .body("organisation", equalTo("oas"))
                .body("subject", equalTo(subjectOf("lucia")));

        String caseId = openCase("sofia");
        String grantId = grant(caseId, "oas", "RESULTS");
        Response lucia = as("bruno").queryParam("user", "lucia").get("/cases/{id}/access/explain", caseId);
        lucia.then().statusCode(200).body("relationship", equalTo("GRANTEE")).body("because[0].kind", equalTo("GRANT"));
        assertThat(lucia.jsonPath().getString("because[0].grantId")).isEqualTo(grantId);
        assertThat(lucia.jsonPath().getList("sections")).containsExactly("HEADER", "CONTEXT", "RESULTS");

        as("bruno")
                .queryParam("user", subjectOf("sofia"))
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .statusCode(200)
                .body("relationship", equalTo("MEMBER"))
                .body("because[0].teamRole", equalTo("LEAD"));
        as("bruno")
                .queryParam("user", "mateo")
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .statusCode(200)
                .body("relationship", equalTo("ORG_STAFF"))
                .body("knowsExists", equalTo(false));
        as("bruno")
                .queryParam("user", "nobody-ever")
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .statusCode(404)
                .body("type", equalTo("https://parley.example/problems/unknown-user"));
        as("sofia")
                .queryParam("user", "lucia")
                .get("/cases/{id}/access/explain", caseId)
                .then()
                .statusCode(403);

        // Only staff of the owning organisation can join the team; a name nobody has gets the same answer
        // (TeamAdditionRequestTest compares the bytes).
        as("sofia")
                .body(Map.of("username", "nobody-ever", "role", "MEMBER", "reason", "x"))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("username"));
        as("sofia")
                .body(Map.of("username", "lucia", "role", "MEMBER", "reason", "x"))
                .post("/cases/{id}/team", caseId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("username"));
    }
}
