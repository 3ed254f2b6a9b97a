package org.parley.events.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.events.ledger.LedgerResource;
import org.parley.events.support.EventsStackTest;
import org.parley.testing.OpenApiDocument;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document keeps the descriptions of the endpoints TimelineApi and LedgerApi declare: they sit on
 * the interfaces, since SmallRye OpenAPI drops those of a class implementing a JAX-RS interface
 * (microprofile-open-api #619).
 */
@QuarkusTest
class OpenApiDocumentTest extends EventsStackTest {

    @Test
    void theOpenApiDocumentKeepsTheContractsDescriptions() {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiDocument.parse(document)
                .documents("get", "/cases/{id}/timeline", "A case's timeline", "404")
                // The ledger documents no 404 (it filters, it never names a case that may not be known): its
                // refusal as a problem is the 400 of a filter that does not parse.
                .documents("get", "/ledger", "Ledger entries of the auditor's organisation", "400")
                .definesProblem()
                // every resource method of the service, found by reflection
                .documentsEveryResourceMethodOf(LedgerResource.class);
    }
}
