package org.parley.interviews;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.interviews.interview.InterviewResource;
import org.parley.testing.ManagementScrape;
import org.parley.testing.OpenApiDocument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;

/**
 * Health and metrics come from Quarkus extensions on the management interface only; the API port answers them as
 * any unknown path. Recording an interview or revealing an identity moves no metric; OpenAPI stays on the API port.
 */
@QuarkusTest
class ServiceEndpointsTest {

    /** Decisions come from a current projection; the stale case is VisibilityTest's. */
    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthOnTheManagementPortAndOpenApiOnTheApiPort() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/interviews/{id}/identity"))
                .body(containsString("/interviews/{id}/excerpts/{n}/approval"))
                .body(containsString("research question code of the codebook"))
                // the codebook comes from the cases API module, whose endpoints are not this service's
                .body(not(containsString("/codebook")))
                .body(not(containsString("\"/cases\"")));
    }

    @Test
    void theOpenApiDocumentKeepsTheContractsDescriptions() {
        // Declared by InterviewsApi and CaseExcerptsApi: their descriptions must sit on the interfaces, since
        // SmallRye OpenAPI drops those of a class implementing a JAX-RS interface (microprofile-open-api #619).
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiDocument.parse(document)
                .documents("get", "/interviews/{id}", "Read an interview's content", "404")
                .documents(
                        "get", "/cases/{caseId}/excerpts", "Read the approved excerpts of a case's interviews", "404")
                .documents("post", "/interviews/import", "Import interviews from a file", "422")
                .definesProblem()
                // every resource method of the service, found by reflection (the POSTs and the PATCH whose bodies are
                // checked field by field are the resources' own, documented there)
                .documentsEveryResourceMethodOf(InterviewResource.class);
    }

    @Test
    void theApiPortAnswersHealthAndMetricsLikeAnyUnknownPath() {
        ManagementScrape.assertApiAnswersHealthAndMetricsLikeAnUnknownPath(api);
    }

    @Test
    void recordingAnInterviewAndRevealingAnIdentityMoveNoMetric() throws Exception {
        record("sofia", interview(secretCase("sofia"))); // whatever a first use registers, before the comparison
        awaitOutboxPublished();
        String scrape = ManagementScrape.of(metrics);
        assertThat(scrape)
                .contains("parley_outbox_backlog")
                .doesNotContain("parley_interviews_recorded")
                .doesNotContain("parley_interviews_identity_reveals")
                .doesNotContain("http_server_requests");
        List<String> before = ManagementScrape.withoutRuntime(scrape);

        String id = record("sofia", interview(secretCase("sofia")));
        as("carlos")
                .body(Map.of("reason", "metrics review " + UUID.randomUUID()))
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(200);
        awaitOutboxPublished();

        assertThat(ManagementScrape.settledTo(
                        before, () -> ManagementScrape.withoutRuntime(ManagementScrape.of(metrics))))
                .isEqualTo(before);
    }

    private static void awaitOutboxPublished() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection db = Fixtures.database();
                    Statement statement = db.createStatement();
                    ResultSet rows =
                            statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("outbox published within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
