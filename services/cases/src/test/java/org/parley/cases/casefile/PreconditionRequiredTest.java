package org.parley.cases.casefile;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Http;
import org.parley.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A section edit must name the version it was made from (If-Match), so that no edit silently overwrites a
 * concurrent one: without it, 428. The check comes after existence and permission, so a caller who may not
 * know the case still gets the "never existed" 404, byte for byte, header or not. Real Keycloak tokens.
 */
@QuarkusTest
class PreconditionRequiredTest {

    static final Class<?> STACK = CasesTestResource.class;

    private static final List<String> SECTIONS = List.of("header", "context", "process", "results");

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    @Test
    void anEditWithoutIfMatchIsRefusedAndChangesNothing() {
        String id = sofiasCase("Precondition test");

        for (String section : SECTIONS) {
            Response missing = as("sofia").body(edit(section)).patch("/cases/" + id + "/" + section);
            assertPreconditionRequired(missing, section);
            Response star =
                    as("sofia").header("If-Match", "*").body(edit(section)).patch("/cases/" + id + "/" + section);
            assertPreconditionRequired(star, section + " with If-Match: *");
        }
        Response unchanged = as("sofia").get("/cases/" + id);
        unchanged.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(unchanged.jsonPath().getString("header.title")).isEqualTo("Precondition test");
        assertThat(unchanged.jsonPath().getString("header.region")).isNull();

        // With the ETag read, the edit goes through; the same ETag again is stale (412, as before).
        as("sofia")
                .header("If-Match", "\"1\"")
                .body(edit("header"))
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        Response stale =
                as("sofia").header("If-Match", "\"1\"").body(edit("context")).patch("/cases/" + id + "/context");
        stale.then().statusCode(412).contentType("application/problem+json");
        assertThat(stale.jsonPath().getString("type")).endsWith("/precondition-failed");
        as("sofia")
                .header("If-Match", "\"2\"")
                .body(edit("context"))
                .patch("/cases/" + id + "/context")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"");

        // Appending to the timeline overwrites nothing: If-Match stays optional there.
        as("sofia")
                .body("{\"date\":\"2012-03-08\",\"kind\":\"MEETING\",\"summary\":\"Met\"}")
                .post("/cases/" + id + "/process/timeline")
                .then()
                .statusCode(201)
                .header("ETag", "\"4\"");
    }

    @Test
    void aCallerWhoMayNotKnowTheCaseGetsTheNeverExisted404WithOrWithoutIfMatch() {
        String id = sofiasCase("Precondition invisible");
        String unknown = UUID.randomUUID().toString();

        for (String section : SECTIONS) {
            // lucia is a partner without a grant: the case never existed for her.
            Response never = as("lucia").body(edit(section)).patch("/cases/" + unknown + "/" + section);
            never.then().statusCode(404).contentType("application/problem+json");
            for (String target : List.of(id, unknown, "not-a-case")) {
                Response withoutHeader = as("lucia").body(edit(section)).patch("/cases/" + target + "/" + section);
                assertThat(Http.fingerprint(withoutHeader))
                        .as("lucia, no If-Match, " + target + " " + section)
                        .isEqualTo(Http.fingerprint(never));
                Response withHeader = as("lucia")
                        .header("If-Match", "\"1\"")
                        .body(edit(section))
                        .patch("/cases/" + target + "/" + section);
                assertThat(Http.fingerprint(withHeader))
                        .as("lucia, If-Match, " + target + " " + section)
                        .isEqualTo(Http.fingerprint(never));
            }
        }
        // bruno, a secrecy admin of the owner, may know the case but not edit it: 403 before any precondition.
        Response admin = as("bruno").body(edit("header")).patch("/cases/" + id + "/header");
        admin.then().statusCode(403).contentType("application/problem+json");
        as("sofia").get("/cases/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    private static void assertPreconditionRequired(Response response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(428);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(what).endsWith("/precondition-required");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(428);
        assertThat(response.jsonPath().getString("detail")).contains("If-Match");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("If-Match");
    }

    /** A valid merge patch of each section, so only the missing header can stop it. */
    private static String edit(String section) {
        return switch (section) {
            case "header" -> "{\"region\":\"Changed region\"}";
            case "context" -> "{\"precedents\":[\"A changed precedent\"]}";
            case "process" -> "{\"trustBuilding\":[\"A changed step\"]}";
            case "results" -> "{\"dealReached\":true}";
            default -> throw new IllegalArgumentException(section);
        };
    }

    private static String sofiasCase(String title) {
        return as("sofia")
                .body("{\"header\":{\"title\":\"" + title
                        + "\",\"country\":\"SV\",\"period\":{\"start\":\"2012-03-01\"},"
                        + "\"status\":\"EXPLORATORY\"}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .extract()
                .path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
