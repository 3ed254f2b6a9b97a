package org.parley.cases.coded;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases in the codebook's shape (issue 16): written whole or patched, checked against the codebook with every refused
 * field named and nothing half-written, read back with only the sections and citations the reader may see, and the
 * first shape kept in step both ways.
 */
@QuarkusTest
class CodedCaseTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "cd" + UUID.randomUUID().toString().substring(0, 6);
    static final String OWNER = "ifit";
    static final String PARTNER = "oas";
    static final Viewer LEAD = Viewer.signedIn("cd-lead", OWNER, Set.of(Role.STAFF));
    static final String EXCERPT = "0b7f6a52-5a55-4c8e-9d0e-6d2f2a1c9e11/2";

    /** Two entities and two groups, dimensions the first shape never had, a range, citations of both kinds. */
    static final String CONTEXT = """
            {"level": "LOCAL", "settings": ["URBAN", "PRISON"],
             "entities": [
               {"type": "CHURCH", "name": "Diocese", "relativeStrength": "WEAKER", "credibleThreat": "NONE"},
               {"type": "HUMANITARIAN_NGO", "name": "Red Cross"}],
             "groups": [
               {"name": "%1$s north", "type": "STREET_GANG", "internalControl": "DECENTRALISED",
                "estimatedSize": {"low": 300, "high": 500}, "violenceMarket": "DUOPOLY",
                "sources": {"estimatedSize": [{"publication": "IFIT 2020", "page": "41", "endnote": 12},
                                               {"excerpt": "%2$s"}]}},
               {"name": "%1$s south", "type": "PRISON_GANG", "incomeSources": ["EXTORTION"]}]}
            """;

    @Inject
    CaseService cases;

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    private String open(Tier tier, boolean released, GrantSpec... grants) {
        String id = cases.create(
                        LEAD,
                        Sample.withMarkers(TAG, TAG + "x", "CO", EntityType.NATIONAL_GOVERNMENT, GroupType.CARTEL))
                .id();
        AccessStub.setPolicy(id, OWNER, tier, released, Map.of(LEAD.subject(), TeamRole.LEAD), List.of(grants));
        return id;
    }

    private static Response read(String id) {
        return given().get("/cases/" + id + "/coded");
    }

    private static Response put(String id, String section, String etag, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put("/cases/" + id + "/coded/" + section);
    }

    @Test
    @TestSecurity(user = "cd-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-lead"), @Claim(key = "org", value = OWNER)})
    void theLeadWritesEveryDimensionAndTheFirstShapeFollows() {
        String id = open(Tier.SECRET, false);
        String uncoded = open(Tier.SECRET, false);
        Response before = read(id);
        before.then().statusCode(200);
        // created in the first shape, read in the codebook's: the entity is entities[0], the groups are groups
        assertThat(before.jsonPath().getString("context.entities[0].type")).isEqualTo("NATIONAL_GOVERNMENT");
        assertThat(before.jsonPath().getString("context.groups[0].type")).isEqualTo("CARTEL");
        assertThat(before.jsonPath().getInt("results.effects[0].before")).isEqualTo(14);
        assertThat(before.jsonPath().getMap("results.effects[0].after")).isEqualTo(Map.of("low", 5, "high", 6));
        String etag = before.header("ETag");

        Response written = put(id, "context", etag, CONTEXT.formatted(TAG, EXCERPT));
        written.then().statusCode(200);
        assertThat(written.header("ETag")).isNotEqualTo(etag);
        JsonPath coded = read(id).jsonPath();
        assertThat(coded.getList("context.entities.name")).containsExactly("Diocese", "Red Cross");
        assertThat(coded.getMap("context.groups[0].estimatedSize")).isEqualTo(Map.of("low", 300, "high", 500));
        // no interviews service answers in this module's tests, and only it may say who sees an excerpt: the
        // citation fails closed, for the lead too, and the publication stays (the e2e suite asks the real one)
        assertThat(coded.getList("context.groups[0].sources.estimatedSize.publication"))
                .containsExactly("IFIT 2020");
        assertThat(read(id).asString()).doesNotContain(EXCERPT).doesNotContain("\"excerpt\"");
        assertThat(coded.getList("context.settings")).containsExactly("URBAN", "PRISON");
        // a cited excerpt's id is not searchable, for anyone: no query matches a citation a reader is not shown
        assertThat(given().queryParam("q", EXCERPT).get("/cases").jsonPath().getLong("total"))
                .isZero();
        assertThat(given().queryParam("q", TAG + " north")
                        .get("/cases")
                        .jsonPath()
                        .getList("items.id"))
                .contains(id);

        // the first shape reads the same case: entities[0] is its negotiating entity
        JsonPath v1 = given().get("/cases/" + id).jsonPath();
        assertThat(v1.getString("context.negotiatingEntity.name")).isEqualTo("Diocese");
        assertThat(v1.getList("context.criminalGroups.internalControl")).containsExactly("DECENTRALISED", null);

        // a first-shape edit keeps what only the codebook knows
        given().contentType("application/merge-patch+json")
                .header("If-Match", written.header("ETag"))
                .body("{\"precedents\": [\"An earlier truce\"]}")
                .patch("/cases/" + id + "/context")
                .then()
                .statusCode(200);
        coded = read(id).jsonPath();
        assertThat(coded.getMap("context.groups[0].estimatedSize")).isEqualTo(Map.of("low", 300, "high", 500));
        assertThat(coded.getString("context.entities[1].name")).isEqualTo("Red Cross");
        assertThat(coded.getString("context.precedents[0].description")).isEqualTo("An earlier truce");

        // a coded merge patch: lists replaced whole, null removes
        given().contentType("application/merge-patch+json")
                .header("If-Match", read(id).header("ETag"))
                .body("{\"level\": null, \"phases\": [{\"phase\": \"NEGOTIATION\", \"start\": \"2012\","
                        + " \"end\": \"2013-03\"}]}")
                .patch("/cases/" + id + "/coded/process")
                .then()
                .statusCode(200);
        coded = read(id).jsonPath();
        assertThat(coded.getString("process.phases[0].start"))
                .as("a year stays a year")
                .isEqualTo("2012");
        assertThat(coded.getString("process.phases[0].end")).isEqualTo("2013-03");
        assertThat(coded.getString("context.level")).isEqualTo("LOCAL");

        // coded facets of the new dimensions filter and count for the lead
        JsonPath list = given().queryParam("q", TAG)
                .queryParam("coded", "context.groups.violenceMarket:DUOPOLY")
                .get("/cases")
                .jsonPath();
        assertThat(list.getList("items.id")).contains(id).doesNotContain(uncoded);
        assertThat(list.getInt("facets.'process.phases.phase'.NEGOTIATION")).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "cd-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-lead"), @Claim(key = "org", value = OWNER)})
    void aHeaderPeriodKeepsThePrecisionItWasWrittenAt() {
        String id = open(Tier.SECRET, false);
        given().contentType("application/merge-patch+json")
                .header("If-Match", read(id).header("ETag"))
                .body("{\"period\": {\"start\": \"2012\", \"end\": \"2014-03\"}}")
                .patch("/cases/" + id + "/coded/header")
                .then()
                .statusCode(200);
        Response coded = read(id);
        assertThat(coded.jsonPath().getMap("header.period")).isEqualTo(Map.of("start", "2012", "end", "2014-03"));
        // the first shape reads days: the first of the start, the last of the end
        JsonPath v1 = given().get("/cases/" + id).jsonPath();
        assertThat(v1.getString("header.period.start")).isEqualTo("2012-01-01");
        assertThat(v1.getString("header.period.end")).isEqualTo("2014-03-31");
        // a first-shape edit that leaves the period keeps its precision; one that changes a date makes it a day
        given().contentType("application/merge-patch+json")
                .header("If-Match", coded.header("ETag"))
                .body("{\"title\": \"Talks " + TAG + " renamed\"}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(200);
        assertThat(read(id).jsonPath().getString("header.period.start")).isEqualTo("2012");
        given().contentType("application/merge-patch+json")
                .header("If-Match", read(id).header("ETag"))
                .body("{\"period\": {\"start\": \"2012-05-04\"}}")
                .patch("/cases/" + id + "/header")
                .then()
                .statusCode(200);
        assertThat(read(id).jsonPath().getMap("header.period"))
                .isEqualTo(Map.of("start", "2012-05-04", "end", "2014-03"));

        // a timeline entry keeps its precision too
        given().contentType(ContentType.JSON)
                .body("{\"date\": \"2013-05\", \"kind\": \"MEETING\", \"summary\": \"A meeting in May\"}")
                .post("/cases/" + id + "/process/timeline")
                .then()
                .statusCode(201)
                .body("date", org.hamcrest.Matchers.equalTo("2013-05-01"))
                .body("dateWritten", org.hamcrest.Matchers.equalTo("2013-05"));
        assertThat(read(id).jsonPath().getList("process.timeline.date")).contains("2013-05");
        given().contentType(ContentType.JSON)
                .body("{\"date\": \"2013-13\", \"kind\": \"MEETING\", \"summary\": \"x\"}")
                .post("/cases/" + id + "/process/timeline")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("date"));

        String etag = read(id).header("ETag");
        for (String[] refused : new String[][] {
            {"{\"period\": {\"start\": \"2012-13\"}}", "header.period.start"},
            {"{\"period\": {\"start\": \"2015\", \"end\": \"2014-03\"}}", "header.period.end"},
            {"{\"tier\": \"PUBLICLY_KNOWN\"}", "header.tier"},
            {"{\"title\": null}", "title"}
        }) {
            Response answer = given().contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body(refused[0])
                    .patch("/cases/" + id + "/coded/header");
            answer.then().statusCode(400);
            assertThat(answer.jsonPath().getList("errors.field").toString())
                    .as(refused[0])
                    .contains(refused[1]);
        }
        assertThat(read(id).header("ETag")).as("nothing written").isEqualTo(etag);
    }

    @Test
    @TestSecurity(user = "cd-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-lead"), @Claim(key = "org", value = OWNER)})
    void aSectionTheCodebookRefusesIsNamedFieldByFieldAndNothingIsWritten() {
        String id = open(Tier.SECRET, false);
        Response before = read(id);
        String etag = before.header("ETag");
        Response refused = put(id, "context", etag, """
                {"groups": [{"name": "A"}, {"name": "B", "internalControl": "TOTAL",
                  "estimatedSize": {"low": 9, "high": 3}}],
                 "entities": [{"type": "CHURCH", "colour": "red"}], "level": "LOCAL"}
                """);
        refused.then().statusCode(400).contentType("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field"))
                .contains(
                        "context.groups[1].internalControl",
                        "context.groups[1].estimatedSize",
                        "context.entities[0].colour");
        assertThat(refused.asString()).doesNotContain("TOTAL").doesNotContain("colour\":\"red");
        put(id, "process", etag, "{\"phases\": [{\"phase\": \"NEGOTIATION\", \"start\": \"1850\"}]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("process.phases[0].start"));
        put(id, "process", etag, "{\"timeline\": []}")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("process.timeline"));
        put(id, "summary", etag, "{}").then().statusCode(404);
        put(id, "context", null, "{}").then().statusCode(428);
        put(id, "context", "\"999\"", "{}").then().statusCode(412);
        Response after = read(id);
        assertThat(after.header("ETag")).as("nothing written").isEqualTo(etag);
        assertThat(after.jsonPath().getMap("context"))
                .isEqualTo(before.jsonPath().getMap("context"));
    }

    @Test
    @TestSecurity(user = "cd-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-lead"), @Claim(key = "org", value = OWNER)})
    void anExcerptCitationIsAbsentForAReaderOutsideTheTeam() {
        String id = open(Tier.PUBLICLY_KNOWN, false, new GrantSpec(PARTNER, GrantScope.SUMMARY, null));
        put(id, "context", read(id).header("ETag"), CONTEXT.formatted(TAG, EXCERPT))
                .then()
                .statusCode(200);

        JsonPath anonymous = given().get("/public/cases/" + id + "/coded")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(anonymous.getString("context.groups[0].name")).isEqualTo(TAG + " north");
        assertThat(anonymous.getList("context.groups[0].sources.estimatedSize.publication"))
                .containsExactly("IFIT 2020");
        assertThat(anonymous.prettify()).doesNotContain(EXCERPT).doesNotContain("\"excerpt\"");
        assertThat(anonymous.getMap("process")).as("PROCESS is never public").isNull();
        assertThat(anonymous.getMap("results")).as("results not released").isNull();

        // a case the public may not know answers the never-existed 404, the same bytes as a random id
        String secret = open(Tier.SECRET, false);
        Response hidden = given().get("/public/cases/" + secret + "/coded");
        Response never = given().get("/public/cases/" + UUID.randomUUID() + "/coded");
        hidden.then().statusCode(404);
        assertThat(hidden.asString()).isEqualTo(never.asString());
    }

    @Test
    @TestSecurity(user = "cd-partner", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-partner"), @Claim(key = "org", value = PARTNER)})
    void aPartnerSeesItsGrantsSectionsWithoutExcerptCitationsAndCannotWrite() {
        String granted = open(Tier.SECRET, false, new GrantSpec(PARTNER, GrantScope.PROCESS, null));
        String hidden = open(Tier.SECRET, false);
        asLead(granted);
        JsonPath partner = read(granted).then().statusCode(200).extract().jsonPath();
        assertThat(partner.getString("context.groups[0].violenceMarket")).isEqualTo("DUOPOLY");
        assertThat(partner.getList("context.groups[0].sources.estimatedSize.publication"))
                .containsExactly("IFIT 2020");
        assertThat(partner.prettify()).doesNotContain(EXCERPT);
        put(granted, "context", partner.getString("version"), "{}").then().statusCode(403);

        Response hiddenRead = read(hidden);
        Response neverRead = read(UUID.randomUUID().toString());
        hiddenRead.then().statusCode(404);
        assertThat(hiddenRead.asString()).isEqualTo(neverRead.asString());
        Response hiddenWrite = put(hidden, "context", "\"1\"", "{}");
        Response neverWrite = put(UUID.randomUUID().toString(), "context", "\"1\"", "{}");
        hiddenWrite.then().statusCode(404);
        assertThat(hiddenWrite.asString()).isEqualTo(neverWrite.asString());
    }

    @Test
    @TestSecurity(user = "cd-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cd-lead"), @Claim(key = "org", value = OWNER)})
    void effectsOfOneIndicatorAcrossTheCasesWhoseResultsTheReaderSees() {
        String released = open(Tier.RESULTS_PUBLIC, true);
        String secret = open(Tier.SECRET, false);
        String other = open(Tier.SECRET, false);
        String homicides = """
                {"dealReached": true, "effects": [
                  {"indicator": "HOMICIDES", "unit": "PER_DAY", "before": 14, "after": {"low": 5, "high": 6},
                   "period": "2012", "sources": {"before": [{"excerpt": "%s"}]}},
                  {"indicator": "EXTORTION", "direction": "INCREASE"}]}
                """.formatted(EXCERPT);
        for (String id : List.of(released, secret)) {
            put(id, "results", read(id).header("ETag"), homicides).then().statusCode(200);
        }
        put(other, "results", read(other).header("ETag"), "{\"effects\": [{\"indicator\": \"VIOLENT_DEATHS\"}]}")
                .then()
                .statusCode(200);

        JsonPath lead = given().queryParam("indicator", "HOMICIDES")
                .queryParam("q", TAG)
                .queryParam("limit", 100)
                .get("/cases/effects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(lead.getList("rows.id")).contains(released, secret).doesNotContain(other);
        Map<String, Object> row = lead.getMap("rows.find { it.id == '" + secret + "' }");
        assertThat(row.get("title")).isNotNull();
        List<Map<String, Object>> effects = lead.getList("rows.find { it.id == '" + secret + "' }.effects");
        assertThat(effects).hasSize(1);
        assertThat(effects.get(0)).containsEntry("before", 14).containsEntry("unit", "PER_DAY");
        assertThat(effects.get(0).get("after")).isEqualTo(Map.of("low", 5, "high", 6));
        assertThat(effects.get(0)).doesNotContainKey("sources");

        // the public register: only the released case's results, never the secret one
        JsonPath anonymous = given().queryParam("indicator", "HOMICIDES")
                .queryParam("q", TAG)
                .queryParam("limit", 100)
                .get("/public/cases/effects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(anonymous.getList("rows.id")).contains(released).doesNotContain(secret, other);

        given().queryParam("indicator", "HOMICIDES_PER_DAY")
                .get("/cases/effects")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("indicator"));
    }

    /** The lead's coded CONTEXT written straight through the service (this test runs as the partner). */
    private void asLead(String id) {
        var body = io.restassured.path.json.JsonPath.from(CONTEXT.formatted(TAG, EXCERPT));
        cases.editCoded(
                LEAD,
                id,
                org.parley.cases.casefile.SectionName.CONTEXT,
                cases.readCoded(LEAD, id).version(),
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body.getMap("")),
                false);
    }
}
