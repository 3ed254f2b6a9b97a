package org.parley.interviews;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.rowCounts;

/**
 * A change to an interview must name the version it was made from (If-Match, the ETag read), so no change
 * is lost to a concurrent one: without it, 428; with an old one, 412. Existence comes first: a caller who
 * may not know the interview gets the "never existed" 404, byte for byte, with or without the header.
 */
@QuarkusTest
class PreconditionRequiredTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedAndChangesNothing() {
        String caseId = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of());
        Map<String, Object> body = interview(caseId);
        Response recorded = as("sofia").body(body).post("/interviews");
        recorded.then().statusCode(201).header("ETag", "\"1\"");
        String id = recorded.jsonPath().getString("id");
        Map<String, Long> before = rowCounts();

        Response missing = as("sofia").body(Map.of("pseudonym", "Lost update")).patch("/interviews/" + id);
        assertPreconditionRequired(missing);
        Response star = as("sofia")
                .header("If-Match", "*")
                .body(Map.of("pseudonym", "Lost update"))
                .patch("/interviews/" + id);
        assertPreconditionRequired(star);
        assertThat(rowCounts()).as("nothing written, no event").isEqualTo(before);

        Response read = as("sofia").get("/interviews/" + id);
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.jsonPath().getString("pseudonym")).isEqualTo(body.get("pseudonym"));

        Response changed = as("sofia")
                .header("If-Match", "\"1\"")
                .body(Map.of("pseudonym", "Official changed"))
                .patch("/interviews/" + id);
        changed.then().statusCode(200).header("ETag", "\"2\"");
        assertThat(changed.jsonPath().getLong("version")).isEqualTo(2);

        // Made from version 1 while the interview is at 2: refused, nothing overwritten.
        Response stale = as("sofia")
                .header("If-Match", "\"1\"")
                .body(Map.of("pseudonym", "Lost update"))
                .patch("/interviews/" + id);
        stale.then().statusCode(412).contentType("application/problem+json");
        assertThat(stale.jsonPath().getString("type")).endsWith("/precondition-failed");
        assertThat(stale.jsonPath().getString("detail")).contains("If-Match");
        Response garbled = as("sofia")
                .header("If-Match", "\"two\"")
                .body(Map.of("pseudonym", "Lost update"))
                .patch("/interviews/" + id);
        garbled.then().statusCode(412);
        assertThat(as("sofia").get("/interviews/" + id).jsonPath().getString("pseudonym"))
                .isEqualTo("Official changed");
    }

    @Test
    void aCallerWhoMayNotKnowTheInterviewGetsTheNeverExisted404WithOrWithoutIfMatch() {
        String caseId = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of("oas", GrantScope.EXCERPTS));
        String id = record("sofia", interview(caseId));
        String unknown = UUID.randomUUID().toString();

        Response never = as("mateo").body(Map.of("pseudonym", "X")).patch("/interviews/" + unknown);
        never.then().statusCode(404).contentType("application/problem+json");
        for (String user : List.of("mateo", "pierre", "bruno", "irene")) {
            for (String target : List.of(id, unknown, "not-an-id")) {
                Response withoutHeader = as(user).body(Map.of("pseudonym", "X")).patch("/interviews/" + target);
                Response withHeader = as(user).header("If-Match", "\"1\"")
                        .body(Map.of("pseudonym", "X"))
                        .patch("/interviews/" + target);
                for (Response response : List.of(withoutHeader, withHeader)) {
                    assertThat(response.statusCode()).as(user + " " + target).isEqualTo(404);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.asString()).as(user + " " + target).isEqualTo(never.asString());
                    assertThat(response.header("ETag")).isNull();
                }
            }
        }
        // lucia's grant covers approved excerpts: she knows of the interview, may not change it (403 first).
        as("lucia")
                .body(Map.of("pseudonym", "X"))
                .patch("/interviews/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        // While the projection is stale, non-members get the same 503 for every id, header or not.
        projectionIs(true);
        try {
            Response unknownStale = as("pierre").body(Map.of("pseudonym", "X")).patch("/interviews/" + unknown);
            unknownStale.then().statusCode(503);
            Response invisibleStale =
                    as("pierre").body(Map.of("pseudonym", "X")).patch("/interviews/" + id);
            assertThat(invisibleStale.asString()).isEqualTo(unknownStale.asString());
            assertThat(invisibleStale.statusCode()).isEqualTo(503);
        } finally {
            projectionIs(false);
        }
        assertThat(as("sofia").get("/interviews/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    private static void assertPreconditionRequired(Response response) {
        response.then().statusCode(428).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/precondition-required");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(428);
        assertThat(response.jsonPath().getString("detail")).contains("If-Match");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("If-Match");
        assertThat(response.header("ETag")).isNull();
    }
}
