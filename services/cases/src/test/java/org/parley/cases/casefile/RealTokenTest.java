package org.parley.cases.casefile;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Http;
import org.parley.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The same rules with real Keycloak tokens: the organisation and roles come from the token's claims. */
@QuarkusTest
class RealTokenTest {

    static final Class<?> STACK = CasesTestResource.class;

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    @Test
    void sofiaOpensASecretCaseThatLuciaCannotKnowOf() {
        String sofia = Tokens.of("sofia");
        String subject = (String) Tokens.claims(sofia).get("sub");
        String id = given().auth()
                .oauth2(sofia)
                .contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"Token test\",\"country\":\"SV\",\"period\":{\"start\":\"2012-03-01\"},"
                        + "\"status\":\"EXPLORATORY\"},\"process\":{\"trustBuilding\":[\"Prison visits\"]}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .body("header.tier", equalTo("SECRET"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(sofia)
                .get("/cases/" + id)
                .then()
                .statusCode(200)
                .body("process.trustBuilding[0]", equalTo("Prison visits"));
        given().auth()
                .oauth2(sofia)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2012-03-08\",\"kind\":\"TRUCE_DECLARED\",\"summary\":\"Truce\"}")
                .post("/cases/" + id + "/process/timeline")
                .then()
                .statusCode(201);
        assertThat(subject).isNotBlank();

        // lucia is a partner of another organisation without a grant: the case never existed for her.
        String lucia = Tokens.of("lucia");
        Response invisible = given().auth().oauth2(lucia).get("/cases/" + id);
        Response never = given().auth().oauth2(lucia).get("/cases/" + UUID.randomUUID());
        assertThat(invisible.statusCode()).isEqualTo(404);
        assertThat(Http.fingerprint(invisible)).isEqualTo(Http.fingerprint(never));
        given().auth()
                .oauth2(lucia)
                .queryParam("q", "Token test")
                .get("/cases")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // bruno, a secrecy admin of the owning organisation, sees the header only.
        given().auth()
                .oauth2(Tokens.of("bruno"))
                .get("/cases/" + id)
                .then()
                .statusCode(200)
                .body("header.title", equalTo("Token test"))
                .body("process", equalTo(null));
    }

    @Test
    void noOrABadTokenIsA401Problem() {
        given().get("/cases").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("not.a.token")
                .get("/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // The public register ignores tokens, good or bad.
        given().auth().oauth2("not.a.token").get("/public/cases").then().statusCode(200);
    }
}
