package org.parley.events.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad filters and paths are a 400 problem naming the parameter, never a 500 (a NUL reached PostgreSQL) and
 * never the 404 "No resource with this id" (what JAX-RS answers for a query parameter that does not
 * convert), and never an echo of the value.
 */
@QuarkusTest
class BadInputTest extends EventsStackTest {

    private static final String CANARY = "CANARYVALUE";

    /** Issue 13, finding 10. */
    @Test
    void aLimitThatIsNoNumberIsA400NamingIt() {
        for (String limit : List.of("abc", CANARY, "1.5", "99999999999")) {
            refused(as("irene").queryParam("limit", limit).get("/ledger"), "limit");
        }
        // An empty limit= is no limit at all (the framework passes no value): the default page size applies.
        as("irene").queryParam("limit", "").get("/ledger").then().statusCode(200);
        // Still checked together with the other filters, and a good limit still works.
        refused(as("irene").queryParam("limit", "0").queryParam("case", "x").get("/ledger"), "limit");
        as("irene").queryParam("limit", "1").get("/ledger").then().statusCode(200);
    }

    /** Issue 13, finding 7: {@code GET /ledger?actor=%00} was a 500. */
    @Test
    void controlCharactersInFiltersAreA400NamingTheFilter() {
        for (String filter : List.of("actor", "organisation", "type", "case", "from", "to", "cursor", "limit")) {
            for (String value : List.of("\u0000", "a\u0000" + CANARY, "\u001b[2J", "\u007f")) {
                refused(as("irene").queryParam(filter, value).get("/ledger"), filter);
            }
        }
        // Tab and line breaks are not refused as control characters (an actor with them simply matches nothing).
        as("irene").queryParam("actor", "a\tb\nc").get("/ledger").then().statusCode(200);
    }

    /** Issue 13, finding 7: a NUL in the path is a 400 naming it; a malformed id stays the never-existed 404. */
    @Test
    void controlCharactersInTheCaseIdOfATimelineAreA400() {
        for (String id : List.of("\u0000", UUID.randomUUID() + "\u0000")) {
            refused(as("pierre").get("/cases/{id}/timeline", id), "id");
            refused(io.restassured.RestAssured.given().get("/cases/{id}/timeline", id), "id");
        }
        // (Or, while no heartbeat from access has arrived, the same 503 for both.)
        Response neverExisted = as("pierre").get("/cases/" + UUID.randomUUID() + "/timeline");
        Response malformed = as("pierre").get("/cases/not-a-uuid/timeline");
        assertThat(malformed.statusCode()).isIn(404, 503).isEqualTo(neverExisted.statusCode());
        assertThat(malformed.asString()).isEqualTo(neverExisted.asString());
    }

    private static void refused(Response response, String field) {
        assertThat(response.statusCode()).as(field).isEqualTo(400);
        assertThat(response.contentType()).as(field).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class))
                .as(field)
                .contains(field);
        assertThat(response.asString()).as(field).doesNotContain(CANARY).doesNotContain("Exception");
        assertThat(response.jsonPath().getMap("$")).as(field).isNotEmpty().isInstanceOf(Map.class);
    }
}
