package org.parley.cases.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** A case's life through the API as its lead lives it: open, read, edit, add to the timeline, delete. */
@QuarkusTest
class CaseLifecycleTest {

    static final Class<?> STACK = CasesTestResource.class;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CaseService cases;

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    @Test
    @TestSecurity(user = "lc-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lc-lead"), @Claim(key = "org", value = "ifit")})
    void everySeedIsAcceptedAsItIsAndReadsBackWhole() throws IOException {
        Path seeds = Path.of("../../seeds/cases");
        List<Path> files;
        try (Stream<Path> listing = Files.list(seeds)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            JsonNode seed = JSON.readTree(file.toFile());
            String id = given().contentType(ContentType.JSON)
                    .body(seed.get("case").toString())
                    .post("/cases")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/cases/"))
                    .header("ETag", "\"1\"")
                    .body("header.tier", equalTo("SECRET"))
                    .body("header.resultsReleased", equalTo(false))
                    .body("version", equalTo(1))
                    .extract()
                    .path("id");
            for (JsonNode entry : seed.get("timeline")) {
                given().contentType(ContentType.JSON)
                        .body(entry.toString())
                        .post("/cases/" + id + "/process/timeline")
                        .then()
                        .statusCode(201)
                        .body("id", notNullValue());
            }
            long version = 1 + seed.get("timeline").size();
            for (String section : List.of("context", "process", "results")) {
                given().contentType(ContentType.JSON)
                        .header("If-Match", "\"" + version + "\"")
                        .body(seed.get("coded").get(section).toString())
                        .put("/cases/" + id + "/coded/" + section)
                        .then()
                        .statusCode(200);
                version++;
            }
            JsonNode read = JSON.readTree(given().get("/cases/" + id + "/coded")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            JsonNode sent = withoutNulls(seed.get("case"));
            assertThat(read.get("header").get("title"))
                    .isEqualTo(sent.get("header").get("title"));
            assertThat(withoutNulls(read.get("header")).get("period"))
                    .isEqualTo(sent.get("header").get("period"));
            assertThat(read.get("context")).isEqualTo(seed.get("coded").get("context"));
            assertThat(read.get("results")).isEqualTo(seed.get("coded").get("results"));
            JsonNode process = read.get("process").deepCopy();
            assertThat(process.get("timeline")).hasSize(seed.get("timeline").size());
            ((com.fasterxml.jackson.databind.node.ObjectNode) process).remove("timeline");
            assertThat(process).isEqualTo(seed.get("coded").get("process"));
            // the first shape reads the same case, derived from the coded one
            given().get("/cases/" + id)
                    .then()
                    .statusCode(200)
                    .body(
                            "header.title",
                            equalTo(sent.get("header").get("title").asText()));
            assertThat(read.get("version").asLong()).isEqualTo(version);
        }
    }

    @Test
    @TestSecurity(user = "lc-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lc-lead"), @Claim(key = "org", value = "ifit")})
    void editsFollowMergePatchAndIfMatch() {
        String id = create("lifecycle edit");
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"title\":\"Renamed\",\"period\":{\"end\":\"2013-01-01\"}}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("header.title", equalTo("Renamed"))
                .body("header.period.start", equalTo("2010-01-01"))
                .body("header.period.end", equalTo("2013-01-01"))
                .body("header.region", equalTo("Somewhere"));
        // The same If-Match again: the case has moved on.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"title\":\"Lost update\"}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body("{\"region\":null}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(200)
                .body("header.region", equalTo(null))
                .body("header.title", equalTo("Renamed"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "W/\"3\"")
                .body("{\"negotiatingEntity\":{\"type\":\"CHURCH\",\"name\":\"Bishops\"}}")
                .patch("/cases/" + id + "/context")
                .then()
                .statusCode(200)
                .body("context.negotiatingEntity.type", equalTo("CHURCH"))
                .body("context.precedents", org.hamcrest.Matchers.hasSize(0));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"4\"")
                .body("{\"tier\":\"PUBLICLY_KNOWN\"}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tier"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"4\"")
                .body("{\"timeline\":[]}")
                .patch("/cases/" + id + "/process")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeline"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"4\"")
                .body("{\"dealReached\":true}")
                .patch("/cases/" + id + "/interviews")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "lc-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lc-lead"), @Claim(key = "org", value = "ifit")})
    void timelineKeepsDateOrderAndDeleteMakesTheCaseNeverHaveExisted() {
        String id = create("lifecycle timeline");
        for (String date : List.of("2011-05-01", "2010-02-01", "2011-05-01")) {
            given().contentType(ContentType.JSON)
                    .body("{\"date\":\"" + date + "\",\"kind\":\"MEETING\",\"summary\":\"Meeting " + date + "\"}")
                    .post("/cases/" + id + "/process/timeline")
                    .then()
                    .statusCode(201);
        }
        given().get("/cases/" + id)
                .then()
                .statusCode(200)
                .body("process.timeline.date", equalTo(List.of("2010-02-01", "2011-05-01", "2011-05-01")));
        given().header("If-Match", "\"1\"").delete("/cases/" + id).then().statusCode(412);
        given().delete("/cases/" + id).then().statusCode(204);
        String gone =
                given().get("/cases/" + id).then().statusCode(404).extract().asString();
        String never = given().get("/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(gone).isEqualTo(never);
        given().get("/cases?q=lifecycle")
                .then()
                .statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    @TestSecurity(user = "lc-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "lc-partner"), @Claim(key = "org", value = "oas")})
    void onlyStaffOpenCases() {
        given().contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"x\",\"country\":\"MX\",\"period\":{\"start\":\"2010-01-01\"},"
                        + "\"status\":\"ACTIVE\"}}")
                .post("/cases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void openingACaseWritesItsPolicyAndExactlyOneCaseOpenedInTheSameTransaction() throws SQLException {
        Viewer lead = Viewer.signedIn("lc-outbox", "ifit", Set.of(Role.STAFF));
        String id = cases.create(lead, Sample.withMarkers("outbox", "MX", EntityType.CHURCH, GroupType.MAFIA))
                .id();
        try (Connection db = Jdbc.connectToTestDatabase("cases")) {
            assertThat(count(db, "SELECT count(*) FROM case_file WHERE id = ?::uuid", id))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM case_policy WHERE case_id = ?::uuid AND tier = 'SECRET'"
                                    + " AND policy_version = 1 AND owning_organisation = 'ifit'",
                            id))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM case_team_member WHERE case_id = ?::uuid"
                                    + " AND subject = 'lc-outbox' AND role = 'LEAD'",
                            id))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM outbox_event WHERE message_key = ? AND event_type = 'CaseOpened'"
                                    + " AND topic = 'parley.cases.v1'",
                            id))
                    .isEqualTo(1);
            // now() is the transaction's start: the policy row and the event share it only if one
            // transaction wrote both.
            assertThat(count(
                            db,
                            "SELECT count(*) FROM case_policy p JOIN outbox_event o ON o.message_key = ?"
                                    + " AND o.event_type = 'CaseOpened' WHERE p.case_id = ?::uuid"
                                    + " AND p.updated_at = o.created_at",
                            id,
                            id))
                    .isEqualTo(1);
        }
    }

    /** The API writes absent values as null and absent lists as []; the seeds leave both out. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()
                        && !(field.getValue().isArray() && field.getValue().isEmpty())) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    static long count(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String create(String title) {
        return given().contentType(ContentType.JSON)
                .body("{\"header\":{\"title\":\"" + title + "\",\"country\":\"MX\",\"region\":\"Somewhere\","
                        + "\"period\":{\"start\":\"2010-01-01\"},\"status\":\"ACTIVE\"}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .body("$", hasKey("context"))
                .extract()
                .path("id");
    }
}
