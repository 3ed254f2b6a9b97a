package org.parley.interviews;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.interviews.vault.IdentityVault;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.projection.PolicyProjection;
import org.parley.proto.v1.CasePolicyRecorded;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.IdentityRevealed;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.consent;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.identityContactOf;
import static org.parley.interviews.Fixtures.identityNameOf;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;
import static org.parley.interviews.Fixtures.setPolicy;

/**
 * Who learns what about an interview, over real Keycloak tokens and projection state: members, partners
 * with and without an EXCERPTS grant, other staff, a secrecy admin, the custodian, anonymous callers.
 */
@QuarkusTest
class VisibilityTest {

    @Inject
    PolicyProjection projection;

    @Inject
    IdentityVault vault;

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void membersReadTheContentAndNobodyElseLearnsTheInterviewExists() {
        String caseId = secretCase("sofia");
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);

        Response member = as("sofia").get("/interviews/" + id);
        member.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(member.jsonPath().getString("transcript")).contains(Fixtures.TRANSCRIPT_PHRASE);
        assertThat(member.jsonPath().getString("descriptor")).isEqualTo(body.get("descriptor"));
        assertThat(member.jsonPath().getList("quotes.n")).containsExactly(1, 2);
        assertThat(member.asString())
                .as("content never carries the identity")
                .doesNotContain(identityNameOf(body), identityContactOf(body));

        for (String outsider : List.of("mateo", "ana", "bruno", "irene", "lucia", "pierre", "carlos")) {
            assertNeverExisted(outsider, "/interviews/" + id);
            assertNeverExisted(outsider, "/interviews/" + id + "/excerpts");
        }
        as(null).get("/interviews/" + id).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownMalformedAndInvisibleIdsGetTheSameAnswerOnEveryEndpoint() {
        String id = record("sofia", interview(secretCase("sofia")));
        String unknown = UUID.randomUUID().toString();

        for (String target : List.of(id, unknown, "not-an-id", id.toUpperCase().replace('-', '_'))) {
            Response read = as("mateo").get("/interviews/" + target);
            Response patch = as("mateo").body(Map.of("pseudonym", "X")).patch("/interviews/" + target);
            Response propose = as("mateo").body(Map.of("quote", 1)).post("/interviews/" + target + "/excerpts");
            Response approve =
                    as("mateo").header("If-Match", "\"1\"").post("/interviews/" + target + "/excerpts/1/approval");
            Response approveWithoutIfMatch = as("mateo").post("/interviews/" + target + "/excerpts/1/approval");
            Response excerpts = as("lucia").get("/interviews/" + target + "/excerpts");
            for (Response response : List.of(read, patch, propose, approve, approveWithoutIfMatch, excerpts)) {
                response.then().statusCode(404).contentType("application/problem+json");
                assertThat(response.asString()).isEqualTo(neverExisted().asString());
            }
        }
    }

    @Test
    void theStrictestLinkedCaseGoverns() {
        String secret = secretCase("sofia");
        Map<String, TeamRole> publicTeam = Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER);
        String publiclyKnown = newCase(Tier.PUBLICLY_KNOWN, true, publicTeam, Map.of());
        String both = record("sofia", interview(secret, publiclyKnown));
        String publicOnly = record("sofia", interview(publiclyKnown));

        as("mateo").get("/interviews/" + publicOnly).then().statusCode(200);
        assertNeverExisted("mateo", "/interviews/" + both);
        assertNeverExisted("lucia", "/interviews/" + publicOnly);

