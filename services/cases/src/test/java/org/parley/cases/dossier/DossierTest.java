package org.parley.cases.dossier;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.TimelineKind;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.casefile.SectionName;
import org.parley.cases.content.NewTimelineEntry;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Http;
import org.parley.cases.support.OutboxEvents;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * GET /cases/{id}/dossier.pdf read back as text with PDFBox: each section in it only for a reader who may see it,
 * the ceiling as the export applies it, the never-existed 404, the watermark in every page's footer and its ledger
 * entry, both languages, case text printed as text, refused parameters.
 */
@QuarkusTest
class DossierTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** No other test class opens cases in this country (some count theirs by country). */
    static final String COUNTRY = "PT";

    static final String OWNER = "ifit";
    static final String PARTNER = "oas";
    static final String TAG = "do" + UUID.randomUUID().toString().substring(0, 6);
    static final String EXCERPT = "5d1e0a1e-7c51-4d39-a2a1-52a9d3d0f0bb/2";
    /** Spanish letters in the title: they must come out of the PDF as written. */
    static final String TITLE = "Diálogo " + TAG + "hdr: año, niño, pingüino";
    /** Markup in case text: printed, never interpreted (and "&amp;" stays five characters). */
    static final String MARKUP = "<b>" + TAG + "</b> &amp; <br/><i>x</i>";

    /** Words of each section, which only a reader of that section may find in the PDF. */
    static final String CONTEXT_WORDS = "Group " + TAG + "ctx";

    static final List<String> PROCESS_WORDS = List.of("Risk " + TAG + "prc", "Meeting " + TAG + "tl");
    static final List<String> RESULTS_WORDS = List.of("Side " + TAG + "res", "Police " + TAG + "res");

    record Fixture(String secret, String publiclyKnown, String large) {}

    private static Fixture fixture;

    @Inject
    CaseService cases;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        AccessStub.ensureFresh();
        synchronized (DossierTest.class) {
            if (fixture == null) {
                fixture = new Fixture(
                        createCase(Tier.SECRET, 3, 0),
                        createCase(Tier.PUBLICLY_KNOWN, 3, 0),
                        createCase(Tier.SECRET, 40, 150));
            }
        }
    }

    /** A case whose every section holds its words, with {@code meetings} timeline entries and {@code groups} more. */
    private String createCase(Tier tier, int meetings, int groups) throws IOException {
        Viewer lead = Viewer.signedIn("do-lead", OWNER, Set.of(Role.STAFF));
        String id = cases.create(lead, Sample.withMarkers(TAG, COUNTRY, EntityType.CHURCH, GroupType.CARTEL))
                .id();
        long version = cases.editCoded(
                        lead,
                        id,
                        SectionName.HEADER,
                        1L,
                        json.createObjectNode().put("title", TITLE),
                        true)
                .version();

        ObjectNode context = (ObjectNode) json.readTree("""
                {"level": "LOCAL",
                 "sources": {"level": [
                   {"publication": "IFIT, Bargaining with the Devil (2020)", "page": "7-8", "endnote": 19},
                   {"excerpt": "%s"}]},
                 "entities": [{"type": "NATIONAL_GOVERNMENT", "name": "Entity %sctx"}],
                 "groups": [{"name": "%s", "type": "CARTEL"}]}
                """.formatted(EXCERPT, TAG, CONTEXT_WORDS));
        ((ObjectNode) context.get("entities").get(0)).put("notes", MARKUP);
        ArrayNode moreGroups = (ArrayNode) context.get("groups");
        for (int i = 0; i < groups; i++) {
            moreGroups.add(json.createObjectNode()
                    .put("name", "Group " + i)
                    .put("type", "STREET_GANG")
                    .put("territorialControlNotes", "Controls some streets of the old town. ".repeat(8)));
        }
        version = cases.editCoded(lead, id, SectionName.CONTEXT, version, context, true)
                .version();

        JsonNode process = json.readTree("""
                {"objectives": {"scope": "LIMITED", "items": [{"text": "Objective %sprc"}]},
                 "risks": [{"kind": "SPOILERS", "description": "Risk %sprc"}]}
                """.formatted(TAG, TAG));
        version = cases.editCoded(lead, id, SectionName.PROCESS, version, process, true)
                .version();

        JsonNode results = json.readTree("""
                {"dealReached": true,
                 "effects": [{"indicator": "HOMICIDES", "unit": "PER_YEAR", "before": 14,
                              "after": {"low": 5, "high": 6}, "changePercent": -60, "source": "Police %sres"}],
                 "sideEffects": [{"kind": "CONTAGION", "description": "Side %sres"}]}
                """.formatted(TAG, TAG));
        version = cases.editCoded(lead, id, SectionName.RESULTS, version, results, true)
                .version();
        for (int i = 0; i < meetings; i++) {
            cases.addTimelineEntry(
                    lead, id, null, new NewTimelineEntry("2011-03", TimelineKind.MEETING, "Meeting " + TAG + "tl" + i));
        }
        AccessStub.setPolicy(
                id,
                OWNER,
                tier,
                false,
                Map.of("do-lead", TeamRole.LEAD, "do-member", TeamRole.MEMBER),
                List.of(new GrantSpec(PARTNER, GrantScope.SUMMARY, null)));
        return id;
    }

    // --- who sees what ---

    @Test
    @TestSecurity(user = "do-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-member"), @Claim(key = "org", value = OWNER)})
    void aMemberSeesEverySectionItsChartAndItsSources() throws Exception {
        PdfText pdf = dossier(fixture.secret(), Map.of());
        String text = pdf.text();
        assertThat(text)
                .contains(TITLE, CONTEXT_WORDS, "Overview", "Portugal (PT)", "Context", "Process", "Results", "Sources")
                .contains(PROCESS_WORDS)
                .contains(RESULTS_WORDS)
                // the effect: its chart and its numbers, labelled by the codebook
                .contains("Effects: before and after", "Homicides (Per year)", "Before", "After", "14", "5–6", "-60 %")
                .contains("Level of the process", "Local (neighbourhoods, a municipality, a prison, a stretch of road)")
                // the publication cited, numbered where it is cited
                .contains("IFIT, Bargaining with the Devil (2020), page 7-8, note 19", "[1]")
                // no interviews service answers in this module's tests: excerpt citations fail closed, for members too
                .doesNotContain(EXCERPT);
        assertThat(pdf.fonts()).as("the embedded font").anyMatch(font -> font.contains("DejaVuSans"));
    }

    @Test
    @TestSecurity(user = "do-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-partner"), @Claim(key = "org", value = PARTNER)})
    void aSummaryGranteeSeesOnlyWhatTheGrantShows() throws Exception {
        String text = dossier(fixture.secret(), Map.of()).text();
        assertThat(text).contains(TITLE, CONTEXT_WORDS, "Context");
        assertThat(text)
                .as("PROCESS and RESULTS are not the grant's")
                .doesNotContain(PROCESS_WORDS)
                .doesNotContain(RESULTS_WORDS)
                .doesNotContain("Objective " + TAG + "prc", "Homicides", "Effects: before and after", EXCERPT);
    }

    @Test
    @TestSecurity(user = "do-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-lead"), @Claim(key = "org", value = OWNER)})
    void theCeilingPubliclyKnownIsThePublicRegisterEvenForTheLead() throws Exception {
        String id = fixture.publiclyKnown();
        String own = dossier(id, Map.of("ceiling", "SECRET")).text();
        assertThat(own).contains(CONTEXT_WORDS).contains(PROCESS_WORDS).contains(RESULTS_WORDS);

        Response capped = dossierResponse(id, Map.of("ceiling", "PUBLICLY_KNOWN"));
        String text = PdfText.of(capped.asByteArray()).text();
        // the register shows this case's header and context, not its process, nor its results (not released)
        JsonNode register = json.readTree(given().get("/public/cases/" + id + "/coded")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(register.has("header")).isTrue();
        assertThat(register.has("context")).isTrue();
        assertThat(register.has("process")).isFalse();
        assertThat(register.has("results")).isFalse();
        assertThat(text).contains(TITLE, CONTEXT_WORDS);
        assertThat(text).doesNotContain(PROCESS_WORDS).doesNotContain(RESULTS_WORDS);
        ExportMade made = OutboxEvents.byId(ledgerOf(capped)).getExportMade();
        assertThat(made.getCeiling()).isEqualTo("PUBLICLY_KNOWN");

        // a case off the register, or SECRET under RESULTS_PUBLIC, has no dossier: the never-existed answer
        String unknown = Http.fingerprint(dossierResponse(UUID.randomUUID().toString(), Map.of()));
        assertThat(Http.fingerprint(dossierResponse(fixture.secret(), Map.of("ceiling", "PUBLICLY_KNOWN"))))
                .isEqualTo(unknown);
        assertThat(Http.fingerprint(dossierResponse(fixture.secret(), Map.of("ceiling", "RESULTS_PUBLIC"))))
                .isEqualTo(unknown);
        assertThat(dossierResponse(id, Map.of("ceiling", "RESULTS_PUBLIC")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @TestSecurity(user = "do-other", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-other"), @Claim(key = "org", value = "medic-ngo")})
    void aCaseTheReaderMayNotKnowAnswersAsOneThatNeverExisted() {
        String never = Http.fingerprint(dossierResponse(UUID.randomUUID().toString(), Map.of()));
        assertThat(never).startsWith("404\napplication/problem+json");
        assertThat(Http.fingerprint(dossierResponse(fixture.secret(), Map.of())))
                .isEqualTo(never);
        assertThat(Http.fingerprint(dossierResponse(fixture.secret(), Map.of("ceiling", "PUBLICLY_KNOWN"))))
                .isEqualTo(never);
        assertThat(Http.fingerprint(dossierResponse(fixture.secret().toUpperCase(), Map.of("lang", "es"))))
                .isEqualTo(never);
        assertThat(Http.fingerprint(dossierResponse("not-a-case", Map.of()))).isEqualTo(never);
        // the same body as GET /cases/{id} for an unknown id
        String unknownRead = given().get("/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(dossierResponse(fixture.secret(), Map.of()).asString()).isEqualTo(unknownRead);
        // and the public case is there for them, as on the register
        assertThat(dossierResponse(fixture.publiclyKnown(), Map.of()).statusCode())
                .isEqualTo(200);
    }

    // --- the watermark and the ledger ---

    @Test
    @TestSecurity(user = "do-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-member"), @Claim(key = "org", value = OWNER)})
    void everyPageFooterNamesTheReaderTheTimeAndTheLedgerEntry() throws Exception {
        long started = System.nanoTime();
        Response response = dossierResponse(fixture.large(), Map.of());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] bytes = response.asByteArray();
        PdfText pdf = PdfText.of(bytes);
        System.out.printf(
                "dossier of a large case (151 groups, 40 meetings): %d pages, %d bytes, %d ms%n",
                pdf.pages().size(), bytes.length, millis);
        String ledger = ledgerOf(response);
        assertThat(pdf.pages()).hasSizeGreaterThan(2);
        for (int page = 0; page < pdf.pages().size(); page++) {
            assertThat(pdf.pages().get(page))
                    .as("page " + (page + 1))
                    .contains("Prepared for do-member", "ledger entry " + ledger, " UTC", (page + 1) + " / ");
        }
        // recorded before the first byte: the ledger event is there, about this case, by this reader, with no text
        Envelope envelope = OutboxEvents.byId(ledger);
        assertThat(envelope.getType()).isEqualTo("ExportMade");
        assertThat(envelope.getCaseId()).isEqualTo(fixture.large());
        assertThat(envelope.getActor().getSubject()).isEqualTo("do-member");
        assertThat(envelope.getActor().getOrganisation()).isEqualTo(OWNER);
        ExportMade made = envelope.getExportMade();
        assertThat(made.getFormat()).isEqualTo("pdf");
        assertThat(made.getCeiling()).isEqualTo("SECRET");
        assertThat(made.getRecordCount()).isEqualTo(1);
        assertThat(new String(envelope.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(TAG);
        String at = pdf.pages().get(0).replaceAll("(?s).*Prepared for do-member · ([0-9-]+ [0-9:]+) UTC.*", "$1");
        assertThat(at.replace(' ', 'T') + "Z")
                .isEqualTo(
                        java.time.Instant.ofEpochSecond(envelope.getOccurredAt().getSeconds())
                                .toString());
        // every dossier is its own entry
        assertThat(ledgerOf(dossierResponse(fixture.secret(), Map.of()))).isNotEqualTo(ledger);
    }

    // --- languages, text, refusals ---

    @Test
    @TestSecurity(user = "do-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-member"), @Claim(key = "org", value = OWNER)})
    void spanishLabelsWithLangEsOrAcceptLanguage() throws Exception {
        String spanish = dossier(fixture.secret(), Map.of("lang", "es")).text();
        assertThat(spanish)
                .contains("Expediente del caso", "Contexto", "Proceso", "Resultados", "Fuentes")
                .contains("Nivel del proceso", "Local (barrios, un municipio, una cárcel, un tramo de carretera)")
                .contains("Efectos: antes y después", "Homicidios (Por año)", "Antes", "Después", "5–6")
                .contains("Preparado para do-member", "pág. 7-8")
                .contains(TITLE)
                .doesNotContain("Level of the process");

        Response preferred = given().header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
                .get("/cases/" + fixture.secret() + "/dossier.pdf");
        assertThat(preferred.statusCode()).isEqualTo(200);
        assertThat(preferred.header("Content-Language")).isEqualTo("es");
        assertThat(PdfText.of(preferred.asByteArray()).text()).contains("Nivel del proceso");
        // lang wins over the header; a language neither of ours, or a malformed header, is English
        assertThat(given().header("Accept-Language", "es")
                        .queryParam("lang", "en")
                        .get("/cases/" + fixture.secret() + "/dossier.pdf")
                        .header("Content-Language"))
                .isEqualTo("en");
        assertThat(given().header("Accept-Language", "de-CH, fr;q=0.8")
                        .get("/cases/" + fixture.secret() + "/dossier.pdf")
                        .header("Content-Language"))
                .isEqualTo("en");
        assertThat(given().header("Accept-Language", ";;q=x")
                        .get("/cases/" + fixture.secret() + "/dossier.pdf")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Content-Language"))
                .isEqualTo("en");
    }

    @Test
    @TestSecurity(user = "do-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-member"), @Claim(key = "org", value = OWNER)})
    void markupInCaseTextIsPrintedAsText() throws Exception {
        PdfText pdf = dossier(fixture.secret(), Map.of());
        // compared without whitespace: the stripper may put a space where the page wrapped the line
        assertThat(pdf.compact()).contains(MARKUP.replaceAll("\\s", ""));
        assertThat(pdf.text()).contains("Entity " + TAG + "ctx");
    }

    @Test
    @TestSecurity(user = "do-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "do-member"), @Claim(key = "org", value = OWNER)})
    void badParametersAreNamed() {
        Map<String, Map<String, String>> refused = Map.of(
                "ceiling", Map.of("ceiling", "TOP_SECRET"),
                "ceiling ", Map.of("ceiling", "secret"),
                "lang", Map.of("lang", "fr"),
                "lang ", Map.of("lang", "ES"));
        refused.forEach((field, params) -> given().queryParams(params)
                .get("/cases/" + fixture.secret() + "/dossier.pdf")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field.strip())));
        given().queryParam("ceiling", "secret")
                .queryParam("lang", "de")
                .get("/cases/" + UUID.randomUUID() + "/dossier.pdf")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("ceiling", "lang"));
    }

    @Test
    void anonymousCallersAreUnauthorisedAsOnGetCase() {
        given().get("/cases/" + fixture.publiclyKnown() + "/dossier.pdf")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/cases/" + fixture.publiclyKnown()).then().statusCode(401);
    }

    // --- helpers ---

    private static Response dossierResponse(String id, Map<String, String> params) {
        return given().queryParams(params).get("/cases/" + id + "/dossier.pdf");
    }

    private static PdfText dossier(String id, Map<String, String> params) throws IOException {
        Response response = dossierResponse(id, params);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        return PdfText.of(response.asByteArray());
    }

    /** The ledger id the response names (its file name; the footer names it too). */
    private static String ledgerOf(Response response) {
        String disposition = response.header("Content-Disposition");
        assertThat(disposition).startsWith("inline; filename=\"parley-dossier-");
        return disposition.replaceAll(".*parley-dossier-([0-9a-f-]+)\\.pdf.*", "$1");
    }
}
