package org.parley.cases.web;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.search.ListQuery;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.testing.Jdbc;
import org.parley.testing.RawRequest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is a 4xx problem naming the field, never a 500, never an echo of the value, and it writes
 * nothing: the rows of every table are counted before and after.
 */
@QuarkusTest
@TestSecurity(user = "bi-lead", roles = "staff")
@OidcSecurity(claims = {@Claim(key = "sub", value = "bi-lead"), @Claim(key = "org", value = "ifit")})
class BadInputTest {

    static final Class<?> STACK = CasesTestResource.class;
    /** Put in bad bodies: it must never come back in an answer. */
    static final String CANARY = "CANARYVALUE";

    private static final String HEADER =
            "{\"title\":\"T\",\"country\":\"MX\",\"period\":{\"start\":\"2010-01-01\"}," + "\"status\":\"ACTIVE\"}";

    private String caseId;

    @TestHTTPResource(value = "/health", management = true)
    URL managementHealth;

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        caseId = given().contentType(ContentType.JSON)
                .body("{\"header\":" + HEADER + "}")
                .post("/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void badCaseBodies() throws SQLException {
        Map<String, Long> before = rowCounts();
        List<Bad> bodies = List.of(
                new Bad("malformed JSON", "{\"header\":", 400, null),
                new Bad("not an object", "[1,2]", 400, null),
                new Bad("empty", "", 400, null),
                new Bad("no header", "{}", 400, "header"),
                new Bad(
                        "unknown enum",
                        HEADER.replace("ACTIVE", CANARY).transform(BadInputTest::wrap),
                        400,
                        "header.status"),
                new Bad(
                        "unknown field",
                        wrap(HEADER.replace("{\"title\"", "{\"bogus\":\"" + CANARY + "\",\"title\"")),
                        400,
                        "header.bogus"),
                new Bad(
                        "tier is not settable",
                        wrap(HEADER.replace("{\"title\"", "{\"tier\":\"PUBLICLY_KNOWN\",\"title\"")),
                        400,
                        "header.tier"),
                new Bad("top-level unknown", "{\"header\":" + HEADER + ",\"policy\":{}}", 400, "policy"),
                new Bad(
                        "title too long",
                        wrap(HEADER.replace("\"T\"", "\"" + "t".repeat(301) + "\"")),
                        400,
                        "header.title"),
                new Bad("blank title", wrap(HEADER.replace("\"T\"", "\"  \"")), 400, "header.title"),
                new Bad(
                        "text too long",
                        wrap(HEADER.replace("{\"title\"", "{\"region\":\"" + "r".repeat(10_001) + "\",\"title\"")),
                        400,
                        "header.region"),
                new Bad(
                        "list too long",
                        "{\"header\":" + HEADER + ",\"context\":{\"precedents\":["
                                + String.join(",", java.util.Collections.nCopies(201, "\"p\"")) + "]}}",
                        400,
                        "context.precedents"),
                new Bad(
                        "blank list item",
                        "{\"header\":" + HEADER + ",\"results\":{\"terms\":[\"ok\",\"\"]}}",
                        400,
                        "results.terms[1]"),
                new Bad("bad country", wrap(HEADER.replace("\"MX\"", "\"XX\"")), 400, "header.country"),
                new Bad("lower-case country", wrap(HEADER.replace("\"MX\"", "\"mx\"")), 400, "header.country"),
                new Bad("alpha-3 country", wrap(HEADER.replace("\"MX\"", "\"MEX\"")), 400, "header.country"),
                new Bad(
                        "end before start",
                        wrap(HEADER.replace(
                                "{\"start\":\"2010-01-01\"}", "{\"start\":\"2010-01-01\",\"end\":\"2009-12-31\"}")),
                        400,
                        "header.period.end"),
                new Bad(
                        "impossible date",
                        wrap(HEADER.replace("2010-01-01", "2010-13-45")),
                        400,
                        "header.period.start"),
                new Bad(
                        "wrong type",
                        wrap(HEADER.replace("{\"start\":\"2010-01-01\"}", "\"" + CANARY + "\"")),
                        400,
                        "header.period"),
                new Bad(
                        "group without type",
                        "{\"header\":" + HEADER + ",\"context\":{\"criminalGroups\":[{\"name\":\"g\"}]}}",
                        400,
                        "context.criminalGroups[0].type"),
                new Bad(
                        "timeline inside process",
                        "{\"header\":" + HEADER + ",\"process\":{\"timeline\":[]}}",
                        400,
                        "process.timeline"));
        for (Bad bad : bodies) {
            Response response =
                    given().contentType(ContentType.JSON).body(bad.body()).post("/cases");
            bad.check(response);
        }
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/cases")
                .then()
                .statusCode(415);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws SQLException {
        Map<String, Long> before = rowCounts();
        String huge = "{\"header\":" + HEADER.replace("\"T\"", "\"" + "x".repeat(1_100_000) + "\"") + "}";
        Response response = given().contentType(ContentType.JSON).body(huge).post("/cases");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void badEditsAndTimelineEntries() throws SQLException {
        Map<String, Long> before = rowCounts();
        List<Object[]> patches = List.of(
                new Object[] {"header", "[1]", null},
                new Object[] {"header", "{\"title\":null}", "title"},
                new Object[] {"header", "{\"status\":\"" + CANARY + "\"}", "status"},
                new Object[] {"header", "{\"period\":{\"end\":\"1999-01-01\"}}", "period.end"},
                new Object[] {"header", "{\"resultsReleased\":true}", "resultsReleased"},
                new Object[] {"context", "{\"bogus\":\"" + CANARY + "\"}", "bogus"},
                new Object[] {"process", "{\"risks\":[{\"kind\":\"WEATHER\",\"description\":\"d\"}]}", "risks[0].kind"},
                new Object[] {"results", "{\"effects\":[{\"before\":\"1\"}]}", "effects[0].indicator"});
        for (Object[] patch : patches) {
            Response response = given().contentType(ContentType.JSON)
                    .header("If-Match", "\"1\"")
                    .body((String) patch[1])
                    .patch("/cases/" + caseId + "/" + patch[0]);
            new Bad("patch " + patch[0] + " " + patch[1], (String) patch[1], 400, (String) patch[2]).check(response);
        }
        List<Bad> entries = List.of(
                new Bad("no summary", "{\"date\":\"2011-01-01\",\"kind\":\"MEETING\"}", 400, "summary"),
                new Bad(
                        "bad kind",
                        "{\"date\":\"2011-01-01\",\"kind\":\"" + CANARY + "\",\"summary\":\"s\"}",
                        400,
                        "kind"),
                new Bad(
                        "long summary",
                        "{\"date\":\"2011-01-01\",\"kind\":\"MEETING\",\"summary\":\"" + "s".repeat(10_001) + "\"}",
                        400,
                        "summary"),
                new Bad("bad date", "{\"date\":\"yesterday\",\"kind\":\"MEETING\",\"summary\":\"s\"}", 400, "date"));
        for (Bad bad : entries) {
            bad.check(given().contentType(ContentType.JSON)
                    .body(bad.body())
                    .post("/cases/" + caseId + "/process/timeline"));
        }
        assertThat(rowCounts()).isEqualTo(before);
        given().get("/cases/" + caseId).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void badListParameters() throws SQLException {
        Map<String, Long> before = rowCounts();
        List<Map<String, Object>> params = new ArrayList<>(List.of(
                Map.of("limit", 0),
                Map.of("limit", 101),
                Map.of("limit", CANARY),
                Map.of("cursor", "!!!"),
                Map.of("cursor", java.util.Base64.getUrlEncoder().encodeToString((CANARY + "|x|y").getBytes())),
                Map.of(
                        "cursor",
                        java.util.Base64.getUrlEncoder().encodeToString("c1|2020-01-01|not-a-uuid".getBytes())),
                Map.of("country", "XX"),
                Map.of("status", CANARY),
                Map.of("tier", "TOP_SECRET"),
                Map.of("entityType", "ARMY"),
                Map.of("groupType", "gang"),
                Map.of("from", "2020-99-01"),
                Map.of("from", "2021-01-01", "to", "2020-01-01"),
                Map.of("q", "x".repeat(1001)),
                Map.of("q", "nul\u0000byte")));
        for (Map<String, Object> param : params) {
            for (String path : List.of("/cases", "/public/cases")) {
                Response response = given().queryParams(param).get(path);
                assertThat(response.statusCode()).as(path + " " + param).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.asString()).doesNotContain(CANARY);
            }
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Issue 13, finding 7: a NUL (or another control character) anywhere was a 500; it is a 400 naming the field. */
    @Test
    void controlCharactersInBodiesAreRefusedNamingTheField() throws SQLException {
        Map<String, Long> before = rowCounts();
        List<Bad> bodies = List.of(
                new Bad(
                        "NUL in title",
                        wrap(HEADER.replace("\"T\"", "\"T\\u0000" + CANARY + "\"")),
                        400,
                        "header.title"),
                new Bad(
                        "NUL in region",
                        wrap(HEADER.replace("{\"title\"", "{\"region\":\"r\\u0000\",\"title\"")),
                        400,
                        "header.region"),
                new Bad(
                        "bell in a precedent",
                        "{\"header\":" + HEADER + ",\"context\":{\"precedents\":[\"ok\",\"p\\u0007\"]}}",
                        400,
                        "context.precedents[1]"),
                new Bad(
                        "escape in a risk",
                        "{\"header\":" + HEADER
                                + ",\"process\":{\"risks\":[{\"kind\":\"SPOILERS\",\"description\":\"\\u001b[2J\"}]}}",
                        400,
                        "process.risks[0].description"),
                new Bad(
                        "DEL in a term",
                        "{\"header\":" + HEADER + ",\"results\":{\"terms\":[\"\\u007f\"]}}",
                        400,
                        "results.terms[0]"),
                new Bad("half a surrogate", wrap(HEADER.replace("\"T\"", "\"\\ud800\"")), 400, "header.title"));
        for (Bad bad : bodies) {
            bad.check(given().contentType(ContentType.JSON).body(bad.body()).post("/cases"));
        }
        Bad patch = new Bad(
                "NUL in a patch",
                "{\"criminalGroups\":[{\"name\":\"g\\u0000\",\"type\":\"STREET_GANG\"}]}",
                400,
                "criminalGroups[0].name");
        patch.check(given().contentType(ContentType.JSON).body(patch.body()).patch("/cases/" + caseId + "/context"));
        Bad entry = new Bad(
                "NUL in a timeline summary",
                "{\"date\":\"2011-01-01\",\"kind\":\"MEETING\",\"summary\":\"s\\u0000\"}",
                400,
                "summary");
        entry.check(given().contentType(ContentType.JSON)
                .body(entry.body())
                .post("/cases/" + caseId + "/process/timeline"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Tab and line breaks are text: multi-line fields keep them. */
    @Test
    void tabsAndLineBreaksAreText() {
        given().contentType(ContentType.JSON)
                .body("{\"header\":" + HEADER + ",\"context\":{\"precedents\":[\"line 1\\nline 2\\r\\n\\tindented\"]}}")
                .post("/cases")
                .then()
                .statusCode(201)
                .body("context.precedents[0]", org.hamcrest.Matchers.equalTo("line 1\nline 2\r\n\tindented"));
    }

    /** Issue 13, findings 7 and 10: control characters in parameters and path segments are a 400 naming them. */
    @Test
    void controlCharactersInParametersAndPathsAreRefusedNamingThem() throws SQLException {
        Map<String, Long> before = rowCounts();
        for (String param : List.of("country", "status", "from", "cursor", "limit", "team")) {
            for (String path : List.of("/cases", "/public/cases")) {
                if (param.equals("team") && path.startsWith("/public")) {
                    continue;
                }
                Response response = given().queryParam(param, "x\u0000").get(path);
                new Bad(path + "?" + param, "", 400, param).check(response);
            }
        }
        new Bad("NUL id", "", 400, "id").check(given().get("/cases/{id}", "\u0000"));
        new Bad("NUL public id", "", 400, "id").check(given().get("/public/cases/{id}", "a\u0000"));
        new Bad("NUL section", "", 400, "section")
                .check(given().contentType(ContentType.JSON)
                        .body("{}")
                        .patch("/cases/{id}/{s}", caseId, "header\u0000"));
        assertThat(rowCounts()).isEqualTo(before);
        // A malformed id without control characters is still the never-existed 404, byte for byte.
        String unknown = given().get("/cases/" + UUID.randomUUID()).asString();
        Response malformed = given().get("/cases/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.asString()).isEqualTo(unknown);
    }

    /** Issue 13, finding 8: titles and names that only look present, or that display as something else. */
    @Test
    void invisibleAndDisguisedTitlesAndNamesAreRefused() throws SQLException {
        String version = currentVersion(); // read first: the read itself is audited through the outbox
        Map<String, Long> before = rowCounts();
        List<Bad> bodies = List.of(
                new Bad("zero-width title", wrap(HEADER.replace("\"T\"", "\"\\u200b\"")), 400, "header.title"),
                new Bad(
                        "format characters only",
                        wrap(HEADER.replace("\"T\"", "\"\\u200c\\u200d\\u2060\\ufeff\\u00ad\"")),
                        400,
                        "header.title"),
                new Bad("Hangul filler", wrap(HEADER.replace("\"T\"", "\"\\u3164\"")), 400, "header.title"),
                new Bad(
                        "right-to-left override",
                        wrap(HEADER.replace("\"T\"", "\"Approved \\u202edevorppa ton\"")),
                        400,
                        "header.title"),
                new Bad(
                        "isolate",
                        wrap(HEADER.replace("\"T\"", "\"Deal \\u2067reached\\u2069\"")),
                        400,
                        "header.title"),
                new Bad(
                        "invisible region",
                        wrap(HEADER.replace("{\"title\"", "{\"region\":\"\\u200b \",\"title\"")),
                        400,
                        "header.region"),
                new Bad(
                        "invisible group name",
                        "{\"header\":" + HEADER
                                + ",\"context\":{\"criminalGroups\":[{\"name\":\"\\u200b\",\"type\":\"STREET_GANG\"}]}}",
                        400,
                        "context.criminalGroups[0].name"),
                new Bad(
                        "invisible mediator",
                        "{\"header\":" + HEADER
                                + ",\"process\":{\"mediators\":[{\"name\":\"\\u2800\",\"role\":\"MEDIATOR\"}]}}",
                        400,
                        "process.mediators[0].name"));
        for (Bad bad : bodies) {
            Response response =
                    given().contentType(ContentType.JSON).body(bad.body()).post("/cases");
            bad.check(response);
        }
        new Bad("patched title", "", 400, "title")
                .check(given().contentType(ContentType.JSON)
                        .header("If-Match", version)
                        .body("{\"title\":\"\\u202eT\"}")
                        .patch("/cases/" + caseId + "/header"));
        assertThat(rowCounts()).isEqualTo(before);
        // Visible text keeps the invisible characters it needs (a Persian zero-width non-joiner).
        given().contentType(ContentType.JSON)
                .body(wrap(HEADER.replace("\"T\"", "\"\u0645\u0630\u0627\u06a9\u0631\u0647\u200c\u0647\u0627\"")))
                .post("/cases")
                .then()
                .statusCode(201);
    }

    /** Issue 13, finding 9: period and timeline dates from 1900-01-01 to a year from today. */
    @Test
    void implausibleDatesAreRefused() throws SQLException {
        String version = currentVersion(); // read first: the read itself is audited through the outbox
        Map<String, Long> before = rowCounts();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (String date : List.of(
                "0000-01-01",
                "0001-01-01",
                "1899-12-31",
                "+99999-01-01",
                today.plusYears(2).toString())) {
            new Bad("start " + date, "", 400, "header.period.start")
                    .check(given().contentType(ContentType.JSON)
                            .body(wrap(HEADER.replace("2010-01-01", date)))
                            .post("/cases"));
            new Bad("end " + date, "", 400, "header.period.end")
                    .check(given().contentType(ContentType.JSON)
                            .body(wrap(HEADER.replace(
                                    "{\"start\":\"2010-01-01\"}",
                                    "{\"start\":\"1900-01-01\",\"end\":\"" + date + "\"}")))
                            .post("/cases"));
            new Bad("patched start " + date, "", 400, "period.start")
                    .check(given().contentType(ContentType.JSON)
                            .header("If-Match", version)
                            .body("{\"period\":{\"start\":\"" + date + "\"}}")
                            .patch("/cases/" + caseId + "/header"));
            new Bad("timeline " + date, "", 400, "date")
                    .check(given().contentType(ContentType.JSON)
                            .body("{\"date\":\"" + date + "\",\"kind\":\"MEETING\",\"summary\":\"s\"}")
                            .post("/cases/" + caseId + "/process/timeline"));
        }
        assertThat(rowCounts()).isEqualTo(before);
        given().get("/cases/" + caseId).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));
        // The edges of the range are accepted.
        given().contentType(ContentType.JSON)
                .body(wrap(HEADER.replace(
                        "{\"start\":\"2010-01-01\"}",
                        "{\"start\":\"1900-01-01\",\"end\":\""
                                + today.plusYears(1).minusDays(1) + "\"}")))
                .post("/cases")
                .then()
                .statusCode(201)
                .body("header.period.start", org.hamcrest.Matchers.equalTo("1900-01-01"));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        Response route = given().get("/nothing-here/" + UUID.randomUUID());
        assertThat(route.statusCode()).isEqualTo(404);
        assertThat(route.contentType()).startsWith("application/problem+json");
        Response method = given().contentType(ContentType.JSON).body("{}").put("/cases/" + caseId);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAddressThatIsNotAValidUriIsAProblemThatNamesNothingOfIt() throws Exception {
        // Quarkus's HTTP layer answers these with a bare 400 unless its check is off (ServiceMain; this module's
        // tests set the same property): UriSyntax answers instead, before any other route.
        for (String target : List.of(
                "/cases/%zz",
                "/cases?q=" + CANARY + "%",
                "/cases?q=%%%",
                "/public/cases?q=" + CANARY + "|x",
                "/cases/" + CANARY + "{x}",
                "/nothing-here/%A")) {
            RawRequest answer = RawRequest.get(RestAssured.port, target, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.headers().get("content-type")).as(target).startsWith("application/problem+json");
            assertThat(answer.body())
                    .as(target)
                    .contains("\"status\":400")
                    .doesNotContain(CANARY)
                    .doesNotContain("%zz");
        }
        // The management interface too: Quarkus's check is off for the whole JVM.
        RawRequest management = RawRequest.get(managementHealth.getPort(), "/q/health/%zz", null);
        assertThat(management.status()).isEqualTo(400);
        assertThat(management.headers().get("content-type")).startsWith("application/problem+json");
        // A valid escape of '%' is a query like any other.
        assertThat(given().queryParam("q", "%").get("/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchTextOfAnyScriptUpToItsLimitIsAnsweredAndOneBeyondItIsAProblemNamingTheField() throws Exception {
        // 1,000 characters of a script UTF-8 writes in three bytes take 9,000 bytes of address once escaped: past
        // Quarkus's default 4,096-byte request line, where its HTTP layer answered a bare 414 before any of our code.
        String katakana = "\u30a2".repeat(ListQuery.MAX_TEXT);
        for (String path : List.of("/cases", "/public/cases")) {
            Response answered = given().queryParam("q", katakana).get(path);
            assertThat(answered.statusCode()).as(path).isEqualTo(200);
            Response refused =
                    given().queryParam("q", katakana + "\u30a2" + CANARY).get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getList("errors.field", String.class))
                    .as(path)
                    .containsExactly("q");
            assertThat(refused.asString()).as(path).doesNotContain(CANARY).doesNotContain("\u30a2");
        }
        // Over HTTP/2 the address is a header (:path), which Vert.x's default 8 KiB header list refused with a bare
        // 431.
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String register = "http://127.0.0.1:" + RestAssured.port + "/public/cases";
        // The first request asks to upgrade (h2c); the ones after it are HTTP/2.
        http2.send(HttpRequest.newBuilder(URI.create(register)).build(), HttpResponse.BodyHandlers.discarding());
        for (String text : List.of(katakana, katakana + "\u30a2")) {
            HttpResponse<String> answer = http2.send(
                    HttpRequest.newBuilder(
                                    URI.create(register + "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String asked = "HTTP/2, " + text.length() + " characters";
            assertThat(answer.version()).as(asked).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(answer.statusCode()).as(asked).isEqualTo(text.equals(katakana) ? 200 : 400);
            assertThat(answer.headers().firstValue("content-type").orElse(""))
                    .as(asked)
                    .startsWith(text.equals(katakana) ? "application/json" : "application/problem+json");
        }
    }

    record Bad(String name, String body, int status, String field) {
        void check(Response response) {
            assertThat(response.statusCode()).as(name).isEqualTo(status);
            assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            assertThat(response.asString())
                    .as(name)
                    .doesNotContain(CANARY)
                    .doesNotContain("Exception")
                    .doesNotContain("at org.");
            if (field != null) {
                assertThat(response.jsonPath().getList("errors.field", String.class))
                        .as(name)
                        .contains(field);
            }
        }
    }

    private static String wrap(String header) {
        return "{\"header\":" + header + "}";
    }

    /** Every table's row count, the outbox and the projection included. */
    static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement statement = db.createStatement()) {
            // Whole rows, but the outbox's by event id: the relay marks rows published in the meantime.
            for (String table : List.of("case_file", "outbox_event", "case_policy", "case_team_member", "case_grant")) {
                String row = table.equals("outbox_event") ? "t.event_id::text" : "t::text";
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*), coalesce(sum(hashtext(" + row + ")), 0) FROM " + table + " t")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                    counts.put(table + " content", rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The version to name in If-Match (an update without it is a 428 before its body is looked at). */
    private String currentVersion() {
        return given().get("/cases/" + caseId).then().statusCode(200).extract().header("ETag");
    }
}
