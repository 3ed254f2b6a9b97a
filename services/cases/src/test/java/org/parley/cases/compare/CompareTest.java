package org.parley.cases.compare;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.content.Context;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Results;
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
 * {@code GET /cases/compare}, {@code GET /cases/crosstab} and {@code GET /cases/truthtable}: their rules, and the secrecy rule of issue
 * 17 tried on them: an answer over a dimension in a section the reader may not see is byte for byte the answer they
 * would get if those cases did not exist. The every-relationship check of the crosstab is in the authorization
 * matrix.
 */
@QuarkusTest
class CompareTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "ct" + UUID.randomUUID().toString().substring(0, 6);
    static final Viewer LEAD = Viewer.signedIn("ct-lead", "ifit", Set.of(Role.STAFF));

    private static final String CONDITIONS = "context.groups.internalControl,context.entities.relativeStrength";

    private static boolean seeded;

    @Inject
    CaseService cases;

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        synchronized (CompareTest.class) {
            if (seeded) {
                return;
            }
            // Seen whole by the partner oas (publicly known, results released): two groups (FRAGMENTED and
            // uncoded), no deal coded;
            open(
                    "a",
                    Tier.PUBLICLY_KNOWN,
                    true,
                    List.of(),
                    java.util.Arrays.asList(InternalControl.FRAGMENTED, null),
                    null);
            // and another, COHESIVE with a deal.
            open("b", Tier.PUBLICLY_KNOWN, true, List.of(), List.of(InternalControl.COHESIVE), true);
            seeded = true;
        }
    }

    private String open(
            String suffix,
            Tier tier,
            boolean released,
            List<GrantSpec> grants,
            List<InternalControl> controls,
            Boolean deal) {
        return open(TAG, suffix, tier, released, grants, controls, deal);
    }

    private String open(
            String family,
            String suffix,
            Tier tier,
            boolean released,
            List<GrantSpec> grants,
            List<InternalControl> controls,
            Boolean deal) {
        NewCase sample = Sample.withMarkers(family, family + suffix, "MX", EntityType.CHURCH, GroupType.STREET_GANG);
        List<Context.CriminalGroup> groups = controls.stream()
                .map(control ->
                        new Context.CriminalGroup("Group " + suffix, GroupType.STREET_GANG, control, null, null))
                .toList();
        Results results = sample.results();
        NewCase written = new NewCase(
                sample.header(),
                new Context(sample.context().negotiatingEntity(), groups, List.of()),
                sample.process(),
                new Results(deal, results.terms(), results.effects(), results.sideEffects()));
        String id = cases.create(LEAD, written).id();
        AccessStub.setPolicy(id, "ifit", tier, released, Map.of("ct-lead", TeamRole.LEAD), grants);
        return id;
    }

    private static Response crosstab(String rows, String cols) {
        return given().queryParam("q", TAG)
                .queryParam("rows", rows)
                .queryParam("cols", cols)
                .get("/cases/crosstab");
    }

    @Test
    @TestSecurity(user = "ct-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ct-partner"), @Claim(key = "org", value = "oas")})
    void casesTheReaderMayNotSeeLeaveTheAnswerByteForByteUnchanged() {
        String contextByResults = crosstab("context.groups.internalControl", "results.dealReached")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String processByContext = crosstab("process.risks.kind", "context.groups.internalControl")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // The counting rules on what the partner sees: a case once per value, uncoded as null, booleans as such.
        assertThat(given().queryParam("q", TAG)
                        .queryParam("rows", "context.groups.internalControl")
                        .queryParam("cols", "results.dealReached")
                        .get("/cases/crosstab")
                        .jsonPath()
                        .getList("cells"))
                .containsExactly(
                        Map.of("row", "COHESIVE", "col", true, "count", 1),
                        cell("FRAGMENTED", null, 1),
                        cell(null, null, 1));
        assertThat(processByContext).contains("\"total\":0").contains("\"cells\":[]");
        String truthTable = truthTable(CONDITIONS, "results.dealReached")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        io.restassured.path.json.JsonPath table = io.restassured.path.json.JsonPath.from(truthTable);
        assertThat(table.getList("conditions"))
                .containsExactly("context.groups.internalControl", "context.entities.relativeStrength");
        assertThat(table.getLong("total")).isEqualTo(2);
        assertThat(table.getList("rows.values.'context.groups.internalControl'"))
                .containsExactly("COHESIVE", "FRAGMENTED", null);
        assertThat(table.getList("rows.values.'context.entities.relativeStrength'"))
                .containsExactly("WEAKER", "WEAKER", "WEAKER");
        assertThat(table.getList("rows.cases")).containsExactly(1, 1, 1);
        assertThat(table.getList("rows.outcomes"))
                .containsExactly(Map.of("true", 1), Map.of("null", 1), Map.of("null", 1));

        String matrix = matrix(MATRIX).then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath rows = io.restassured.path.json.JsonPath.from(matrix);
        assertThat(rows.getLong("total")).isEqualTo(2);
        assertThat(rows.getList("dimensions.key")).containsExactly(MATRIX.split(","));
        assertThat(rows.getList("dimensions.section")).containsExactly("CONTEXT", "RESULTS", "PROCESS");
        assertThat(rows.getList("rows.title"))
                .containsExactlyInAnyOrder("Talks " + TAG + "ahdr", "Talks " + TAG + "bhdr");
        // A block's values as a list of distinct codes (uncoded entries dropped), a case's one value as itself, a
        // hidden section's keys absent (PROCESS: the partner has no grant), not null.
        assertThat(row(rows, "a"))
                .containsExactly(
                        Map.entry("context.groups.internalControl", List.of("FRAGMENTED")),
                        Map.entry("results.dealReached", NULL));
        assertThat(row(rows, "b"))
                .containsExactly(
                        Map.entry("context.groups.internalControl", List.of("COHESIVE")),
                        Map.entry("results.dealReached", true));

        // Pages follow the list's cursor rules.
        io.restassured.path.json.JsonPath first = given().queryParam("q", TAG)
                .queryParam("dims", MATRIX)
                .queryParam("limit", "1")
                .get("/cases/compare")
                .jsonPath();
        assertThat(first.getList("rows")).hasSize(1);
        io.restassured.path.json.JsonPath second = given().queryParam("q", TAG)
                .queryParam("dims", MATRIX)
                .queryParam("limit", "1")
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/cases/compare")
                .jsonPath();
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(List.of(first.getString("rows[0].id"), second.getString("rows[0].id")))
                .containsExactlyElementsOf(rows.getList("rows.id"));

        // Cases the partner may not know are added behind their back: a secret one and one whose results are
        // not released yet. No answer changes by a byte.
        open("c", Tier.SECRET, false, List.of(), List.of(InternalControl.FRAGMENTED), false);
        open("d", Tier.RESULTS_PUBLIC, false, List.of(), List.of(InternalControl.CENTRALISED), true);
        assertThat(matrix(MATRIX).asString()).isEqualTo(matrix);
        assertThat(crosstab("context.groups.internalControl", "results.dealReached")
                        .asString())
                .isEqualTo(contextByResults);
        assertThat(truthTable(CONDITIONS, "results.dealReached").asString()).isEqualTo(truthTable);

        // Then cases they may know only in part: one whose CONTEXT is not public once released,
        open("f", Tier.RESULTS_PUBLIC, true, List.of(), List.of(InternalControl.CENTRALISED), true);
        // A SUMMARY grant shows oas the CONTEXT of this one, never its PROCESS or RESULTS.
        open(
                "e",
                Tier.SECRET,
                false,
                List.of(new GrantSpec("oas", GrantScope.SUMMARY, null)),
                List.of(InternalControl.DECENTRALISED),
                false);

        assertThat(crosstab("context.groups.internalControl", "results.dealReached")
                        .asString())
                .isEqualTo(contextByResults);
        assertThat(crosstab("process.risks.kind", "context.groups.internalControl")
                        .asString())
                .isEqualTo(processByContext);
        assertThat(truthTable(CONDITIONS, "results.dealReached").asString()).isEqualTo(truthTable);
        // The matrix shows both, each with the keys of the sections the partner may see and no other.
        io.restassured.path.json.JsonPath widened = matrix(MATRIX).jsonPath();
        assertThat(widened.getLong("total")).isEqualTo(4);
        assertThat(row(widened, "e"))
                .containsExactly(Map.entry("context.groups.internalControl", List.of("DECENTRALISED")));
        assertThat(row(widened, "f")).containsExactly(Map.entry("results.dealReached", true));
        // ... while a crosstab within the section the grant shows does count the granted case.
        assertThat(crosstab("context.groups.internalControl", "context.groups.type")
                        .jsonPath()
                        .getLong("total"))
                .isEqualTo(3);
        assertThat(crosstab("results.dealReached", "results.sideEffects.kind")
                        .jsonPath()
                        .getLong("total"))
                .as("released results are public: a, b and f")
                .isEqualTo(3);
    }

    /** Three dimensions, one per section the cases code. */
    private static final String MATRIX = "context.groups.internalControl,results.dealReached,process.risks.kind";

    /** A marker for "the key is there, with null". */
    private static final Object NULL = new Object() {
        @Override
        public boolean equals(Object other) {
            return other == null || other == this;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    };

    private static Response matrix(String dims) {
        return given().queryParam("q", TAG).queryParam("dims", dims).get("/cases/compare");
    }

    /** The values of the case opened with this suffix, with nulls as {@link #NULL}; fails when it is not listed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(io.restassured.path.json.JsonPath matrix, String suffix) {
        List<Map<String, Object>> rows = matrix.getList("rows");
        Map<String, Object> values = rows.stream()
                .filter(row -> ("Talks " + TAG + suffix + "hdr").equals(row.get("title")))
                .findFirst()
                .map(row -> (Map<String, Object>) row.get("values"))
                .orElseThrow(() -> new AssertionError("no row for " + suffix));
        Map<String, Object> withNulls = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> withNulls.put(key, value == null ? NULL : value));
        return withNulls;
    }

    private static Response truthTable(String conditions, String outcome) {
        return given().queryParam("q", TAG)
                .queryParam("conditions", conditions)
                .queryParam("outcome", outcome)
                .get("/cases/truthtable");
    }

    private static Map<String, Object> cell(Object row, Object col, int count) {
        Map<String, Object> cell = new java.util.HashMap<>();
        cell.put("row", row);
        cell.put("col", col);
        cell.put("count", count);
        return cell;
    }

    /** The comparable cases' own family of cases, apart from the other tests' (their q= never matches these). */
    static final String LIKE = "cl" + UUID.randomUUID().toString().substring(0, 6);

    private static Map<String, String> likeCases;

    /**
     * An anchor and cases like it: the same but no deal (public), a secret twin, one whose results alone are public,
     * one whose CONTEXT a SUMMARY grant shows oas.
     */
    private synchronized Map<String, String> likeCases() {
        if (likeCases == null) {
            likeCases = Map.of(
                    "anchor",
                            open(
                                    LIKE,
                                    "anchor",
                                    Tier.PUBLICLY_KNOWN,
                                    true,
                                    List.of(),
                                    List.of(InternalControl.COHESIVE),
                                    true),
                    "nodeal",
                            open(
                                    LIKE,
                                    "nodeal",
                                    Tier.PUBLICLY_KNOWN,
                                    true,
                                    List.of(),
                                    List.of(InternalControl.COHESIVE),
                                    false),
                    "twin", open(LIKE, "twin", Tier.SECRET, false, List.of(), List.of(InternalControl.COHESIVE), true),
                    "results",
                            open(
                                    LIKE,
                                    "results",
                                    Tier.RESULTS_PUBLIC,
                                    true,
                                    List.of(),
                                    List.of(InternalControl.FRAGMENTED),
                                    true),
                    "summary",
                            open(
                                    LIKE,
                                    "summary",
                                    Tier.SECRET,
                                    false,
                                    List.of(new GrantSpec("oas", GrantScope.SUMMARY, null)),
                                    List.of(InternalControl.FRAGMENTED),
                                    false));
        }
        return likeCases;
    }

    private static Response comparable(String id) {
        return given().queryParam("q", LIKE).get("/cases/" + id + "/comparable");
    }

    @Test
    @TestSecurity(user = "ct-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ct-partner"), @Claim(key = "org", value = "oas")})
    @SuppressWarnings("unchecked")
    void comparableCasesAreComparedOnlyOnWhatTheReaderSeesOnBoth() {
        Map<String, String> ids = likeCases();
        Response answer = comparable(ids.get("anchor"));
        String body = answer.then().statusCode(200).extract().asString();
        List<Map<String, Object>> similar = answer.jsonPath().getList("$");
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        similar.forEach(item -> byId.put((String) item.get("id"), item));
        // never the anchor, never the secret twin, however alike
        assertThat(byId.keySet()).containsExactlyInAnyOrder(ids.get("nodeal"), ids.get("results"), ids.get("summary"));
        // the public twin but for the deal: CONTEXT and RESULTS compared, PROCESS (not public) not at all
        Map<String, Object> nodeal = byId.get(ids.get("nodeal"));
        assertThat((List<String>) nodeal.get("differing")).containsExactly("results.dealReached");
        assertThat((List<String>) nodeal.get("matching"))
                .contains("context.groups.internalControl", "results.sideEffects.kind")
                .noneMatch(key -> key.startsWith("process."));
        // only RESULTS are public of this one, only CONTEXT of the granted one: each is compared on that alone
        assertThat(keys(byId.get(ids.get("results")))).allMatch(key -> key.startsWith("results."));
        assertThat(keys(byId.get(ids.get("summary")))).isNotEmpty().allMatch(key -> key.startsWith("context."));
        assertThat(similar.stream().map(item -> ((Number) item.get("score")).doubleValue()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // A secret case more like the anchor than any other changes nothing for them
        open(LIKE, "twin2", Tier.SECRET, false, List.of(), List.of(InternalControl.COHESIVE), true);
        assertThat(comparable(ids.get("anchor")).asString()).isEqualTo(body);
        // and asking about a case they may not know is the 404 of one that never existed
        String never = comparable(UUID.randomUUID().toString())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(comparable(ids.get("twin")).then().statusCode(404).extract().asString())
                .isEqualTo(never);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> item) {
        List<String> keys = new java.util.ArrayList<>((List<String>) item.get("matching"));
        keys.addAll((List<String>) item.get("differing"));
        return keys;
    }

    @Test
    @TestSecurity(user = "ct-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ct-lead"), @Claim(key = "org", value = "ifit")})
    @SuppressWarnings("unchecked")
    void theLeadFindsTheSecretTwinFirstAndEveryDimensionCompared() {
        Map<String, String> ids = likeCases();
        List<Map<String, Object>> similar = comparable(ids.get("anchor"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        // the secret twin (or another test's second twin, as alike) comes first: every dimension matches
        Map<String, Object> twin = similar.stream()
                .filter(item -> ids.get("twin").equals(item.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(((Number) twin.get("score")).doubleValue()).isEqualTo(1.0);
        // the fixtures are written in the first shape, so they code exactly the facets it had (migratedFrom)
        assertThat((List<String>) twin.get("matching"))
                .containsExactlyElementsOf(CaseList.CODED_FACETS.stream()
                        .filter(key ->
                                Codebook.standard().dimension(key).orElseThrow().migratedFrom() != null)
                        .toList());
        assertThat((List<String>) twin.get("differing")).isEmpty();
        assertThat(((Number) similar.get(0).get("score")).doubleValue()).isEqualTo(1.0);
        given().queryParam("cursor", "x")
                .get("/cases/" + ids.get("anchor") + "/comparable")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        given().queryParam("limit", "1")
                .get("/cases/" + ids.get("anchor") + "/comparable")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    /** Without a token: the register's cases, their public sections only, whichever other test ran first. */
    @Test
    @SuppressWarnings("unchecked")
    void thePublicRegisterComparesPublicCasesOnPublicSectionsOnly() {
        io.restassured.path.json.JsonPath matrix = given().queryParam("q", TAG)
                .queryParam("dims", MATRIX)
                .get("/public/cases/compare")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> rows = matrix.getList("rows");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            // a PUBLICLY_KNOWN case (a, b) or a released RESULTS_PUBLIC one (f); never c, d or e
            assertThat((String) row.get("title")).matches("Talks " + TAG + "[abf]hdr");
            assertThat((Map<String, Object>) row.get("values")).doesNotContainKey("process.risks.kind");
        }
        assertThat(row(matrix, "a")).containsEntry("context.groups.internalControl", List.of("FRAGMENTED"));
        given().queryParam("q", TAG)
                .queryParam("rows", "process.risks.kind")
                .queryParam("cols", "results.dealReached")
                .get("/public/cases/crosstab")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("q", TAG)
                .queryParam("conditions", "context.groups.internalControl")
                .queryParam("outcome", "results.dealReached")
                .get("/public/cases/truthtable")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2));
        // comparable public cases: a and b are alike on their public sections; f (results only) on RESULTS
        String a = (String) rows.stream()
                .filter(row -> ("Talks " + TAG + "ahdr").equals(row.get("title")))
                .findFirst()
                .orElseThrow()
                .get("id");
        List<Map<String, Object>> similar = given().queryParam("q", TAG)
                .get("/public/cases/" + a + "/comparable")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(similar).isNotEmpty().allSatisfy(item -> {
            assertThat((String) item.get("title")).matches("Talks " + TAG + "[bf]hdr");
            assertThat((List<String>) item.get("matching")).noneMatch(key -> key.startsWith("process."));
            assertThat((List<String>) item.get("differing")).noneMatch(key -> key.startsWith("process."));
        });
        given().get("/public/cases/" + UUID.randomUUID() + "/comparable").then().statusCode(404);
        given().queryParam("dims", "header.title")
                .get("/public/cases/compare")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("dims"));
    }

    @Test
    @TestSecurity(user = "ct-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ct-lead"), @Claim(key = "org", value = "ifit")})
    void badKeysAreA400NamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of(
                        "rows", "context.groups.name",
                        "cols", "nothing.at.all")
                .entrySet()) {
            String rows = bad.getKey().equals("rows") ? bad.getValue() : "results.dealReached";
            String cols = bad.getKey().equals("cols") ? bad.getValue() : "results.dealReached";
            crosstab(rows, cols)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(bad.getKey()));
        }
        given().queryParam("cols", "results.dealReached")
                .get("/cases/crosstab")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("rows"));
        for (String conditions : List.of(
                "",
                "results.dealReached,results.dealReached",
                "results.dealReached,header.title",
                String.join(",", org.parley.cases.api.CaseList.CODED_FACETS))) {
            truthTable(conditions, "results.dealReached")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("conditions"));
        }
        truthTable("results.dealReached", "context.groups.name")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("outcome"));
        for (String dims : List.of("", "results.dealReached,results.dealReached", "header.title", "a,,b")) {
            matrix(dims)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("dims"));
        }
        given().queryParam("dims", "results.dealReached")
                .queryParam("limit", "0")
                .get("/cases/compare")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        given().queryParam("rows", "results.dealReached")
                .queryParam("cols", "results.dealReached")
                .queryParam("coded", "results.dealReached:maybe")
                .get("/cases/crosstab")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("coded"));
    }
}
