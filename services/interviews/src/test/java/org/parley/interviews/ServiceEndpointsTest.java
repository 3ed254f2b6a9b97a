package org.parley.interviews;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.interviews.Fixtures.projectionIs;

/** Health, metrics and the OpenAPI document come from Quarkus extensions. */
@QuarkusTest
class ServiceEndpointsTest {

    /** Decisions come from a current projection; the stale case is VisibilityTest's. */
    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/interviews/{id}/identity"))
                .body(containsString("/interviews/{id}/excerpts/{n}/approval"));
        Fixtures.record("sofia", Fixtures.interview(Fixtures.secretCase("sofia")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("parley_interviews_recorded_total"));
    }
}
