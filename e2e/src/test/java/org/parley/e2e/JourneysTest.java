package org.parley.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.launcher.ApiClient;
import org.parley.launcher.ApiClient.Answer;
import org.parley.testing.RawRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The user journeys of the seeds issue, over the whole running platform with the paper's cases and
 * their fixed sample tiers: Escobar PUBLICLY_KNOWN released, Gulf Clan RESULTS_PUBLIC released, El
 * Salvador RESULTS_PUBLIC released + oas PROCESS grant, Honduras PUBLICLY_KNOWN, Haiti SECRET + medic-ngo
 * SUMMARY grant, Mexico SECRET, Brazil RESULTS_PUBLIC not released, Ecuador PUBLICLY_KNOWN released.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysTest {

    /** How long a policy change may take to reach every service (the target is under 1 s). */
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);

    private static RunningPlatform platform;
    private static ApiClient api;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.get();
        api = platform.api;
    }

    private static String cases() {
        return platform.endpoints.cases();
    }

    private static String access() {
        return platform.endpoints.access();
    }

    private static String interviews() {
        return platform.endpoints.interviews();
    }

    private static String events() {
        return platform.endpoints.events();
    }

    private static String caseId(String key) {
        return platform.caseIds.get(key);
    }

    @Test
    @Order(0)
    void aCaseCreatedWithAStaffTokenReachesAccessAndTheLedger() throws Exception {
        Answer created = api.post("sofia", cases() + "/cases", newCase("Walking skeleton case"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(created.body().path("header").path("tier").asText()).isEqualTo("SECRET");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("ana", access() + "/cases/" + id + "/access")
                                .status())
                        .isEqualTo(200));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(types(api.get("irene", events() + "/ledger?case=" + id)
                                .body()))
                        .contains("CaseOpened"));
    }

    /**
     * {@code ./parley seed} again (issue 16): nothing changes on an up-to-date platform, and a coded section that
     * differs from the seed's (as in a demo database made before the recoding) is brought up to it.
     */
    @Test
    @Order(99)
    void aSecondSeedChangesNothingAndUpgradesASectionThatDiffers() throws Exception {
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (Map.Entry<String, String> seeded : platform.caseIds.entrySet()) {
            versions.put(
                    seeded.getKey(), coded(seeded.getValue()).path("version").asLong());
        }
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, String> again = new org.parley.launcher.SeedLoader(
                        RunningPlatform.projectRoot().resolve("seeds"), platform.endpoints, progress::add)
                .load();
        assertThat(again).isEqualTo(platform.caseIds);
        for (Map.Entry<String, Long> seen : versions.entrySet()) {
            assertThat(coded(caseId(seen.getKey())).path("version").asLong())
                    .as(seen.getKey() + " unchanged by a second seed")
                    .isEqualTo(seen.getValue());
        }
        assertThat(progress).contains("case escobar coded sections up to date");

        String escobar = caseId("escobar");
        JsonNode seeded = coded(escobar).path("context");
        Answer changed = api.update(
                "sofia",
                "PATCH",
                cases() + "/cases/" + escobar + "/coded/context",
                coded(escobar).path("version").asLong(),
                Map.of("groups", List.of(Map.of("name", "An older coding"))));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(coded(escobar).path("context")).isNotEqualTo(seeded);

        progress.clear();
        new org.parley.launcher.SeedLoader(
                        RunningPlatform.projectRoot().resolve("seeds"), platform.endpoints, progress::add)
                .load();
        assertThat(coded(escobar).path("context"))
                .as("upgraded to the seed's coding")
                .isEqualTo(seeded);
        assertThat(String.join("\n", progress)).contains("case escobar coded context");
    }

    /**
     * A citation of an interview excerpt is answered exactly to the readers who may see that excerpt, by the
     * interviews service's own rule: the lead sees a proposed and an approved one, a partner with an EXCERPTS grant
     * only the approved one, a partner whose grant stops short of excerpts none; withdrawn consent takes it from the
     * partner at once (the next read, no propagation).
     */
    @Test
    @Order(8)
    void aCitedExcerptIsAnsweredOnlyToTheReadersWhoMaySeeTheExcerpt() throws Exception {
        String id = openedAndKnownToAccess("Citation journey");
        Answer excerptsGrant = api.post(
                "ana",
                access() + "/cases/" + id + "/grants",
                Map.of("organisation", "oas", "scope", "EXCERPTS", "reason", "journey"));
        assertThat(excerptsGrant.status()).as(excerptsGrant.raw()).isEqualTo(202);
        Answer approved = api.post(
                "bruno",
                access() + "/secrecy-requests/" + requestIdOf(excerptsGrant.body()) + "/approval",
                Map.of("reason", "ok"));
        assertThat(approved.status()).as(approved.raw()).isBetween(200, 204);
        Answer summaryGrant = api.post(
                "ana",
                access() + "/cases/" + id + "/grants",
                Map.of("organisation", "medic-ngo", "scope", "SUMMARY", "reason", "journey"));
        assertThat(summaryGrant.status()).as(summaryGrant.raw()).isEqualTo(201);

        Map<String, Object> interview = interview("Citation Official", "former mediator", id, "CO", true);
        interview.put(
                "quotes", List.of(Map.of("n", 1, "text", "SAMPLE DATA. First."), Map.of("n", 2, "text", "Second.")));
        // the interviews service learns the case's policy from access's events: it may need a moment
        Answer recorded = api.post("sofia", interviews() + "/interviews", interview);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        String interviewId = recorded.body().path("id").asText();
        for (int quote : List.of(1, 2)) {
            Answer proposed = api.post(
                    "sofia", interviews() + "/interviews/" + interviewId + "/excerpts", Map.of("quote", quote));
            assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        }
        Answer approval = api.update(
                "sofia",
                "POST",
                interviews() + "/interviews/" + interviewId + "/excerpts/1/approval",
                recorded.body().path("version").asLong(),
                null);
        assertThat(approval.status()).as(approval.raw()).isEqualTo(200);

        String first = interviewId + "/1";
        String second = interviewId + "/2";
        Answer cited = api.update(
                "sofia",
                "PATCH",
                cases() + "/cases/" + id + "/coded/context",
                coded(id).path("version").asLong(),
                Map.of(
                        "groups",
                        List.of(Map.of(
                                "name", "Cited group",
                                "internalControl", "CENTRALISED",
                                "sources",
                                        Map.of(
                                                "internalControl",
                                                List.of(
                                                        Map.of("publication", "Journey 2026"),
                                                        Map.of("excerpt", first),
                                                        Map.of("excerpt", second)))))));
        assertThat(cited.status()).as(cited.raw()).isEqualTo(200);

        assertThat(citedExcerpts("sofia", id)).containsExactly(first, second);
        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(citedExcerpts("lucia", id)).containsExactly(first));
        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(api.get("pierre", cases() + "/cases/" + id + "/coded")
                                .status())
                        .isEqualTo(200));
        assertThat(citedExcerpts("pierre", id)).isEmpty();
        // an export answers each reader's citations as the case does: asked with the token of the reader exporting
        assertThat(exportedExcerpts("sofia", id)).containsExactly(first, second);
        assertThat(exportedExcerpts("lucia", id)).containsExactly(first);
        assertThat(api.get("pierre", cases() + "/cases/" + id + "/coded").raw())
                .contains("Journey 2026")
                .doesNotContain(interviewId);

        Answer withdrawn = api.update(
                "sofia",
                "PATCH",
                interviews() + "/interviews/" + interviewId,
                api.get("sofia", interviews() + "/interviews/" + interviewId)
                        .body()
                        .path("version")
                        .asLong(),
                Map.of(
                        "consent",
                        Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", false)));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(citedExcerpts("lucia", id)).isEmpty();
        assertThat(api.get("lucia", cases() + "/cases/" + id + "/coded").raw()).doesNotContain(interviewId);
        assertThat(citedExcerpts("sofia", id)).containsExactly(first, second);
    }

    /** The excerpts cited on the first group's internal control, as this reader is answered. */
    private static List<String> citedExcerpts(String user, String id) throws Exception {
        Answer answer = api.get(user, cases() + "/cases/" + id + "/coded");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return excerptsCitedIn(answer.body());
    }

    /** The same, in this reader's JSON export of the cases it may see. */
    private static List<String> exportedExcerpts(String user, String id) throws Exception {
        Answer answer = api.get(user, cases() + "/cases/export?format=json&ceiling=SECRET");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        for (JsonNode exported : answer.body().path("cases")) {
            if (exported.path("id").asText().equals(id)) {
                return excerptsCitedIn(exported);
            }
        }
        throw new AssertionError(user + "'s export lacks " + id);
    }

    private static List<String> excerptsCitedIn(JsonNode coded) {
        List<String> excerpts = new java.util.ArrayList<>();
        for (JsonNode citation :
                coded.path("context").path("groups").path(0).path("sources").path("internalControl")) {
            if (citation.has("excerpt")) {
                excerpts.add(citation.path("excerpt").asText());
            }
        }
        return excerpts;
    }

    private static JsonNode coded(String id) throws Exception {
        Answer answer = api.get("sofia", cases() + "/cases/" + id + "/coded");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    @Test
    @Order(1)
    void staffLogsAnInterviewAMemberReadsItAndAnotherStaffMemberCannotTellItExists() throws Exception {
        String mexico = caseId("mexico");
        Map<String, Object> interview =
                interview("Journey Official Z", "former municipal official", mexico, "MX", false);
        interview.put("transcript", "SAMPLE DATA. A journey transcript about a mountain road.");
        Answer created = api.post("sofia", interviews() + "/interviews", interview);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("id").asText();

        Answer asMember = api.get("sofia", interviews() + "/interviews/" + id);
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.raw()).contains("mountain road");

        Answer asOtherStaff = api.get("mateo", interviews() + "/interviews/" + id);
        Answer neverExisted = api.get("mateo", interviews() + "/interviews/" + UUID.randomUUID());
        assertThat(asOtherStaff.status()).isEqualTo(404);
        assertThat(asOtherStaff.raw()).isEqualTo(neverExisted.raw());
        assertThat(ids(api.get("mateo", interviews() + "/interviews?limit=100").body()))
                .doesNotContain(id);
    }

    @Test
    @Order(2)
    void aPartnerSeesExactlyWhatTiersAndGrantsAllowWithMatchingTotalsAndFacets() throws Exception {
        Set<String> luciaSees = Set.of(
                caseId("escobar"),
                caseId("gulf-clan"),
                caseId("el-salvador"),
                caseId("honduras"),
                caseId("ecuador"),
                caseId("panama"));
        JsonNode lucia = api.get("lucia", cases() + "/cases?limit=100").body();
        assertThat(ids(lucia)).containsExactlyInAnyOrderElementsOf(luciaSees);
        assertThat(lucia.path("total").asInt()).isEqualTo(luciaSees.size());
        assertThat(sum(lucia.path("facets").path("country"))).isEqualTo(luciaSees.size());
        assertThat(lucia.path("facets").path("country").has("MX")).isFalse();
        assertThat(lucia.path("facets").path("country").has("HT")).isFalse();
        assertThat(lucia.path("facets").path("country").has("BR")).isFalse();
        assertThat(lucia.path("facets").path("tier").has("SECRET")).isFalse();

        // The El Salvador grant shows lucia the process; the public cases show her no process.
        Answer elSalvador = api.get("lucia", cases() + "/cases/" + caseId("el-salvador"));
        assertThat(elSalvador.body().has("process")).isTrue();
        assertThat(api.get("lucia", cases() + "/cases/" + caseId("escobar"))
                        .body()
                        .has("process"))
                .isFalse();

        // A place name that appears only in the secret Mexico case finds nothing for her, but does for the lead.
        assertThat(api.get("lucia", cases() + "/cases?q=Guerrero")
                        .body()
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(api.get("sofia", cases() + "/cases?q=Guerrero")
                        .body()
                        .path("total")
                        .asInt())
                .isPositive();

        JsonNode pierre = api.get("pierre", cases() + "/cases?limit=100").body();
        Set<String> pierreSees = new HashSet<>(luciaSees);
        pierreSees.add(caseId("haiti"));
        assertThat(ids(pierre)).containsExactlyInAnyOrderElementsOf(pierreSees);
        assertThat(pierre.path("total").asInt()).isEqualTo(pierreSees.size());
        assertThat(api.get("pierre", cases() + "/cases/" + caseId("haiti"))
                        .body()
                        .has("process"))
                .isFalse();
    }

    @Test
    @Order(3)
    void declassificationNeedsASecondAdminAndReachesThePublicRegisterTimelineAndLedger() throws Exception {
        String id = openedAndKnownToAccess("Declassification journey");

        Answer requested = api.post(
                "ana", access() + "/cases/" + id + "/tier", Map.of("tier", "PUBLICLY_KNOWN", "reason", "journey"));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String requestId = requestIdOf(requested.body());
        assertThat(anonymous(cases() + "/public/cases/" + id).status()).isEqualTo(404);

        Answer selfApproval =
                api.post("ana", access() + "/secrecy-requests/" + requestId + "/approval", Map.of("reason", "me"));
        assertThat(selfApproval.status()).isEqualTo(403);
        Answer approval =
                api.post("bruno", access() + "/secrecy-requests/" + requestId + "/approval", Map.of("reason", "ok"));
        assertThat(approval.status()).as(approval.raw()).isBetween(200, 204);

        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(
                                anonymous(cases() + "/public/cases/" + id).status())
                        .isEqualTo(200));
        assertThat(ids(anonymous(cases() + "/public/cases?limit=100").body())).contains(id);
        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(kinds(api.get("sofia", events() + "/cases/" + id + "/timeline")
                                .body()))
                        .contains("CASE_OPENED", "TIER_CHANGED"));
        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(types(api.get("irene", events() + "/ledger?case=" + id)
                                .body()))
                        .contains("SecrecyChangeRequested", "SecrecyChangeApproved", "TierChanged"));
    }

    @Test
    @Order(4)
    void revokingAGrantTakesTheCaseAwayFromThePartnerInEveryService() throws Exception {
        String id = openedAndKnownToAccess("Revocation journey");
        Answer granted = api.post(
                "ana",
                access() + "/cases/" + id + "/grants",
                Map.of("organisation", "oas", "scope", "SUMMARY", "reason", "journey"));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
        String grantId = granted.body().path("id").asText();
        await().atMost(PROPAGATION_BOUND)
                .until(() -> api.get("lucia", cases() + "/cases/" + id).ok());
        await().atMost(PROPAGATION_BOUND)
                .until(() -> api.get("lucia", events() + "/cases/" + id + "/timeline")
                        .ok());

        Answer revoked =
                api.send("ana", "DELETE", access() + "/cases/" + id + "/grants/" + grantId + "?reason=journey", null);
        assertThat(revoked.status()).as(revoked.raw()).isBetween(200, 204);
        long revokedAt = System.nanoTime();
        String neverExisted =
                api.get("lucia", cases() + "/cases/" + UUID.randomUUID()).raw();
        await().atMost(PROPAGATION_BOUND).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            Answer read = api.get("lucia", cases() + "/cases/" + id);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.raw()).isEqualTo(neverExisted);
        });
        await().atMost(PROPAGATION_BOUND)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(api.get("lucia", events() + "/cases/" + id + "/timeline")
                                .status())
                        .isEqualTo(404));
        System.out.printf(
                "e2e: revocation reached cases and events in %d ms%n", (System.nanoTime() - revokedAt) / 1_000_000);
        assertThat(ids(api.get("lucia", cases() + "/cases?limit=100").body())).doesNotContain(id);

        // The seeded El Salvador grant: revoking it leaves lucia the public part, without the process.
        JsonNode grants = api.get("ana", access() + "/cases/" + caseId("el-salvador") + "/grants")
                .body();
        for (JsonNode grant : grants.has("items") ? grants.path("items") : grants) {
            if ("oas".equals(grant.path("organisation").asText())) {
                api.send(
                        "ana",
                        "DELETE",
                        access() + "/cases/" + caseId("el-salvador") + "/grants/"
                                + grant.path("id").asText() + "?reason=journey",
                        null);
            }
        }
        await().atMost(PROPAGATION_BOUND)
                .untilAsserted(() -> assertThat(api.get("lucia", cases() + "/cases/" + caseId("el-salvador"))
                                .body()
                                .has("process"))
                        .isFalse());
    }

    @Test
    @Order(5)
    void theCustodianRevealsAnIdentityWithAReasonAndTheAuditorSeesTheEntryButNoContent() throws Exception {
        String haiti = caseId("haiti");
        JsonNode list = api.get("sofia", interviews() + "/interviews?limit=100&case=" + haiti)
                .body();
        String interviewId = list.path("items").get(0).path("id").asText();

        Answer withoutReason = api.post("carlos", interviews() + "/interviews/" + interviewId + "/identity", Map.of());
        assertThat(withoutReason.status()).isEqualTo(400);
        Answer notCustodian = api.post(
                "sofia", interviews() + "/interviews/" + interviewId + "/identity", Map.of("reason", "curious"));
        assertThat(notCustodian.status()).isIn(403, 404);

        Answer revealed = api.post(
                "carlos",
                interviews() + "/interviews/" + interviewId + "/identity",
                Map.of("reason", "Court order 2026-117"));
        assertThat(revealed.status()).as(revealed.raw()).isEqualTo(200);
        String name = revealed.body().path("name").asText();
        assertThat(name).contains("(fictional)");

        await().atMost(PROPAGATION_BOUND).untilAsserted(() -> {
            Answer ledger = api.get("irene", events() + "/ledger?type=IdentityRevealed");
            assertThat(types(ledger.body())).contains("IdentityRevealed");
            assertThat(ledger.raw()).doesNotContain(name).doesNotContain("Court order");
        });
    }

    @Test
    @Order(6)
    void anAnonymousVisitorReadsThePublicRegisterAndNothingElse() throws Exception {
        Set<String> publicCases = Set.of(
                caseId("escobar"),
                caseId("gulf-clan"),
                caseId("el-salvador"),
                caseId("honduras"),
                caseId("ecuador"),
                caseId("panama"));
        Set<String> listed = ids(anonymous(cases() + "/public/cases?limit=100").body());
        assertThat(listed).containsAll(publicCases);
        assertThat(listed).doesNotContain(caseId("haiti"), caseId("mexico"), caseId("brazil"));

        Answer secret = anonymous(cases() + "/public/cases/" + caseId("mexico"));
        Answer neverExisted = anonymous(cases() + "/public/cases/" + UUID.randomUUID());
        assertThat(secret.status()).isEqualTo(404);
        assertThat(secret.raw()).isEqualTo(neverExisted.raw());
        assertThat(anonymous(cases() + "/public/cases/" + caseId("gulf-clan"))
                        .body()
                        .has("context"))
                .isFalse();

        for (String url : List.of(
                cases() + "/cases", interviews() + "/interviews", events() + "/ledger", access() + "/organisations")) {
            assertThat(anonymous(url).status()).as(url).isEqualTo(401);
        }
        // A public case's timeline shows its header-level history since it became public (the release that
        // followed), with no trace of its secret phase (section 5); a secret one's never existed.
        assertThat(kinds(anonymous(events() + "/cases/" + caseId("escobar") + "/timeline")
                        .body()))
                .contains("RESULTS_RELEASE_CHANGED")
                .doesNotContain("CASE_OPENED", "TIER_CHANGED", "PROCESS_ENTRY_ADDED", "GRANT_ISSUED");
        Answer secretTimeline = anonymous(events() + "/cases/" + caseId("mexico") + "/timeline");
        assertThat(secretTimeline.status()).isEqualTo(404);
        assertThat(secretTimeline.raw())
                .isEqualTo(anonymous(events() + "/cases/" + UUID.randomUUID() + "/timeline")
                        .raw());
    }

    /** An interview's body, linked to one case, quoting allowed, sharing with partners as given; tests add the rest. */
    private static Map<String, Object> interview(
            String pseudonym, String descriptor, String caseId, String country, boolean mayShare) {
        Map<String, Object> interview = new java.util.LinkedHashMap<>();
        interview.put("pseudonym", pseudonym);
        interview.put("descriptor", descriptor);
        interview.put("category", "GOVERNMENT_OFFICIAL");
        interview.put("date", "2019-11");
        interview.put("country", country);
        interview.put("mode", "REMOTE");
        interview.put("language", "es");
        interview.put("linkedCases", List.of(caseId));
        interview.put(
                "consent", Map.of("mayQuote", true, "attribution", "DESCRIPTOR", "mayShareWithPartners", mayShare));
        interview.put("themes", List.of("RISKS"));
        return interview;
    }

    /** A case sofia opens, once the access service has recorded it (so its secrecy admins can manage it). */
    private static String openedAndKnownToAccess(String title) throws Exception {
        String id = api.post("sofia", cases() + "/cases", newCase(title))
                .body()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api.get("ana", access() + "/cases/" + id + "/access").ok());
        return id;
    }

    private static Answer anonymous(String url) throws Exception {
        return api.get(null, url);
    }

    private static Map<String, Object> newCase(String title) {
        return Map.of(
                "header",
                Map.of(
                        "title", title,
                        "country", "CO",
                        "region", "Antioquia",
                        "period", Map.of("start", "2026-01-01"),
                        "status", "EXPLORATORY"));
    }

    @Test
    @Order(7)
    void everyServiceReadsAnIdInEitherLetterCaseAndRefusesWithTheSameNeverExistedAnswer() throws Exception {
        String mexico = caseId("mexico");
        String unknown = UUID.randomUUID().toString();
        // The same case through each service's own door (one gate, one id parser in all four).
        List<String> doors = List.of(
                cases() + "/cases/%s",
                access() + "/cases/%s/access",
                interviews() + "/cases/%s/excerpts",
                events() + "/cases/%s/timeline");
        for (String door : doors) {
            HttpResponse<String> lower = raw("sofia", door.formatted(mexico));
            HttpResponse<String> upper = raw("sofia", door.formatted(mexico.toUpperCase(Locale.ROOT)));
            assertThat(lower.statusCode()).as(door).isEqualTo(200);
            assertThat(upper.statusCode()).as(door + " in upper case").isEqualTo(200);
            assertThat(upper.body()).as(door).contains(mexico);
            assertThat(upper.headers().firstValue("Cache-Control")).as(door).contains("no-store");

            HttpResponse<String> neverExisted = raw("mateo", door.formatted(unknown));
            assertThat(neverExisted.statusCode()).as(door).isEqualTo(404);
            assertThat(neverExisted.headers().firstValue("Cache-Control"))
                    .as(door)
                    .contains("no-store");
            for (String hidden : List.of(mexico, mexico.toUpperCase(Locale.ROOT), unknown.toUpperCase(Locale.ROOT))) {
                HttpResponse<String> refused = raw("mateo", door.formatted(hidden));
                assertThat(refused.statusCode()).as(door + " " + hidden).isEqualTo(404);
                assertThat(refused.body()).as(door + " " + hidden).isEqualTo(neverExisted.body());
            }
        }
    }

    @Test
    @Order(9)
    void everyServiceAnswersAnAddressThatIsNotAValidUriOrIsLongWithAProblemThatNamesNothingOfIt() throws Exception {
        // Quarkus's HTTP layer answered these with a bare 400 before any route (ServiceMain, UriSyntax).
        for (String base : List.of(cases(), access(), interviews(), events())) {
            int port = URI.create(base).getPort();
            for (String target : List.of("/cases/%zz", "/cases?q=%", "/cases?q=CANARY|%%%", "/cases/CANARY%A")) {
                for (String token : new String[] {api.token("sofia"), null}) {
                    RawRequest answer = RawRequest.get(port, target, token);
                    String what = base + target + (token == null ? " anonymous" : " as sofia");
                    assertThat(answer.status()).as(what).isEqualTo(400);
                    assertThat(answer.headers().get("content-type")).as(what).startsWith("application/problem+json");
                    JsonNode problem = JSON.readTree(answer.body());
                    assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
                    assertThat(answer.body()).as(what).doesNotContain("CANARY").doesNotContain("%zz");
                }
            }
            // A 20 KB address (past Quarkus's default 4,096-byte request line, where Netty answered a bare 414) is
            // answered like any other: the never-existed 404 for a case's id that is not one, a 404 elsewhere.
            RawRequest longAddress = RawRequest.get(port, "/cases/CANARY" + "a".repeat(20_000), api.token("sofia"));
            assertThat(longAddress.status()).as(base).isEqualTo(404);
            assertThat(longAddress.headers().get("content-type")).as(base).startsWith("application/problem+json");
            assertThat(longAddress.body()).as(base).doesNotContain("CANARY");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A GET with the user's token, headers and all. */
    private static HttpResponse<String> raw(String user, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + api.token(user))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String requestIdOf(JsonNode body) {
        return body.has("requestId")
                ? body.path("requestId").asText()
                : body.path("id").asText();
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> types(JsonNode list) {
        List<String> types = new java.util.ArrayList<>();
        list.path("items").forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new java.util.ArrayList<>();
        timeline.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    private static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode count : counts) {
            total += count.asInt();
        }
        return total;
    }
}
