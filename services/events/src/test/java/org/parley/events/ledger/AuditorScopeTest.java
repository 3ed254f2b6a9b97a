package org.parley.events.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.CaseOpened;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;
import org.parley.proto.v1.RestrictedRead;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Auditors see their own organisation's part of the ledger only: entries of cases it owns (whoever the
 * actor) and entries about no case by its own people; never another owner's case. Entries carry ids,
 * types, times and hashes only. Everyone else is refused.
 */
@QuarkusTest
class AuditorScopeTest extends EventsStackTest {

    private static final Set<String> ENTRY_FIELDS = Set.of(
            "sequence",
            "eventId",
            "type",
            "caseId",
            "actorSubject",
            "actorOrganisation",
            "owningOrganisation",
            "occurredAt",
            "recordedAt",
            "eventDigest",
            "prevHash",
            "hash");

    @Test
    void ireneSeesIfitsEntriesOnlyAndNoContent() {
        Instant since = Instant.now().minusSeconds(1);
        String ifitCase = UUID.randomUUID().toString();
        String oasCase = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        String lucia = subjectOf("lucia");

        List<Envelope> ifitOwned = new ArrayList<>();
        List<Envelope> notIfits = new ArrayList<>();
        ifitOwned.add(append(
                Topics.CASES,
                Envelopes.about(ifitCase, sofia, HOST, Instant.now())
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(HOST)
                                .setLeadSubject(sofia)
                                .setTier(Tier.SECRET))));
        // Read by a partner: still ifit's case, so ifit's auditors see it.
        ifitOwned.add(append(Topics.AUDIT, read(ifitCase, lucia, "oas")));
        ifitOwned.add(append(
                Topics.AUDIT,
                Envelopes.about(null, sofia, HOST, Instant.now())
                        .setExportMade(
                                ExportMade.newBuilder().setResourceKind("case").setRecordCount(3))));
        // oas owns this one (known from its policy snapshot); ifit's sofia reading it is oas's business.
        notIfits.add(recordPolicy(oasCase, "oas", lucia));
        notIfits.add(append(Topics.AUDIT, read(oasCase, sofia, HOST)));
        notIfits.add(append(
                Topics.AUDIT,
                Envelopes.about(null, lucia, "oas", Instant.now())
                        .setExportMade(
                                ExportMade.newBuilder().setResourceKind("case").setRecordCount(1))));
        List<String> all = new ArrayList<>(ids(ifitOwned));
        all.addAll(ids(notIfits));
        awaitLedger(all, Duration.ofSeconds(60));

        List<Map<String, Object>> seen = allPages("irene", Map.of("from", since.toString(), "limit", "50"));
        Set<String> seenIds = new HashSet<>();
        for (Map<String, Object> entry : seen) {
            seenIds.add((String) entry.get("eventId"));
            assertThat(ENTRY_FIELDS).containsAll(entry.keySet());
            if (entry.get("caseId") == null) {
                assertThat(entry.get("actorOrganisation"))
                        .as("no-case entries of ifit's own people")
                        .isEqualTo(HOST);
            } else {
                assertThat(entry.get("caseId")).isNotEqualTo(oasCase);
                assertThat(entry.get("owningOrganisation")).isIn(HOST, null);
            }
        }
        assertThat(seenIds).containsAll(ids(ifitOwned)).doesNotContainAnyElementsOf(ids(notIfits));

