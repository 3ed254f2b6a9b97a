package org.parley.cases.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.casefile.SectionName;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Expectations;
import org.parley.cases.support.OutboxEvents;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.Section;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /cases/export against the list, the coded view and the public register it must agree with, for every
 * relationship and ceiling; its ledger entry; its watermark; its CSV's quoting; its refusals.
 */
@QuarkusTest
class ExportTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** Every case of this class is in this country, so the list and the export can be narrowed to them. */
    static final String COUNTRY = "NZ";

    static final String OWNER = "ifit";
    static final String PARTNER = "oas";
    static final String FOREIGN = "medic-ngo";
    static final String EXCERPT = "4c0e0a1e-7c51-4d39-a2a1-52a9d3d0f0aa/1";
    static final String TAG = "ex" + UUID.randomUUID().toString().substring(0, 6);
    static final String AWKWARD_TITLE = "Talks, \"quoted\" " + TAG + "\nsecond line; with a semicolon";

    /** A case of the fixtures and who sees what of it. */
    record Fixture(String id, int index, Tier tier, boolean released, GrantScope grant) {}

    private static List<Fixture> fixtures;
    private static String foreignSecret;

    @Inject
    CaseService cases;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        synchronized (ExportTest.class) {
            if (fixtures == null) {
                fixtures = createFixtures();
            }
        }
    }

    private List<Fixture> createFixtures() {
        Viewer lead = Viewer.signedIn("ex-lead", OWNER, Set.of(Role.STAFF));
        List<Fixture> created = new ArrayList<>();
        int index = 0;
        List<GrantScope> grants = new ArrayList<>();
        grants.add(null);
        grants.addAll(List.of(GrantScope.values()));
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                for (GrantScope grant : grants) {
                    String id = cases.create(
                                    lead,
                                    Sample.withMarkers(
                                            TAG, TAG + "n" + index, COUNTRY, EntityType.CHURCH, GroupType.CARTEL))
                            .id();
                    // A citation of an interview excerpt: only the interviews service may say who sees it.
                    ObjectNode context = json.createObjectNode().put("level", "LOCAL");
                    context.putObject("sources")
                            .putArray("level")
                            .add(json.createObjectNode().put("excerpt", EXCERPT));
                    cases.editCoded(lead, id, SectionName.CONTEXT, 1L, context, true);
                    AccessStub.setPolicy(
                            id,
                            OWNER,
                            tier,
                            released,
                            Map.of("ex-lead", TeamRole.LEAD, "ex-member", TeamRole.MEMBER),
                            grant == null ? List.of() : List.of(new GrantSpec(PARTNER, grant, null)));
                    created.add(new Fixture(id, index, tier, released, grant));
                    index++;
                }
            }
        }
        // A SECRET case of another organisation, in the same country: nobody here may know it exists.
        Viewer foreignLead = Viewer.signedIn("ex-foreign", FOREIGN, Set.of(Role.STAFF));
        foreignSecret = cases.create(
                        foreignLead,
                        Sample.withMarkers(TAG, TAG + "foreign", COUNTRY, EntityType.CHURCH, GroupType.CARTEL))
                .id();
        AccessStub.setPolicy(
                foreignSecret, FOREIGN, Tier.SECRET, false, Map.of("ex-foreign", TeamRole.LEAD), List.of());
        return created;
    }

    // --- every relationship: the export is the list, case by case, section by section ---

    @Test
    @TestSecurity(user = "ex-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-member"), @Claim(key = "org", value = OWNER)})
    void teamMember() throws Exception {
        exportEqualsTheList(Relationship.MEMBER);
        ceilingsHold(Relationship.MEMBER);
    }

    @Test
    @TestSecurity(
            user = "ex-admin",
            roles = {"staff", "secrecy-admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-admin"), @Claim(key = "org", value = OWNER)})
    void secrecyAdmin() throws Exception {
        exportEqualsTheList(Relationship.SECRECY_ADMIN);
        ceilingsHold(Relationship.SECRECY_ADMIN);
    }

    @Test
    @TestSecurity(user = "ex-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-partner"), @Claim(key = "org", value = PARTNER)})
    void granteeOfEachScope() throws Exception {
        exportEqualsTheList(Relationship.GRANTEE);
        ceilingsHold(Relationship.GRANTEE);
    }

    @Test
    @TestSecurity(user = "ex-staff", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-staff"), @Claim(key = "org", value = OWNER)})
    void staffOfTheOwner() throws Exception {
        exportEqualsTheList(Relationship.ORG_STAFF);
        ceilingsHold(Relationship.ORG_STAFF);
    }

    @Test
    @TestSecurity(
            user = "ex-other",
            roles = {"partner", "secrecy-admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-other"), @Claim(key = "org", value = "another-ngo")})
    void otherOrganisationEvenItsSecrecyAdmin() throws Exception {
        exportEqualsTheList(Relationship.OTHER);
        ceilingsHold(Relationship.OTHER);
    }

    /** What the policy matrix says this viewer sees of a fixture (the grantee's relationship needs a grant). */
    private static Set<Section> expected(Relationship viewer, Fixture fixture) {
        Relationship relationship =
                viewer == Relationship.GRANTEE && fixture.grant() == null ? Relationship.OTHER : viewer;
        Set<Section> sections = EnumSet.noneOf(Section.class);
        sections.addAll(Expectations.sections(
                relationship,
                fixture.tier(),
                fixture.released(),
                relationship == Relationship.GRANTEE ? fixture.grant() : null));
        sections.remove(Section.INTERVIEWS);
        return sections;
    }

    private void exportEqualsTheList(Relationship viewer) throws Exception {
        Map<String, Set<Section>> listed = listed("/cases", Map.of());
        JsonNode exported = exportJson(Map.of("ceiling", "SECRET"));
        Map<String, Set<Section>> inExport = new LinkedHashMap<>();
        for (JsonNode coded : exported.path("cases")) {
            inExport.put(coded.path("id").asText(), sectionsOf(coded));
        }
        assertThat(inExport).as(viewer + ": the export is the list").isEqualTo(listed);
        assertThat(fixtures.stream().filter(f -> !expected(viewer, f).isEmpty()))
                .as("fixtures this viewer sees")
                .isNotEmpty()
                .allMatch(f -> inExport.containsKey(f.id()));
        assertThat(new ArrayList<>(inExport.keySet()))
                .as("in the list's order")
                .isEqualTo(new ArrayList<>(listed.keySet()));
        assertThat(exported.path("meta").path("count").asLong()).isEqualTo(listed.size());
        assertThat(inExport).doesNotContainKey(foreignSecret);
        // ... and the list is the policy matrix's, so the export is too
        for (Fixture fixture : fixtures) {
            Set<Section> expected = expected(viewer, fixture);
            if (expected.isEmpty()) {
                assertThat(inExport).as(viewer + " " + fixture).doesNotContainKey(fixture.id());
            } else {
                assertThat(inExport.get(fixture.id()))
                        .as(viewer + " " + fixture)
                        .isEqualTo(expected);
            }
        }
        // Each case is the coded view this reader gets. No interviews service answers in this module's tests, so
        // no reader is answered an excerpt citation, members included (fail closed; the e2e suite asks the real one).
        for (JsonNode coded : exported.path("cases")) {
            String id = coded.path("id").asText();
            JsonNode view = json.readTree(given().get("/cases/" + id + "/coded")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(coded).as(viewer + " " + id).isEqualTo(view);
            assertThat(coded.toString()).as(viewer + " " + id).doesNotContain(EXCERPT);
        }
        // The CSV holds the same cases, in the same order, with the same visible sections' cells.
        List<Map<String, String>> rows = csvRows(export(Map.of("format", "csv", "ceiling", "SECRET")));
        assertThat(rows.stream().map(row -> row.get("id")).toList()).isEqualTo(new ArrayList<>(listed.keySet()));
        for (Map<String, String> row : rows) {
            Set<Section> sections = listed.get(row.get("id"));
            assertThat(row.get("country").isEmpty()).isEqualTo(!sections.contains(Section.HEADER));
            assertThat(row.get("context.level").isEmpty())
                    .as("a hidden section's cell is empty")
                    .isEqualTo(!sections.contains(Section.CONTEXT));
            assertThat(row.get("process.risks.kind").isEmpty()).isEqualTo(!sections.contains(Section.PROCESS));
            assertThat(row.get("results.sideEffects.kind").isEmpty()).isEqualTo(!sections.contains(Section.RESULTS));
        }
        // Filters narrow the export as they narrow the list; a text query as well.
        Map<String, String> filters = Map.of("coded", "context.level:LOCAL", "tier", "PUBLICLY_KNOWN");
        assertThat(ids(exportJson(withCeiling(filters, "SECRET"))))
                .isEqualTo(new ArrayList<>(listed("/cases", filters).keySet()));
        Map<String, String> text = Map.of("q", TAG + "n1prc");
        assertThat(ids(exportJson(withCeiling(text, "SECRET"))))
                .isEqualTo(new ArrayList<>(listed("/cases", text).keySet()));
    }

    /**
     * RESULTS_PUBLIC is the reader's view without SECRET cases; PUBLICLY_KNOWN is the public register, the same file
     * whoever asks (admins and members included).
     */
    private void ceilingsHold(Relationship viewer) throws Exception {
        JsonNode resultsPublic = exportJson(Map.of("ceiling", "RESULTS_PUBLIC"));
        Map<String, Set<Section>> notSecret = listed("/cases", Map.of("tier", "RESULTS_PUBLIC,PUBLICLY_KNOWN"));
        Map<String, Set<Section>> inExport = new LinkedHashMap<>();
        resultsPublic
                .path("cases")
                .forEach(coded -> inExport.put(coded.path("id").asText(), sectionsOf(coded)));
        assertThat(inExport).isEqualTo(notSecret);
        fixtures.stream()
                .filter(f -> f.tier() == Tier.SECRET)
                .forEach(f -> assertThat(inExport).doesNotContainKey(f.id()));

        JsonNode publiclyKnown = exportJson(Map.of("ceiling", "PUBLICLY_KNOWN"));
        Map<String, Set<Section>> register = listed("/public/cases", Map.of());
        Map<String, Set<Section>> inPublicExport = new LinkedHashMap<>();
        for (JsonNode coded : publiclyKnown.path("cases")) {
            String id = coded.path("id").asText();
            inPublicExport.put(id, sectionsOf(coded));
            JsonNode view = json.readTree(given().get("/public/cases/" + id + "/coded")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(coded).as("the register's coded view of " + id).isEqualTo(view);
            assertThat(coded.toString()).doesNotContain(EXCERPT);
        }
        assertThat(inPublicExport).isEqualTo(register);
        assertThat(inPublicExport).isNotEmpty();
        // The same file whoever asks, once the watermark line is set aside: each viewer's is compared with the others'.
        String csv = afterWatermark(export(Map.of("format", "csv", "ceiling", "PUBLICLY_KNOWN")));
        assertThat(csvRows(csv)).hasSize(register.size());
        synchronized (PUBLIC_CSV) {
            PUBLIC_CSV.forEach(
                    (other, theirs) -> assertThat(csv).as("as " + other).isEqualTo(theirs));
            PUBLIC_CSV.put(viewer, csv);
        }
    }

    /** The PUBLICLY_KNOWN CSV (after its watermark) of each viewer that exported it so far. */
    private static final Map<Relationship, String> PUBLIC_CSV = new HashMap<>();

    // --- ledger, watermark, CSV quoting, refusals ---

    @Test
    @TestSecurity(user = "ex-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-lead"), @Claim(key = "org", value = OWNER)})
    void everyExportIsLedgeredAndWatermarked() throws Exception {
        Fixture resultsPublic = fixtures.stream()
                .filter(f -> f.tier() == Tier.RESULTS_PUBLIC)
                .findFirst()
                .orElseThrow();
        String words = TAG + "n" + resultsPublic.index() + "prc";
        JsonNode exported = exportJson(Map.of("ceiling", "RESULTS_PUBLIC", "q", words, "status", "ACTIVE"));
        JsonNode meta = exported.path("meta");
        assertThat(meta.path("reader").asText()).isEqualTo("ex-lead");
        assertThat(meta.path("subject").asText()).isEqualTo("ex-lead");
        assertThat(meta.path("format").asText()).isEqualTo("json");
        assertThat(meta.path("ceiling").asText()).isEqualTo("RESULTS_PUBLIC");
        assertThat(meta.path("textFiltered").asBoolean()).isTrue();
        assertThat(meta.toString()).doesNotContain(words);
        long count = meta.path("count").asLong();
        assertThat(count).isEqualTo(exported.path("cases").size()).isEqualTo(1);
        String ledger = meta.path("ledger").asText();

        Envelope envelope = OutboxEvents.byId(ledger);
        assertThat(envelope.getEventId()).isEqualTo(ledger);
        assertThat(envelope.getType()).isEqualTo("ExportMade");
        assertThat(envelope.getCaseId()).isEmpty();
        assertThat(envelope.getActor().getSubject()).isEqualTo("ex-lead");
        assertThat(envelope.getActor().getOrganisation()).isEqualTo(OWNER);
        ExportMade made = envelope.getExportMade();
        assertThat(made.getRecordCount()).isEqualTo(count);
        assertThat(made.getFormat()).isEqualTo("json");
        assertThat(made.getCeiling()).isEqualTo("RESULTS_PUBLIC");
        assertThat(made.getTextFiltered()).isTrue();
        assertThat(made.getFiltersList())
                .extracting(f -> f.getName() + "=" + f.getValue())
                .containsExactly("country=" + COUNTRY, "status=ACTIVE");
        assertThat(new String(envelope.toByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain(words);
        assertThat(envelope.getOccurredAt().getSeconds())
                .isEqualTo(java.time.Instant.parse(meta.path("at").asText()).getEpochSecond());

        // The CSV names the reader and its own ledger entry in its first line, which the ledger holds with the count.
        String csv = export(Map.of("format", "csv", "ceiling", "SECRET"));
        String watermark = csv.substring(0, csv.indexOf('\n'));
        assertThat(watermark).startsWith("# Parley export ").contains(" reader=ex-lead ", " ceiling=SECRET ");
        String csvLedger = watermark.replaceAll(".* ledger=([0-9a-f-]+) .*", "$1");
        assertThat(csvLedger).isNotEqualTo(ledger);
        ExportMade csvMade = OutboxEvents.byId(csvLedger).getExportMade();
        assertThat(csvMade.getFormat()).isEqualTo("csv");
        assertThat(csvMade.getRecordCount()).isEqualTo(csvRows(csv).size()).isEqualTo(fixtures.size());
        assertThat(csvMade.getTextFiltered()).isFalse();
        // The relay publishes it: the ledger's consumer gets the event.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> OutboxEvents.published(csvLedger));
    }

    @Test
    @TestSecurity(user = "ex-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-lead"), @Claim(key = "org", value = OWNER)})
    void csvQuotingSurvivesCommasQuotesAndLineBreaks() throws Exception {
        Viewer lead = Viewer.signedIn("ex-lead", OWNER, Set.of(Role.STAFF));
        String id = cases.create(lead, Sample.withMarkers(TAG, TAG + "q", "IS", EntityType.CHURCH, GroupType.CARTEL))
                .id();
        long version = cases.editCoded(
                        lead,
                        id,
                        SectionName.HEADER,
                        1L,
                        json.createObjectNode().put("title", AWKWARD_TITLE),
                        true)
                .version();
        ObjectNode process = json.createObjectNode();
        process.putObject("verification")
                .putArray("methods")
                .add("KNOWN_LEADERS")
                .add("INTELLIGENCE");
        process.putArray("risks")
                .add(json.createObjectNode().put("kind", "SPOILERS").put("description", "a; b \\ c, \"d\""))
                .add(json.createObjectNode().put("kind", "DISCLOSURE"));
        cases.editCoded(lead, id, SectionName.PROCESS, version, process, true);
        String csv = given().queryParam("format", "csv")
                .queryParam("ceiling", "SECRET")
                .queryParam("country", "IS")
                .get("/cases/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<Map<String, String>> rows = csvRows(csv);
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row.get("id")).isEqualTo(id);
        assertThat(row.get("title")).isEqualTo(AWKWARD_TITLE);
        assertThat(row.get("period")).isEqualTo("2010-01-01/2012-06-30");
        assertThat(row.get("tier")).isEqualTo("SECRET");
        assertThat(row.get("process.verification.methods")).isEqualTo("KNOWN_LEADERS;INTELLIGENCE");
        assertThat(row.get("process.risks.kind")).isEqualTo("SPOILERS;DISCLOSURE");
        assertThat(row.get("process.risks.description")).isEqualTo("a\\; b \\\\ c, \"d\"");
        assertThat(row.keySet())
                .contains("header.status", "results.effects.before")
                .doesNotContain("header.title");
    }

    @Test
    @TestSecurity(user = "ex-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-lead"), @Claim(key = "org", value = OWNER)})
    void badParametersAreNamedNeverAServerError() {
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put("format", Map.of("ceiling", "SECRET"));
        refused.put("format ", Map.of("format", "xml", "ceiling", "SECRET"));
        refused.put("ceiling", Map.of("format", "csv"));
        refused.put("ceiling ", Map.of("format", "csv", "ceiling", "TOP_SECRET"));
        refused.put("limit", Map.of("format", "csv", "ceiling", "SECRET", "limit", "10"));
        refused.put("cursor", Map.of("format", "csv", "ceiling", "SECRET", "cursor", "abc"));
        refused.put("team", Map.of("format", "csv", "ceiling", "PUBLICLY_KNOWN", "team", "mine"));
        refused.put("country", Map.of("format", "json", "ceiling", "SECRET", "country", "Narnia"));
        refused.put("coded", Map.of("format", "json", "ceiling", "SECRET", "coded", "nope"));
        refused.forEach((field, params) -> given().queryParams(params)
                .get("/cases/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field.strip())));
        given().get("/cases/export")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("format", "ceiling"));
    }

    @Test
    void anonymousCallersAreUnauthorised() {
        given().queryParam("format", "csv")
                .queryParam("ceiling", "PUBLICLY_KNOWN")
                .get("/cases/export")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    // --- helpers ---

    private static Map<String, String> withCeiling(Map<String, String> filters, String ceiling) {
        Map<String, String> params = new HashMap<>(filters);
        params.put("ceiling", ceiling);
        return params;
    }

    /** The export as the current test user, narrowed to this class's country. */
    private static String export(Map<String, String> params) {
        RequestSpecification request = given().queryParam("country", COUNTRY);
        params.forEach((name, value) -> {
            if (value.contains(",") && name.equals("tier")) {
                request.queryParam(name, (Object[]) value.split(","));
            } else {
                request.queryParam(name, value);
            }
        });
        Response response = request.get("/cases/export");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.asString();
    }

    private JsonNode exportJson(Map<String, String> params) throws Exception {
        Map<String, String> withFormat = new HashMap<>(params);
        withFormat.put("format", "json");
        return json.readTree(export(withFormat));
    }

    /** Every page of a list, narrowed to this class's country: each case's id and the sections it shows. */
    private static Map<String, Set<Section>> listed(String path, Map<String, String> filters) {
        Map<String, Set<Section>> listed = new LinkedHashMap<>();
        String cursor = null;
        do {
            RequestSpecification request =
                    given().queryParam("country", COUNTRY).queryParam("limit", 100);
            filters.forEach((name, value) -> request.queryParam(name, (Object[]) value.split(",")));
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            List<Map<String, Object>> items = page.jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                Set<Section> sections = EnumSet.noneOf(Section.class);
                for (Section section : List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS)) {
                    if (item.get(section.name().toLowerCase(Locale.ROOT)) != null) {
                        sections.add(section);
                    }
                }
                listed.put((String) item.get("id"), sections);
            }
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return listed;
    }

    private static Set<Section> sectionsOf(JsonNode coded) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (Section section : List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS)) {
            JsonNode value = coded.get(section.name().toLowerCase(Locale.ROOT));
            if (value != null && !value.isNull()) {
                sections.add(section);
            }
        }
        return sections;
    }

    private static List<String> ids(JsonNode exported) {
        List<String> ids = new ArrayList<>();
        exported.path("cases").forEach(coded -> ids.add(coded.path("id").asText()));
        return ids;
    }

    /** The CSV's rows by column name, read by Jackson's CSV parser (the watermark is a comment line). */
    static List<Map<String, String>> csvRows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments())
                .readValues(csv)) {
            return rows.readAll();
        }
    }

    private static String afterWatermark(String csv) {
        return csv.substring(csv.indexOf('\n') + 1);
    }
}