        setPolicy(secret, Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER), Map.of());
        as("mateo").get("/interviews/" + both).then().statusCode(200);

        // Revocation bites at once.
        setPolicy(secret, Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of());
        assertNeverExisted("mateo", "/interviews/" + both);
    }

    @Test
    void anExcerptGranteeSeesApprovedExcerptsOnlyAttributedAsTheConsentAllows() {
        Map<String, TeamRole> team = Map.of("sofia", TeamRole.LEAD, "mateo", TeamRole.MEMBER);
        String caseId =
                newCase(Tier.SECRET, false, team, Map.of("oas", GrantScope.EXCERPTS, "medic-ngo", GrantScope.PROCESS));
        Map<String, Object> descriptorConsent = interview(caseId);
        String id = record("sofia", descriptorConsent);

        as("mateo")
                .body(Map.of("quote", 1))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        as("mateo")
                .body(Map.of("quote", 2))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        as("mateo")
                .body(Map.of("quote", 2))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(409);
        Fixtures.approval("mateo", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/9/approval")
                .then()
                .statusCode(404);

        Response partner = as("lucia").get("/interviews/" + id + "/excerpts");
        partner.then().statusCode(200);
        assertThat(partner.jsonPath().getList("items.n")).containsExactly(1);
        assertThat(partner.jsonPath().getString("items[0].status")).isEqualTo("APPROVED");
        assertThat(partner.jsonPath().getString("items[0].attribution.pseudonym"))
                .isEqualTo(descriptorConsent.get("pseudonym"));
        assertThat(partner.jsonPath().getString("items[0].attribution.descriptor"))
                .isEqualTo(descriptorConsent.get("descriptor"));
        assertThat(partner.asString())
                .doesNotContain(Fixtures.TRANSCRIPT_PHRASE, identityNameOf(descriptorConsent), "pause");
        as("lucia").get("/interviews/" + id).then().statusCode(403).contentType("application/problem+json");
        assertNeverExisted("pierre", "/interviews/" + id + "/excerpts");
        assertNeverExisted("pierre", "/interviews/" + id);

        Response members = as("mateo").get("/interviews/" + id + "/excerpts");
        assertThat(members.jsonPath().getList("items.status")).containsExactly("APPROVED", "PROPOSED");

        assertThat(approvedAttribution(caseId, "CATEGORY")).isEqualTo(Map.of("category", "GOVERNMENT_OFFICIAL"));
        assertThat(approvedAttribution(caseId, "NONE")).isNull();
    }

    @Test
    void excerptsNeedTheGrantOnEveryLinkedCase() {
        String withExcerpts =
                newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of("oas", GrantScope.EXCERPTS));
        String withProcess =
                newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of("oas", GrantScope.PROCESS));
        String id = record("sofia", interview(withExcerpts, withProcess));
        as("sofia")
                .body(Map.of("quote", 1))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(200);

        assertNeverExisted("lucia", "/interviews/" + id + "/excerpts");
    }

    @Test
    void partnersFindApprovedExcerptsThroughTheCaseAndNothingOfInterviewsTheyMayNotRead() throws SQLException {
        Map<String, TeamRole> team = Map.of("sofia", TeamRole.LEAD);
        String shared =
                newCase(Tier.SECRET, false, team, Map.of("oas", GrantScope.EXCERPTS, "medic-ngo", GrantScope.PROCESS));
        String processOnly = newCase(Tier.SECRET, false, team, Map.of("oas", GrantScope.PROCESS));
        String readable = record("sofia", interview(shared));
        String alsoOnProcessOnly = record("sofia", interview(shared, processOnly));
        String nothingApproved = record("sofia", interview(shared));
        for (String id : List.of(readable, alsoOnProcessOnly, nothingApproved)) {
            as("sofia")
                    .body(Map.of("quote", 1))
                    .post("/interviews/" + id + "/excerpts")
                    .then()
                    .statusCode(201);
        }
        as("sofia")
                .body(Map.of("quote", 2))
                .post("/interviews/" + readable + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", readable)
                .post("/interviews/" + readable + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        Fixtures.approval("sofia", alsoOnProcessOnly)
                .post("/interviews/" + alsoOnProcessOnly + "/excerpts/1/approval")
                .then()
                .statusCode(200);

        Response partner = as("lucia").get("/cases/" + shared + "/excerpts");
        partner.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(partner.jsonPath().getString("caseId")).isEqualTo(shared);
        assertThat(partner.jsonPath().getList("interviews.interviewId")).containsExactly(readable);
        assertThat(partner.jsonPath().getList("interviews[0].items.n")).containsExactly(1);
        assertThat(partner.jsonPath().getList("interviews[0].items.status")).containsExactly("APPROVED");
        assertThat(partner.asString())
                .as("nothing of the interview also linked to a case she only sees the process of")
                .doesNotContain(alsoOnProcessOnly, nothingApproved, Fixtures.TRANSCRIPT_PHRASE, "pause");
        assertThat(outboxEnvelope(readable, "RestrictedRead").getActor().getOrganisation())
                .isEqualTo("oas");

        Response member = as("sofia").get("/cases/" + shared + "/excerpts");
        assertThat(member.jsonPath().getList("interviews.interviewId"))
                .containsExactlyInAnyOrder(readable, alsoOnProcessOnly);

        // no grant covering excerpts, no membership, an unknown or malformed id: one "never existed" answer
        String unknown = "/cases/" + UUID.randomUUID() + "/excerpts";
        Response neverExisted = as("lucia").get(unknown);
        neverExisted.then().statusCode(404).contentType("application/problem+json");
        for (String user : List.of("pierre", "mateo", "ana", "irene", "carlos")) {
            Response answer = as(user).get("/cases/" + shared + "/excerpts");
            answer.then().statusCode(404);
            assertThat(answer.asString()).as(user).isEqualTo(neverExisted.asString());
        }
        for (String path : List.of("/cases/" + processOnly + "/excerpts", "/cases/not-a-case/excerpts", unknown)) {
            assertThat(as("lucia").get(path).asString()).as(path).isEqualTo(neverExisted.asString());
        }
        as(null).get("/cases/" + shared + "/excerpts").then().statusCode(401);

        projectionIs(true);
        try {
            as("lucia").get("/cases/" + shared + "/excerpts").then().statusCode(503);
            as("pierre").get(unknown).then().statusCode(503);
            // members too: the stale copy may still list someone access already removed
            as("sofia").get("/cases/" + shared + "/excerpts").then().statusCode(503);
        } finally {
            projectionIs(false);
        }
    }

    @Test
    void reasonsAnOlderVersionLeftInClearAreSealedAtStart() throws SQLException {
        String id = record("sofia", interview(secretCase("sofia")));
        String reason = "court order 2019 " + UUID.randomUUID();
        try (Connection connection = database();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO identity_reveal (interview_id,"
                        + " custodian_subject, custodian_organisation, reason) VALUES (?, ?, 'ifit', ?)")) {
            insert.setObject(1, UUID.fromString(id));
            insert.setString(2, Fixtures.subject("carlos"));
            insert.setString(3, reason);
            insert.executeUpdate();
        }
        assertThat(revealLog(id)).as("not readable back until sealed").isEmpty();

        assertThat(vault.sealReasonsLeftInClear()).isGreaterThanOrEqualTo(1);

        assertThat(revealRows(id)).doesNotContain(reason);
        assertThat(revealLog(id)).containsExactly(reason);
        assertThat(vault.sealReasonsLeftInClear()).isZero();
    }

    @Test
    void theLeadOfEveryLinkedCaseApproves() {
        String sofiaLeads = secretCase("sofia", "mateo");
        String mateoLeads = secretCase("mateo", "sofia");
        String id = record("sofia", interview(sofiaLeads, mateoLeads));
        as("sofia")
                .body(Map.of("quote", 1))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);

        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(403);
        Fixtures.approval("mateo", id)
                .post("/interviews/" + id + "/excerpts/1/approval")
                .then()
                .statusCode(403);
    }

    @Test
    void consentThatForbidsSharingBlocksExcerptsAndHidesApprovedOnes() {
        String caseId = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of("oas", GrantScope.EXCERPTS));
        Map<String, Object> body = interview(caseId);
        body.put("consent", consent(true, "DESCRIPTOR", false));
        String forbidden = record("sofia", body);
        Map<String, Long> before = Fixtures.rowCounts();

        Response refused = as("sofia").body(Map.of("quote", 1)).post("/interviews/" + forbidden + "/excerpts");

        refused.then().statusCode(422).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).endsWith("/consent-forbids-sharing");
        assertThat(Fixtures.rowCounts()).isEqualTo(before);

        String allowed = record("sofia", interview(caseId));
        as("sofia")
                .body(Map.of("quote", 1))
                .post("/interviews/" + allowed + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", allowed)
                .post("/interviews/" + allowed + "/excerpts/1/approval")
                .then()
                .statusCode(200);
        Fixtures.patch("sofia", allowed, Map.of("consent", consent(false, "DESCRIPTOR", true)))
                .then()
                .statusCode(200);

        assertThat(as("lucia")
                        .get("/interviews/" + allowed + "/excerpts")
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
        Fixtures.approval("sofia", allowed)
                .post("/interviews/" + allowed + "/excerpts/1/approval")
                .then()
                .statusCode(422);
    }

    @Test
    void theCustodianReadsTheIdentityOnlyThroughTheAuditedVault() throws SQLException {
        String caseId = secretCase("sofia");
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        String reason = "renewing consent for a 2021 follow-up " + UUID.randomUUID();

        assertNeverExisted("carlos", "/interviews/" + id);
        Response revealed = as("carlos").body(Map.of("reason", reason)).post("/interviews/" + id + "/identity");

        revealed.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(revealed.jsonPath().getString("name")).isEqualTo(identityNameOf(body));
        assertThat(revealed.jsonPath().getString("contact")).isEqualTo(identityContactOf(body));
        assertThat(revealLog(id)).containsExactly(reason);
        assertThat(revealRows(id)).isNotBlank().doesNotContain(reason).doesNotContain("renewing consent");
        for (String notCustodian : List.of("sofia", "irene", "lucia")) {
            as(notCustodian)
                    .get("/interviews/" + id + "/identity/reveals")
                    .then()
                    .statusCode(403);
        }
        as("carlos")
                .get("/interviews/" + UUID.randomUUID() + "/identity/reveals")
                .then()
                .statusCode(404);
        Envelope event = outboxEnvelope(id, "IdentityRevealed");
        assertThat(event.getIdentityRevealed())
                .isEqualTo(IdentityRevealed.newBuilder().setInterviewId(id).build());
        assertThat(event.getCaseId()).isEqualTo(caseId);
        assertThat(event.getActor().getSubject()).isEqualTo(Fixtures.subject("carlos"));
        assertThat(new String(event.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(reason);

        as("carlos")
                .body(Map.of())
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(400);
        as("carlos")
                .body(Map.of("reason", " "))
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(400);
        for (String notCustodian : List.of("sofia", "bruno", "lucia")) {
            Response refused =
                    as(notCustodian).body(Map.of("reason", "curious")).post("/interviews/" + id + "/identity");
            refused.then().statusCode(403).contentType("application/problem+json");
            assertThat(refused.asString()).doesNotContain(identityNameOf(body));
        }
        as(null).body(Map.of("reason", "x"))
                .post("/interviews/" + id + "/identity")
                .then()
                .statusCode(401);
        as("carlos")
                .body(Map.of("reason", "x"))
                .post("/interviews/" + UUID.randomUUID() + "/identity")
                .then()
                .statusCode(404);
        assertThat(revealLog(id)).hasSize(1);
    }

    @Test
    void aStaleProjectionFailsClosedForEveryoneMembersIncluded() {
        String caseId = newCase(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of("oas", GrantScope.EXCERPTS));
        String id = record("sofia", interview(caseId));
        projectionIs(true);

        // The stale copy may still list a member access has already removed: no membership is trusted.
        Response member = as("sofia").get("/interviews/" + id);
        Response memberSearch = as("sofia").queryParam("case", caseId).get("/interviews");
        Response grantee = as("lucia").get("/interviews/" + id + "/excerpts");
        Response outsider = as("pierre").get("/interviews/" + id);
        Response unknown = as("pierre").get("/interviews/" + UUID.randomUUID());

        for (Response response : List.of(member, memberSearch, grantee, outsider, unknown)) {
            response.then().statusCode(503).header("Retry-After", "5").contentType("application/problem+json");
            assertThat(response.asString()).isEqualTo(grantee.asString());
        }
    }

    @Test
    void searchListsOnlyInterviewsOnEveryCaseTheCallerIsOnAndCountsNothingElse() {
        String shared = secretCase("sofia", "mateo");
        String sofiaOnly = secretCase("sofia");
        Map<String, Object> first = interview(shared);
        first.put("category", "CLERGY");
        first.put("country", "HN");
        first.put("date", "2018-05");
        first.put("language", "en");
        first.put("themes", List.of("REDLINES"));
        String clergy = record("sofia", first);
        String both = record("sofia", interview(shared, sofiaOnly));
        String hidden = record("sofia", interview(sofiaOnly));

        Response sofia = as("sofia").queryParam("case", shared).get("/interviews");
        assertThat(sofia.jsonPath().getList("items.id")).containsExactlyInAnyOrder(clergy, both);
        assertThat(sofia.jsonPath().getLong("total")).isEqualTo(2);
        Response mateo = as("mateo").queryParam("case", shared).get("/interviews");
        assertThat(mateo.jsonPath().getList("items.id")).containsExactly(clergy);
        assertThat(mateo.jsonPath().getLong("total")).isEqualTo(1);
        assertThat(mateo.asString()).doesNotContain("descriptor", "transcript", Fixtures.TRANSCRIPT_PHRASE);
        Response invisibleCase = as("mateo").queryParam("case", sofiaOnly).get("/interviews");
        Response unknownCase =
                as("mateo").queryParam("case", UUID.randomUUID().toString()).get("/interviews");
        assertThat(invisibleCase.asString()).isEqualTo(unknownCase.asString()).contains("\"total\":0");
        assertThat(as("lucia").get("/interviews").jsonPath().getLong("total")).isZero();

        // List and detail use one decision.
        for (String listed : mateo.jsonPath().getList("items.id", String.class)) {
            as("mateo").get("/interviews/" + listed).then().statusCode(200);
        }
        assertNeverExisted("mateo", "/interviews/" + both);
        assertNeverExisted("mateo", "/interviews/" + hidden);

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("category", "CLERGY");
        filters.put("country", "HN");
        filters.put("theme", "REDLINES");
        filters.put("language", "en");
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            Response filtered = as("sofia")
                    .queryParam("case", shared)
                    .queryParam(filter.getKey(), filter.getValue())
                    .get("/interviews");
            assertThat(filtered.jsonPath().getList("items.id"))
                    .as(filter.getKey())
                    .containsExactly(clergy);
        }
        Response inRange = as("sofia")
                .queryParam("case", shared)
                .queryParam("from", "2018-01")
                .queryParam("to", "2018-12")
                .get("/interviews");
        assertThat(inRange.jsonPath().getList("items.id")).containsExactly(clergy);
        assertThat(inRange.jsonPath().getString("items[0].date")).isEqualTo("2018-05");
        Response both2 = as("sofia")
                .queryParam("case", shared)
                .queryParam("case", sofiaOnly)
                .get("/interviews");
        assertThat(both2.jsonPath().getList("items.id")).containsExactly(both);

        Response page1 =
                as("sofia").queryParam("case", shared).queryParam("limit", 1).get("/interviews");
        assertThat(page1.jsonPath().getList("items")).hasSize(1);
        assertThat(page1.jsonPath().getLong("total")).isEqualTo(2);
        String cursor = page1.jsonPath().getString("nextCursor");
        Response page2 = as("sofia")
                .queryParam("case", shared)
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/interviews");
        List<String> paged = new ArrayList<>(page1.jsonPath().getList("items.id", String.class));
        paged.addAll(page2.jsonPath().getList("items.id", String.class));
        assertThat(paged).containsExactly(both, clergy);
        assertThat(page2.jsonPath().getString("nextCursor")).isNull();
    }

    @Test
    void policySnapshotsFromAccessReachTheProjectionOverKafka() {
        String caseId = UUID.randomUUID().toString();
        Envelope envelope = Envelopes.about(caseId, null, null, Instant.now())
                .setType("CasePolicyRecorded")
                .setSource("access")
                .setPolicyVersion(Fixtures.nextPolicyVersion())
                .setPolicy(Fixtures.snapshot(Tier.SECRET, false, Map.of("sofia", TeamRole.LEAD), Map.of()))
                .setCasePolicyRecorded(CasePolicyRecorded.getDefaultInstance())
                .build();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.get().kafkaBootstrap());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ACCESS, caseId, envelope.toByteArray()));
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> projection
                                .find(java.util.UUID.fromString(caseId))
                                .isPresent()));
        assertThat(projection.isStale())
                .as("an event from access refreshes the projection")
                .isFalse();
        String id = record("sofia", interview(caseId));
        as("sofia").get("/interviews/" + id).then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> approvedAttribution(String caseId, String attribution) {
        Map<String, Object> body = interview(caseId);
        body.put("consent", consent(true, attribution, true));
        String id = record("sofia", body);
        as("sofia")
                .body(Map.of("quote", 2))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        Fixtures.approval("sofia", id)
                .post("/interviews/" + id + "/excerpts/2/approval")
                .then()
                .statusCode(200);
        Response partner = as("lucia").get("/interviews/" + id + "/excerpts");
        partner.then().statusCode(200);
        assertThat(partner.asString()).doesNotContain((String) body.get("pseudonym"), (String) body.get("descriptor"));
        return partner.jsonPath().getMap("items[0].attribution");
    }

    private static Response neverExisted() {
        return as("mateo").get("/interviews/" + UUID.randomUUID());
    }

    private static void assertNeverExisted(String user, String path) {
        Response response = as(user).get(path);
        response.then().statusCode(404).contentType("application/problem+json");
        assertThat(response.asString())
                .as(user + " " + path)
                .isEqualTo(neverExisted().asString());
    }

    /** The reasons of the interview's reveal log, as the custodian reads them back. */
    private static List<String> revealLog(String id) {
        Response log = as("carlos").get("/interviews/" + id + "/identity/reveals");
        log.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(log.asString()).doesNotContain("Montalvo-"); // no identity in the log
        return log.jsonPath().getList("reason", String.class);
    }

    /** What a dump of identity_reveal shows for the interview: every column, as text. */
    private static String revealRows(String id) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT reason, encode(reason_sealed, 'escape') FROM identity_reveal WHERE interview_id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).as("no reason in clear").isNull();
                    dump.append(rows.getString(2)).append('\n');
                }
            }
        }
        return dump.toString();
    }

    static Envelope outboxEnvelope(String interviewId, String type) throws SQLException {
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE event_type = ? ORDER BY id DESC")) {
            select.setString(1, type);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Envelope envelope = Envelopes.parse(rows.getBytes(1));
                    if (envelope.toString().contains(interviewId)) {
                        return envelope;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for " + interviewId);
    }
}
