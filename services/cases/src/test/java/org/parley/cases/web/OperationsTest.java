package org.parley.cases.web;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.parley.cases.casefile.CaseResource;
import org.parley.cases.search.ListQuery;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;
import org.parley.testing.ManagementScrape;
import org.parley.testing.OpenApiDocument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Health and metrics answer on the management interface only; the API port knows them no more than any unknown
 * path; and no metric moves when a secret case is opened. The OpenAPI document stays on the API port.
 */
@QuarkusTest
@TestSecurity(user = "ops-lead", roles = "staff")
@OidcSecurity(claims = {@Claim(key = "sub", value = "ops-lead"), @Claim(key = "org", value = "ifit")})
class OperationsTest {

    static final Class<?> STACK = CasesTestResource.class;

    // management = true: relative to the management root (/q), on the management port
    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthOnTheManagementPortCoversTheDatabaseAndReportsTheEventFlow() {
        // Readiness depends on the database; the broker's state is a detail of event-flow, never its verdict
        // (the outbox keeps writes working while the broker is away; issue 14).
        given().get(health + "/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "event-flow"));
        given().get(health + "/live").then().statusCode(200);
        assertThat(metrics.getPort()).as("not the API port").isNotEqualTo(RestAssured.port);
    }

    @Test
    void theApiPortAnswersHealthAndMetricsLikeAnyUnknownPath() {
        ManagementScrape.assertApiAnswersHealthAndMetricsLikeAnUnknownPath(api);
    }

    @Test
    void theOpenApiDocumentStaysOnTheApiPort() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/cases/{id}/process/timeline"))
                .body(containsString("/public/cases/{id}"))
                .body(containsString("CaseView"));
    }

    @Test
    void theOpenApiDocumentKeepsTheContractsDescriptions() {
        // Declared by CasesApi and PublicRegisterApi: their descriptions must sit on the interfaces, since
        // SmallRye OpenAPI drops those of a class implementing a JAX-RS interface (microprofile-open-api #619).
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiDocument.parse(document)
                .documents("get", "/cases/{id}", "Read a case", "404")
                .documents("get", "/public/cases/{id}", "Read a public case", "404")
                .documents("get", "/cases/export", "Export the listed cases", "400")
                .documents("get", "/cases/{id}/dossier.pdf", "Print a case dossier", "404")
                .documents("post", "/cases/import", "Import cases", "422")
                .definesProblem()
                // every resource method of the service, found by reflection (POST, PATCH and DELETE /cases are
                // CaseResource's own, documented there)
                .documentsEveryResourceMethodOf(CaseResource.class);
        // A client learns the search text's limit from the contract, as the console's field does.
        for (String path : List.of("/cases", "/public/cases")) {
            assertThat(io.restassured.path.json.JsonPath.from(document)
                            .getInt("paths.'" + path + "'.get.parameters.find { it.name == 'q' }.schema.maxLength"))
                    .as(path)
                    .isEqualTo(ListQuery.MAX_TEXT);
        }
    }

    @Test
    void metricsSayHowTheServiceIsNotWhatWasDone() {
        String scrape = ManagementScrape.of(metrics);

        assertThat(scrape)
                .contains("parley_outbox_backlog")
                .contains("parley_outbox_oldest_unpublished_age")
                .contains("jvm_memory_used_bytes")
                .doesNotContain("http_server_requests")
                .doesNotContain("parley_outbox_published")
                .doesNotContain("parley_outbox_relay_lag")
                .doesNotContain("kafka_producer")
                .doesNotContain("kafka_consumer");
    }

    @Test
    void openingASecretCaseMovesNoMetric() throws Exception {
        AccessStub.ensureFresh();
        awaitOutboxPublished();
        List<String> before = ManagementScrape.withoutRuntime(ManagementScrape.of(metrics));

        given().contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"Metrics probe " + UUID.randomUUID() + "\",\"country\":\"HN\","
                        + "\"period\":{\"start\":\"2012-01-01\"},\"status\":\"ACTIVE\"}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .body("header.tier", equalTo("SECRET"));
        given().get("/cases?limit=5").then().statusCode(200);
        // Its CaseOpened event has reached Kafka: whatever the open moved has moved by now.
        awaitOutboxPublished();

        assertThat(ManagementScrape.settledTo(
                        before, () -> ManagementScrape.withoutRuntime(ManagementScrape.of(metrics))))
                .isEqualTo(before);
    }

    private static void awaitOutboxPublished() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection db = Jdbc.connectToTestDatabase("cases");
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
