package org.parley.cases.codebook;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /codebook answers everyone the same codebook, without a token; a token, even a bad one, is ignored. */
@QuarkusTest
class CodebookResourceTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Test
    void anyoneReadsTheCodebookWithoutAToken() {
        String body = given().get("/codebook")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getMap(""))
                .containsOnlyKeys(
                        "version", "languages", "sections", "blocks", "dimensions", "researchQuestions", "coverage");
        Map<String, Object> control = json.getMap("dimensions.find { it.key == 'context.groups.internalControl' }");
        assertThat(control)
                .containsEntry("section", "CONTEXT")
                .containsEntry("block", "context.groups")
                .containsEntry("type", "ONE")
                .containsEntry("ordered", true)
                .containsEntry("facet", true);
        assertThat(json.getList("dimensions.find { it.key == 'context.groups.internalControl' }.values.code"))
                .containsExactly("CENTRALISED", "COHESIVE", "DECENTRALISED", "FRAGMENTED");
        List<Map<String, String>> labels =
                json.getList("dimensions.find { it.key == 'context.groups.internalControl' }.values.label");
        assertThat(labels)
                .hasSize(4)
                .allSatisfy(label -> assertThat(label)
                        .containsOnlyKeys("en", "es")
                        .allSatisfy((language, text) -> assertThat(text).isNotBlank()));
        assertThat(json.getList("dimensions.section", String.class))
                .hasSize(126)
                .allSatisfy(section -> assertThat(section).isIn("HEADER", "CONTEXT", "PROCESS", "RESULTS"));
        assertThat(json.getList("researchQuestions.code")).hasSize(8);

        // The same bytes for staff and for a token that is no token at all.
        String staff = given().auth()
                .oauth2(Tokens.of("sofia"))
                .get("/codebook")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String bad = given().auth()
                .oauth2("not.a.token")
                .get("/codebook")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(staff).isEqualTo(body);
        assertThat(bad).isEqualTo(body);
    }

    @Test
    void theOpenApiDocumentDescribesIt() {
        String openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(openapi).contains("\"/codebook\"", "Read the codebook", "\"Codebook\"", "\"DimensionType\"");
        assertThat(JsonPath.from(openapi).getMap("components.schemas.Codebook.properties"))
                .as("lookups are no properties")
                .containsOnlyKeys(
                        "version", "languages", "sections", "blocks", "dimensions", "researchQuestions", "coverage");
    }
}
