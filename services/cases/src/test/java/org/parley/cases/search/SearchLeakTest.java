package org.parley.cases.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
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
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search finds a word only in sections the viewer may see, and counts only cases the viewer may know:
 * a word that sits in an invisible section finds nothing, counts nothing, shows in no facet.
 */
@QuarkusTest
class SearchLeakTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String TAG = "sl" + UUID.randomUUID().toString().substring(0, 6);

    private static String secretCase;
    private static String summaryGrantCase;
    private static String deletedByAccess;

    @Inject
    CaseService cases;

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        synchronized (SearchLeakTest.class) {
            if (secretCase != null) {
                return;
            }
            Viewer lead = Viewer.signedIn("sl-lead", "ifit", Set.of(Role.STAFF));
            // SECRET: the owning organisation's secrecy admin sees the HEADER only.
            secretCase = cases.create(
                            lead, Sample.withMarkers(TAG, TAG + "a", "MX", EntityType.CHURCH, GroupType.CARTEL))
                    .id();
            AccessStub.setPolicy(secretCase, "ifit", Tier.SECRET, false, Map.of("sl-lead", TeamRole.LEAD), List.of());
            // A SUMMARY grant to oas: HEADER and CONTEXT, never PROCESS or RESULTS.
            summaryGrantCase = cases.create(
                            lead,
                            Sample.withMarkers(TAG, TAG + "b", "CO", EntityType.LOCAL_GOVERNMENT, GroupType.MAFIA))
                    .id();
            AccessStub.setPolicy(
                    summaryGrantCase,
                    "ifit",
                    Tier.SECRET,
                    false,
                    Map.of("sl-lead", TeamRole.LEAD),
                    List.of(new GrantSpec("oas", GrantScope.SUMMARY, null)));
            // Deleted as far as access is concerned: gone for everyone, members included.
            deletedByAccess = cases.create(
                            lead, Sample.withMarkers(TAG, TAG + "c", "MX", EntityType.CHURCH, GroupType.CARTEL))
                    .id();
            AccessStub.setPolicy(
                    deletedByAccess, "ifit", Tier.PUBLICLY_KNOWN, true, Map.of("sl-lead", TeamRole.LEAD), List.of());
            markDeletedByAccess(deletedByAccess);
        }
    }

    private static void markDeletedByAccess(String caseId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var projection = io.quarkus.arc.Arc.container()
                    .instance(org.parley.projection.PolicyProjection.class)
                    .get();
            projection.apply(
                    caseId,
                    10,
                    org.parley.proto.v1.CasePolicySnapshot.newBuilder()
                            .setOwningOrganisation("ifit")
                            .setTier(org.parley.proto.v1.Tier.PUBLICLY_KNOWN)
                            .setResultsReleased(true)
                            .setDeleted(true)
                            .addTeam(org.parley.proto.v1.TeamMember.newBuilder()
                                    .setSubject("sl-lead")
                                    .setRole(org.parley.proto.v1.TeamRole.LEAD))
                            .build());
        });
    }

    @Test
    @TestSecurity(
            user = "sl-admin",
            roles = {"staff", "secrecy-admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sl-admin"), @Claim(key = "org", value = "ifit")})
    void aWordOnlyInAnInvisibleSectionFindsNothing() {
        JsonPath header = search(TAG + "ahdr");
        assertThat(header.getList("items.id", String.class)).containsExactly(secretCase);
        // The admin sees the header (to manage the case) but neither its context nor its process.
        for (String word : List.of(TAG + "actx", TAG + "aprc", TAG + "ares")) {
            JsonPath found = search(word);
            assertThat(found.getList("items")).as(word).isEmpty();
            assertThat(found.getLong("total")).as(word).isZero();
            assertThat(found.getMap("facets").values())
                    .allSatisfy(counts -> assertThat((Map<?, ?>) counts).isEmpty());
        }
        // Facets over everything the admin may know: the CONTEXT facets count no case (no CONTEXT seen).
        JsonPath all = search(TAG);
        assertThat(all.getList("items.id", String.class)).containsExactlyInAnyOrder(secretCase, summaryGrantCase);
        assertThat(all.getMap("facets.entityType")).isEmpty();
        assertThat(all.getMap("facets.groupType")).isEmpty();
        assertThat(all.getMap("facets.tier")).isEqualTo(Map.of("SECRET", 2));
        assertThat(given().queryParam("q", TAG)
                        .queryParam("entityType", "CHURCH")
                        .get("/cases")
                        .jsonPath()
                        .getLong("total"))
                .isZero();
    }

    @Test
    @TestSecurity(user = "sl-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sl-partner"), @Claim(key = "org", value = "oas")})
    void aSummaryGranteeFindsTheContextButNotTheProcess() {
        assertThat(search(TAG + "bctx").getList("items.id", String.class)).containsExactly(summaryGrantCase);
        assertThat(search(TAG + "bprc").getLong("total")).isZero();
        assertThat(search(TAG + "bres").getLong("total")).isZero();
        // The SECRET case without a grant does not exist for the partner, not even in counts.
        JsonPath all = search(TAG);
        assertThat(all.getLong("total")).isEqualTo(1);
        assertThat(all.getMap("facets.country")).isEqualTo(Map.of("CO", 1));
        assertThat(all.getMap("facets.entityType")).isEqualTo(Map.of("LOCAL_GOVERNMENT", 1));
        assertThat(all.getMap("facets.groupType")).isEqualTo(Map.of("MAFIA", 1));
        assertThat(search(TAG + "ahdr").getLong("total")).isZero();
    }

    @Test
    @TestSecurity(user = "sl-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sl-lead"), @Claim(key = "org", value = "ifit")})
    void accentsAndCaseDoNotMatterAndMetacharactersAreJustText() throws SQLException {
        String etag = given().get("/cases/" + secretCase)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType("application/json")
                .header("If-Match", etag)
                .body("{\"trustBuilding\":[\"Negociación " + TAG + " en la cárcel de Ñuñoa\"]}")
                .patch("/cases/" + secretCase + "/process")
                .then()
                .statusCode(200);
        assertThat(search("negociacion " + TAG).getList("items.id", String.class))
                .containsExactly(secretCase);
        assertThat(search("NUNOA " + TAG).getList("items.id", String.class)).containsExactly(secretCase);
        assertThat(search("\"en la carcel\" " + TAG).getList("items.id", String.class))
                .containsExactly(secretCase);
        for (String injection : List.of(
                "'; DROP TABLE case_file; --",
                "\" OR 1=1 --",
                "x') OR ('1'='1",
                "\\\\ % _ * : & | ! ( ) < > @@ $$ ;",
                "a & | ! b")) {
            given().queryParam("q", injection).get("/cases").then().statusCode(200);
        }
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM case_file")) {
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
        }
        // A case access has deleted is gone for its members too.
        assertThat(search(TAG + "chdr").getLong("total")).isZero();
        given().get("/cases/" + deletedByAccess).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "sl-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sl-partner"), @Claim(key = "org", value = "oas")})
    void versionsDoNotTellOfEditsToSectionsTheViewerCannotSee() throws Exception {
        Viewer lead = Viewer.signedIn("sl-lead", "ifit", Set.of(Role.STAFF));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        long before = version(summaryGrantCase);
        String etag = given().get("/cases/" + summaryGrantCase).header("ETag");
        cases.addTimelineEntry(
                lead,
                summaryGrantCase,
                null,
                new org.parley.cases.content.NewTimelineEntry(
                        "2011-03-01", org.parley.cases.api.TimelineKind.MEETING, "Met"));
        cases.edit(
                lead,
                summaryGrantCase,
                org.parley.cases.casefile.SectionName.RESULTS,
                cases.read(lead, summaryGrantCase).version(),
                json.readTree("{\"dealReached\":true}"));
        assertThat(version(summaryGrantCase)).isEqualTo(before);
        assertThat(given().get("/cases/" + summaryGrantCase).header("ETag")).isEqualTo(etag);
        assertThat(search(TAG + "bhdr").getLong("items[0].version")).isEqualTo(before);
        cases.edit(
                lead,
                summaryGrantCase,
                org.parley.cases.casefile.SectionName.CONTEXT,
                cases.read(lead, summaryGrantCase).version(),
                json.readTree("{\"precedents\":[\"Another\"]}"));
        assertThat(version(summaryGrantCase)).isEqualTo(before + 1);
        assertThat(search(TAG + "bhdr").getLong("items[0].version")).isEqualTo(before + 1);
    }

    private static long version(String id) {
        return given().get("/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    @Test
    void theAnonymousRegisterCountsOnlyPublicCases() {
        JsonPath all = given().queryParam("q", TAG)
                .get("/public/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getLong("total")).isZero();
        assertThat(all.getMap("facets.tier")).isEmpty();
    }

    private static JsonPath search(String q) {
        return given().queryParam("q", q)
                .queryParam("limit", 100)
                .get("/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
