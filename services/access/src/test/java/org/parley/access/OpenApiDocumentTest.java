package org.parley.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.access.team.TeamResource;
import org.parley.testing.OpenApiDocument;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document keeps the descriptions of the endpoints the API interfaces (TeamApi, GrantsApi, ...)
 * declare: they sit on the interfaces, since SmallRye OpenAPI drops those of a class implementing a JAX-RS
 * interface (microprofile-open-api #619).
 */
@QuarkusTest
class OpenApiDocumentTest extends AccessStackTest {

    @Test
    void theOpenApiDocumentKeepsTheContractsDescriptions() {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiDocument.parse(document)
                .documents("get", "/cases/{id}/team", "A case's team", "404")
                .documents("get", "/cases/{id}/grants", "A case's grants", "404")
                .definesProblem()
                // every resource method of the service, found by reflection
                .documentsEveryResourceMethodOf(TeamResource.class);
    }
}
