package org.parley.cases.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.ImportReport;
import org.parley.cases.export.CsvColumns;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Http;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ImportMade;
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /cases/import on the real stack: the dry run's report, all or nothing, reruns, round trips through the export
 * (JSON and CSV), updates, matching that never reveals a hidden case, malformed files and the limits, and who may.
 */
@QuarkusTest
class ImportTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** Every case of this class is in this country, so the list can be narrowed to them. */
    static final String COUNTRY = "FJ";

    static final String OWNER = "ifit";
    static final String LEAD = "im-lead";

    @Inject
    Imports imports;

    final ObjectMapper json = new ObjectMapper();

    /** A reference no other test run used. */
    private static String reference(String name) {
        // one word, so a text query of the export finds the cases whose title holds it
        return "im" + name + UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    // --- the report, all or nothing, reruns ---

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void aDryRunReportsEveryRowAndWritesNothing() throws Exception {
        long before = listed();
        ArrayNode file = json.createArrayNode()
                .add(document(reference("dry1"), "Dry one"))
                .add(document(reference("dry2"), "Dry two"));
        ((ObjectNode) file.get(1).get("context")).put("level", "GLOBAL");
        file.add(json.createObjectNode().put("externalReference", "").set("header", header("No reference")));

        Response response = post(file, null);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        ImportReport report = response.as(ImportReport.class);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.rows())
                .extracting(ImportReport.Row::row, row -> row.action().name())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "CREATE"),
                        org.assertj.core.groups.Tuple.tuple(2, "ERROR"),
                        org.assertj.core.groups.Tuple.tuple(3, "ERROR"));
        assertThat(report.rows().get(0).caseId()).isNull();
        assertThat(report.rows().get(1).errors())
                .containsExactly(new ImportReport.FieldError(
                        "context.level", "must be one of [LOCAL, SUBNATIONAL," + " NATIONAL]"));
        assertThat(report.rows().get(2).errors())
                .extracting(ImportReport.FieldError::field)
                .containsExactly("externalReference");
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).isEqualTo(2);
        assertThat(listed()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void aBadRowInTheMiddleImportsNothing() throws Exception {
        long before = listed();
        long outboxBefore = outboxRows();
        ObjectNode bad = document(reference("mid"), "Middle");
        ((ObjectNode) bad.get("header")).remove("title");
        ((ObjectNode) bad.get("results").get("effects").get(0)).put("before", -3);
        ArrayNode file = json.createArrayNode()
                .add(document(reference("first"), "First"))
                .add(bad)
                .add(document(reference("last"), "Last"));

        Response response = post(file, false);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.asString());
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("detail").asText()).contains("nothing was imported");
        JsonNode refused = problem.path("rows").get(1);
        assertThat(refused.path("row").asInt()).isEqualTo(2);
        assertThat(refused.path("action").asText()).isEqualTo("ERROR");
        assertThat(refused.path("errors").findValuesAsText("field"))
                .contains("header.title", "results.effects[0].before");
        assertThat(problem.path("rows").get(0).path("action").asText()).isEqualTo("CREATE");
        assertThat(problem.path("rows").get(0).path("caseId").isNull()).isTrue();
        assertThat(listed()).isEqualTo(before);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void aRerunCreatesNothingTwice() throws Exception {
        long before = listed();
        ArrayNode file = json.createArrayNode()
                .add(document(reference("once1"), "Once one"))
                .add(document(reference("once2"), "Once two"));

        ImportReport first = imported(file);
        assertThat(first.created()).isEqualTo(2);
        assertThat(listed()).isEqualTo(before + 2);
        String id = first.rows().get(0).caseId();
        // the importer is the lead, as after POST /cases; the case opened with the same event
        JsonNode coded = json.readTree(given().get("/cases/" + id + "/coded")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(coded.path("externalReference").asText())
                .isEqualTo(file.get(0).path("externalReference").asText());
        assertThat(coded.path("header").path("tier").asText()).isEqualTo("SECRET");
        assertThat(coded.path("process").path("timeline")).hasSize(1);
        assertThat(eventTypes(id)).startsWith("CaseOpened").contains("ProcessEntryAdded");
        assertThat(teamRole(id, LEAD)).isEqualTo("LEAD");
        ImportMade made = lastImportMade(LEAD);
        assertThat(made.getRowCount()).isEqualTo(2);
        assertThat(made.getCreated()).isEqualTo(2);
        assertThat(made.getFormat()).isEqualTo("json");

        ImportReport again = imported(file);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.rows())
                .extracting(ImportReport.Row::caseId)
                .containsExactly(
                        first.rows().get(0).caseId(), first.rows().get(1).caseId());
        assertThat(listed()).isEqualTo(before + 2);
    }

    // --- round trips and updates ---

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void theJsonExportImportsBackUnchanged() throws Exception {
        String tag = reference("rtj");
        ImportReport created = imported(json.createArrayNode()
                .add(document(tag + "a", "Round trip " + tag))
                .add(document(tag + "b", "Round trip " + tag)));
        assertThat(created.created()).isEqualTo(2);

        String exported = export("json", tag);
        assertThat(json.readTree(exported).path("cases")).hasSize(2);
        Response response = given().contentType(ContentType.JSON)
                .queryParam("dryRun", false)
                .body(exported)
                .post("/cases/import");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        ImportReport again = response.as(ImportReport.class);
        assertThat(again.rows()).extracting(row -> row.action().name()).containsExactly("UNCHANGED", "UNCHANGED");
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void theCsvExportImportsBackUnchangedAndACsvCreatesCases() throws Exception {
        String tag = reference("rtc");
        // cases made from JSON, blocks of two entries included, come back unchanged through the CSV
        imported(json.createArrayNode().add(document(tag + "a", "Csv trip " + tag)));
        String csv = export("csv", tag);
        assertThat(csv).startsWith("# Parley export ");
        ImportReport again = postCsv(csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(again.rows()).extracting(row -> row.action().name()).containsExactly("UNCHANGED");

        // a hand-made CSV creates a case, and its own export imports back unchanged
        Map<String, String> row = emptyRow();
        row.put("externalReference", tag + "csv");
        row.put("title", "Made in a spreadsheet " + tag + "csv");
        row.put("country", COUNTRY);
        row.put("period", "2014/2015-02");
        row.put("header.status", "ACTIVE");
        row.put("context.level", "NATIONAL");
        row.put("context.settings", "URBAN;PRISON");
        // cells a spreadsheet would run as formulas: kept as typed, exported guarded, read back the same
        row.put("context.groups.name", "@North\\; the first;South");
        row.put("context.groups.type", "MAFIA;CARTEL");
        row.put("context.groups.estimatedSize", "300..400;120");
        row.put("process.timeline.date", "2014-05");
        row.put("process.timeline.kind", "MEETING");
        row.put("process.timeline.summary", "=1+2, said the mediator");
        ImportReport made = postCsv(csv(List.of(row)), false);
        assertThat(made.rows().get(0).action().name()).as(made.toString()).isEqualTo("CREATE");
        JsonNode coded =
                json.readTree(given().get("/cases/" + made.rows().get(0).caseId() + "/coded")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(coded.path("header").path("period").path("end").asText()).isEqualTo("2015-02");
        assertThat(coded.path("context").path("settings").toString()).isEqualTo("[\"URBAN\",\"PRISON\"]");
        assertThat(coded.path("context").path("groups").get(0).path("name").asText())
                .isEqualTo("@North; the first");
        assertThat(coded.path("process").path("timeline").get(0).path("summary").asText())
                .isEqualTo("=1+2, said the mediator");
        assertThat(coded.path("context")
                        .path("groups")
                        .get(0)
                        .path("estimatedSize")
                        .toString())
                .isEqualTo("{\"low\":300,\"high\":400}");
        assertThat(coded.path("process").path("timeline").get(0).path("date").asText())
                .isEqualTo("2014-05");
        String exportedCsv = export("csv", tag + "csv");
        Map<String, String> exportedRow = csvRows(exportedCsv).get(0);
        assertThat(exportedRow.get("context.groups.name")).startsWith("'@North");
        assertThat(exportedRow.get("process.timeline.summary")).isEqualTo("'=1+2, said the mediator");
        ImportReport rerun = postCsv(exportedCsv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(rerun.rows()).extracting(r -> r.action().name()).containsExactly("UNCHANGED");
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void anUpdateWritesTheSectionsThatDifferAsEdits() throws Exception {
        String ref = reference("upd");
        ObjectNode original = document(ref, "Before the update " + ref);
        String id = imported(json.createArrayNode().add(original)).rows().get(0).caseId();
        long version = version(id);
        long edits = eventTypes(id).stream().filter("CaseSectionEdited"::equals).count();

        ObjectNode changed = original.deepCopy();
        ((ObjectNode) changed.get("header")).put("title", "After the update " + ref);
        ((ObjectNode) changed.get("context")).put("level", "SUBNATIONAL");
        ((ArrayNode) changed.get("process").get("timeline"))
                .add(json.createObjectNode()
                        .put("date", "2012-01-05")
                        .put("kind", "AGREEMENT")
                        .put("summary", "Signed"));
        changed.remove("results");
        ImportReport dry = report(post(json.createArrayNode().add(changed), true));
        assertThat(dry.rows().get(0).action().name()).isEqualTo("UPDATE");
        assertThat(version(id)).isEqualTo(version);

        ImportReport report = imported(json.createArrayNode().add(changed));
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.rows().get(0).caseId()).isEqualTo(id);
        // HEADER and CONTEXT edited, one entry added: three versions, as three single edits would make
        assertThat(version(id)).isEqualTo(version + 3);
        List<String> events = eventTypes(id);
        assertThat(events.stream().filter("CaseSectionEdited"::equals).count()).isEqualTo(edits + 2);
        JsonNode coded = json.readTree(given().get("/cases/" + id + "/coded")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(coded.path("header").path("title").asText()).isEqualTo("After the update " + ref);
        assertThat(coded.path("context").path("level").asText()).isEqualTo("SUBNATIONAL");
        assertThat(coded.path("process").path("timeline")).hasSize(2);
        // a section the file left out is left as it was
        assertThat(coded.path("results").path("dealReached").asBoolean()).isTrue();

        // a CSV row changes only its differing cell: the context's citations of other values stay
        Map<String, String> row = csvRows(export("csv", ref)).get(0);
        row.put("context.polarisation", "HIGH");
        ImportReport csv = postCsv(csv(List.of(row)), false);
        assertThat(csv.rows().get(0).action().name()).as(csv.toString()).isEqualTo("UPDATE");
        JsonNode after = json.readTree(given().get("/cases/" + id + "/coded")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(after.path("context").path("polarisation").asText()).isEqualTo("HIGH");
        assertThat(after.path("context").path("sources").path("level")).hasSize(1);
        assertThat(version(id)).isEqualTo(version + 4);
    }

    // --- matching never reveals a hidden case ---

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void aVisibleCaseOfAnotherTeamIsRefusedByName() throws Exception {
        String ref = reference("other");
        Viewer colleague = Viewer.signedIn("im-colleague", OWNER, Set.of(Role.STAFF));
        String theirs = imports.run(
                        colleague,
                        "json",
                        JsonImportFile.read(
                                bytes(json.createArrayNode().add(document(ref, "A colleague's case"))), json),
                        false)
                .rows()
                .get(0)
                .caseId();
        // public now, so the importer sees it, but is not on its team
        AccessStub.setPolicy(
                theirs, OWNER, Tier.PUBLICLY_KNOWN, true, Map.of("im-colleague", TeamRole.LEAD), List.of());
        long before = listed();

        ImportReport report = report(post(json.createArrayNode().add(document(ref, "Mine")), true));
        assertThat(report.errors()).isEqualTo(1);
        ImportReport.Row row = report.rows().get(0);
        assertThat(row.caseId()).isEqualTo(theirs);
        assertThat(row.errors())
                .containsExactly(new ImportReport.FieldError("externalReference", "you are not on this case's team"));
        Response real = post(json.createArrayNode().add(document(ref, "Mine")), false);
        assertThat(real.statusCode()).isEqualTo(422);
        assertThat(real.asString()).contains("you are not on this case's team");
        assertThat(listed()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void aCaseTheImporterMayNotSeeAnswersAsNoMatch() throws Exception {
        String hidden = reference("hidden");
        String unused = reference("unused");
        Viewer stranger = Viewer.signedIn("im-stranger", "medic-ngo", Set.of(Role.STAFF));
        String theirs = imports.run(
                        stranger,
                        "json",
                        JsonImportFile.read(bytes(json.createArrayNode().add(document(hidden, "A hidden case"))), json),
                        false)
                .rows()
                .get(0)
                .caseId();
        long theirVersion = version(theirs);

        // the dry runs of a hidden reference and of one never used answer alike, byte for byte but the reference
        String withHidden = Http.fingerprint(post(json.createArrayNode().add(document(hidden, "Mine")), true));
        String withUnused = Http.fingerprint(post(json.createArrayNode().add(document(unused, "Mine")), true));
        assertThat(withHidden.replace(hidden, "REF")).isEqualTo(withUnused.replace(unused, "REF"));
        assertThat(withHidden).doesNotContain(theirs);

        // and the real import makes a case of the importer's own, leaving the hidden one as it was
        ImportReport report = imported(json.createArrayNode().add(document(hidden, "Mine")));
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rows().get(0).caseId()).isNotEqualTo(theirs);
        assertThat(version(theirs)).isEqualTo(theirVersion);
        assertThat(imported(json.createArrayNode().add(document(hidden, "Mine")))
                        .unchanged())
                .isEqualTo(1);
    }

    // --- malformed files and limits: 4xx, never 5xx ---

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void malformedCsvIsRefusedNamingWhatIsWrong() throws Exception {
        Map<String, String> good = emptyRow();
        good.put("externalReference", reference("csvbad"));
        good.put("title", "A good row");
        good.put("country", COUNTRY);
        good.put("period", "2014/");
        good.put("header.status", "ACTIVE");
        byte[] file = csv(List.of(good));
        String text = new String(file, StandardCharsets.UTF_8);

        // a byte order mark and the watermark line are accepted
        byte[] bom = ("\uFEFF# Parley export format=csv\n" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(postCsv(bom, true).rows().get(0).action().name()).isEqualTo("CREATE");

        badCsv(text.replace("A good row", "\"A good row"), "malformed");
        byte[] latin1 = text.replace("A good row", "Año").getBytes(StandardCharsets.ISO_8859_1);
        badCsv(latin1, "UTF-8");
        badCsv(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0}, "control characters");
        badCsv(text.replace("externalReference", "reference"), "reference");
        badCsv(text + text.substring(text.indexOf('\n') + 1), "repeats the external reference of row 1");
        String cell = "x".repeat(1_000_000);
        Response huge = postCsvRaw(text.replace("A good row", cell).getBytes(StandardCharsets.UTF_8), true);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.asString())
                .contains("row 1, column title")
                .contains("64 KiB")
                .doesNotContain("xxxx");

        StringBuilder many = new StringBuilder(text.substring(0, text.indexOf('\n') + 1));
        String line = text.substring(text.indexOf('\n') + 1);
        for (int i = 0; i < 1001; i++) {
            many.append(line.replace(good.get("externalReference"), "r" + i));
        }
        Response tooMany = postCsvRaw(many.toString().getBytes(StandardCharsets.UTF_8), true);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.asString()).contains("1000");
    }

    @Test
    @TestSecurity(user = LEAD, roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = LEAD), @Claim(key = "org", value = OWNER)})
    void malformedJsonAndTheLimitsAreRefused() throws Exception {
        for (String body : List.of("[{\"externalReference\": \"a\",", "{\"cases\": 3}", "\"text\"", "")) {
            Response response = given().contentType(ContentType.JSON)
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/cases/import");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        ArrayNode many = json.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            many.add(json.createObjectNode().put("externalReference", "r" + i));
        }
        Response tooMany = post(many, true);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.asString()).contains("at most 1000");

        ArrayNode repeated = json.createArrayNode().add(document("same", "A")).add(document("same", "B"));
        Response twice = post(repeated, true);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.asString()).contains("row 2, externalReference").doesNotContain("\"same\"");

        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        Response tooLarge = given().contentType(ContentType.JSON).body(big).post("/cases/import");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "no")
                .body("[]")
                .post("/cases/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("dryRun"));
        given().contentType(ContentType.XML)
                .body("<a/>")
                .post("/cases/import")
                .then()
                .statusCode(415);
    }

    @Test
    void anonymousCallersAreUnauthorised() {
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/cases/import")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "im-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "im-partner"), @Claim(key = "org", value = "oas")})
    void partnersMayNotImport() {
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/cases/import")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    // --- helpers ---

    private ObjectNode header(String title) {
        ObjectNode header = json.createObjectNode()
                .put("title", title)
                .put("country", COUNTRY)
                .put("region", "Suva")
                .put("status", "ACTIVE");
        header.putObject("period").put("start", "2011").put("end", "2012-06");
        return header;
    }

    /** A case document as the export writes it: every section, blocks of two entries, a citation, a timeline. */
    private ObjectNode document(String reference, String title) {
        ObjectNode document = json.createObjectNode().put("externalReference", reference);
        document.set("header", header(title).put("tier", "SECRET").put("resultsReleased", false));
        ObjectNode context = document.putObject("context").put("level", "LOCAL");
        context.putArray("groups")
                .add(json.createObjectNode().put("name", "North").put("type", "MAFIA"))
                .add(json.createObjectNode().put("name", "South").put("type", "CARTEL"));
        context.putObject("sources")
                .putArray("level")
                .add(json.createObjectNode().put("publication", "A report").put("page", "12"));
        ObjectNode process = document.putObject("process");
        process.putObject("verification")
                .putArray("methods")
                .add("KNOWN_LEADERS")
                .add("INTELLIGENCE");
        process.putArray("timeline")
                .add(json.createObjectNode()
                        .put("id", UUID.randomUUID().toString())
                        .put("date", "2011-03")
                        .put("kind", "MEETING")
                        .put("summary", "First meeting"));
        ObjectNode results = document.putObject("results").put("dealReached", true);
        ObjectNode effect = results.putArray("effects").addObject().put("indicator", "HOMICIDES");
        effect.put("before", 14);
        effect.putObject("after").put("low", 5).put("high", 6);
        return document;
    }

    private byte[] bytes(JsonNode body) throws Exception {
        return json.writeValueAsBytes(body);
    }

    private Response post(JsonNode body, Boolean dryRun) throws Exception {
        var request = given().contentType(ContentType.JSON).body(bytes(body));
        if (dryRun != null) {
            request.queryParam("dryRun", dryRun);
        }
        return request.post("/cases/import");
    }

    private static ImportReport report(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.as(ImportReport.class);
    }

    private ImportReport imported(JsonNode body) throws Exception {
        ImportReport report = report(post(body, false));
        assertThat(report.dryRun()).isFalse();
        return report;
    }

    private static Response postCsvRaw(byte[] body, boolean dryRun) {
        return given().contentType("text/csv")
                .queryParam("dryRun", dryRun)
                .body(body)
                .post("/cases/import");
    }

    private static ImportReport postCsv(byte[] body, boolean dryRun) {
        return report(postCsvRaw(body, dryRun));
    }

    private static void badCsv(String body, String said) {
        badCsv(body.getBytes(StandardCharsets.UTF_8), said);
    }

    private static void badCsv(byte[] body, String said) {
        Response response = postCsvRaw(body, true);
        assertThat(response.statusCode()).as(said + ": " + response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).contains(said);
    }

    /** A row of every export column, all empty. */
    private static Map<String, String> emptyRow() {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        CsvColumns.NAMES.forEach(name -> row.put(name, ""));
        return row;
    }

    /** Rows as a CSV file with the export's header row (and quoting). */
    private static byte[] csv(List<Map<String, String>> rows) throws Exception {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CsvColumns.NAMES.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvMapper().writer(schema.build()).writeValues(out).writeAll(rows).close();
        return out.toByteArray();
    }

    /** The CSV's rows by column name (the watermark is a comment line). */
    private static List<Map<String, String>> csvRows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments())
                .readValues(csv)) {
            return new ArrayList<>(rows.readAll().stream()
                    .map(row -> (Map<String, String>) new java.util.LinkedHashMap<>(row))
                    .toList());
        }
    }

    /** The export, narrowed to this class's country and a text of its cases. */
    private static String export(String format, String words) {
        Response response = given().queryParam("format", format)
                .queryParam("ceiling", "SECRET")
                .queryParam("country", COUNTRY)
                .queryParam("q", words)
                .get("/cases/export");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.asString();
    }

    /** How many of this class's cases the list shows the caller. */
    private static long listed() {
        return given().queryParam("country", COUNTRY)
                .queryParam("limit", 1)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    private static long version(String id) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement("SELECT version FROM case_file WHERE id = ?::uuid")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getLong(1);
            }
        }
    }

    private static String teamRole(String id, String subject) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT role FROM case_team_member WHERE case_id = ?::uuid AND subject = ?")) {
            statement.setString(1, id);
            statement.setString(2, subject);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** The event types of one case in the outbox, oldest first. */
    private static List<String> eventTypes(String id) throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement =
                        db.prepareStatement("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id")) {
            statement.setString(1, id);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private static long outboxRows() throws SQLException {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM outbox_event");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ImportMade lastImportMade(String subject) throws Exception {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE event_type = 'ImportMade' ORDER BY id DESC LIMIT 1");
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            Envelope envelope = Envelope.parseFrom(rows.getBytes(1));
            assertThat(envelope.getActor().getSubject()).isEqualTo(subject);
            assertThat(envelope.getCaseId()).isEmpty();
            return envelope.getImportMade();
        }
    }
}