        // Asking for oas's case by id gives the same as asking for a case that never existed.
        String oasAnswer = as("irene")
                .queryParam("case", oasCase)
                .get("/ledger")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String unknownAnswer = as("irene")
                .queryParam("case", UUID.randomUUID().toString())
                .get("/ledger")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(oasAnswer).isEqualTo(unknownAnswer).contains("\"items\":[]");
    }

    @Test
    void filtersAndCursorsNarrowTheAuditorsView() {
        String ifitCase = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        List<Envelope> reads = new ArrayList<>();
        reads.add(append(
                Topics.CASES,
                Envelopes.about(ifitCase, sofia, HOST, Instant.now())
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(HOST)
                                .setTier(Tier.SECRET))));
        for (int i = 0; i < 5; i++) {
            reads.add(append(Topics.AUDIT, read(ifitCase, sofia, HOST)));
        }
        awaitLedger(ids(reads), Duration.ofSeconds(60));

        List<Map<String, Object>> byCase = allPages("irene", Map.of("case", ifitCase, "limit", "2"));
        // (Other services on the shared broker may add their own entries about the case, e.g. access's
        // CasePolicyRecorded: "contains", and exactness on the narrower filters below.)
        assertThat(byCase).extracting(e -> (String) e.get("eventId")).containsAll(ids(reads));
        assertThat(byCase)
                .extracting(e -> ((Number) e.get("sequence")).longValue())
                .as("newest first, pages without overlap")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        List<Map<String, Object>> oldestFirst =
                allPages("irene", Map.of("case", ifitCase, "limit", "2", "order", "oldest"));
        assertThat(oldestFirst)
                .extracting(e -> ((Number) e.get("sequence")).longValue())
                .as("the chain's order on request")
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSameSizeAs(byCase);
        // A day as from and to: today's entries (to includes its day); tomorrow's are none.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(allPages("irene", Map.of("case", ifitCase, "from", today, "to", today)))
                .hasSameSizeAs(byCase);
        assertThat(allPages("irene", Map.of("case", ifitCase, "from", tomorrow)))
                .isEmpty();
        List<Map<String, Object>> byType =
                allPages("irene", Map.of("case", ifitCase, "type", "RestrictedRead", "actor", sofia));
        assertThat(byType).hasSize(5);
        assertThat(allPages("irene", Map.of("case", ifitCase, "organisation", "oas")))
                .isEmpty();
    }

    @Test
    void nonAuditorsAndBadFiltersAreRefusedWithoutEchoingValues() {
        as("sofia").get("/ledger").then().statusCode(403);
        as("lucia").get("/ledger").then().statusCode(403);
        as("bruno").get("/ledger").then().statusCode(403);
        RestAssured.given().get("/ledger").then().statusCode(401);

        String body = as("irene")
                .queryParam("case", "<script>secret</script>")
                .queryParam("from", "yesterday")
                .queryParam("limit", "100000")
                .get("/ledger")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("case", "from", "limit"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("secret").doesNotContain("yesterday");
        as("irene")
                .queryParam("order", "sideways")
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01")
                .get("/ledger")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("order", "to"));
        // A cursor of one order is refused by the other.
        String newestCursor = as("irene")
                .queryParam("limit", "1")
                .get("/ledger")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        as("irene")
                .queryParam("order", "oldest")
                .queryParam("cursor", newestCursor)
                .get("/ledger")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("sofia").get("/ledger/1").then().statusCode(403);
        RestAssured.given().get("/ledger/1").then().statusCode(401);
        as("irene")
                .queryParam("cursor", "bogus!")
                .get("/ledger")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void oneEntryWithItsHashesAndTheCheckpointCoveringIt() {
        String ifitCase = UUID.randomUUID().toString();
        String oasCase = UUID.randomUUID().toString();
        String sofia = subjectOf("sofia");
        Envelope mine = append(
                Topics.CASES,
                Envelopes.about(ifitCase, sofia, HOST, Instant.now())
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(HOST)
                                .setTier(Tier.SECRET)));
        Envelope theirs = recordPolicy(oasCase, "oas", subjectOf("lucia"));
        awaitLedger(ids(List.of(mine, theirs)), Duration.ofSeconds(60));

        JsonPath byId = as("irene")
                .get("/ledger/" + mine.getEventId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long sequence = byId.getLong("entry.sequence");
        assertThat(byId.getString("entry.eventId")).isEqualTo(mine.getEventId());
        assertThat(byId.getString("entry.hash")).hasSize(64);
        assertThat(byId.getString("entry.prevHash")).hasSize(64);
        // The same entry by its sequence, in upper-case id letters too.
        JsonPath bySequence = as("irene")
                .get("/ledger/" + sequence)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(bySequence.getString("entry.hash")).isEqualTo(byId.getString("entry.hash"));
        as("irene")
                .get("/ledger/" + mine.getEventId().toUpperCase(java.util.Locale.ROOT))
                .then()
                .statusCode(200);

        // Once signed, the checkpoint that covers it is the first at or after it, and signs that entry's chain.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        as("irene").get("/ledger/" + sequence).then().extract().path("checkpoint") != null);
        JsonPath signed =
                as("irene").get("/ledger/" + sequence).then().extract().jsonPath();
        long covering = signed.getLong("checkpoint.sequence");
        assertThat(covering).isGreaterThanOrEqualTo(sequence);
        assertThat(signed.getString("checkpoint.algorithm")).isEqualTo("Ed25519");
        String publicKey = as("irene")
                .get("/ledger/public-key")
                .then()
                .statusCode(200)
                .extract()
                .path("publicKey");
        assertThat(CheckpointKeys.verifyingWith(List.of(publicKey))
                        .verify(
                                signed.getString("checkpoint.keyId"),
                                covering,
                                signed.getString("checkpoint.hash"),
                                signed.getString("checkpoint.signature")))
                .as("the checkpoint's signature holds under the service's public key")
                .isTrue();
        if (covering == sequence) {
            assertThat(signed.getString("checkpoint.hash")).isEqualTo(byId.getString("entry.hash"));
        }

        // Outside the scope, unknown or malformed: the same 404.
        String theirsAnswer = as("irene")
                .get("/ledger/" + theirs.getEventId())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String unknownAnswer = as("irene")
                .get("/ledger/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(theirsAnswer).isEqualTo(unknownAnswer);
        as("irene").get("/ledger/not-an-entry").then().statusCode(404);
        as("irene").get("/ledger/0").then().statusCode(404);
    }

    private static Envelope.Builder read(String caseId, String subject, String organisation) {
        return Envelopes.about(caseId, subject, organisation, Instant.now())
                .setRestrictedRead(RestrictedRead.newBuilder()
                        .setResourceKind("case")
                        .setResourceId(caseId)
                        .addSections("HEADER"));
    }

    private static List<Map<String, Object>> allPages(String user, Map<String, String> filters) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            var request = as(user).queryParams(filters);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json =
                    request.get("/ledger").then().statusCode(200).extract().jsonPath();
            entries.addAll(json.getList("items"));
            cursor = json.getString("nextCursor");
            if (cursor == null) {
                return entries;
            }
        }
        throw new AssertionError("too many pages");
    }
}
