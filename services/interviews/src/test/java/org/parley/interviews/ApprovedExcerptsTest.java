package org.parley.interviews;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.messaging.Envelopes;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExcerptWithdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.consent;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.patch;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.proposeAndApprove;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.rowCounts;

/**
 * What partners see of an approved excerpt stays what the lead approved: a member who changes the consent,
 * pseudonym, descriptor or category puts it back to proposed in the same request, so partners see nothing
 * new until the lead approves again; a withdrawn consent takes every approved excerpt from them at once
 * and for good. Each withdrawal reaches the ledger as an ExcerptWithdrawn event (ids and a kind only).
 * Real Keycloak tokens: sofia leads, mateo is a member, lucia is a partner (oas) with an EXCERPTS grant.
 */
@QuarkusTest
class ApprovedExcerptsTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void aMemberChangingTheAttributionTakesTheExcerptFromPartnersUntilTheLeadApprovesAgain() throws SQLException {
        String caseId = Fixtures.sharedCase();
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        proposeAndApprove(id, 1);
        assertThat(partnerSees(caseId, id).jsonPath().getString("items[0].attribution.pseudonym"))
                .isEqualTo(body.get("pseudonym"));

        String renamed = "Official renamed " + Fixtures.RUN;
        patch("mateo", id, Map.of("pseudonym", renamed)).then().statusCode(200);

        assertPartnersSeeNothingOf(caseId, id);
        assertThat(as("lucia").get("/interviews/" + id + "/excerpts").asString())
                .doesNotContain(renamed);
        Response members = as("mateo").get("/interviews/" + id + "/excerpts");
        assertThat(members.jsonPath().getList("items.status")).containsExactly("PROPOSED");
        List<Envelope> withdrawn = withdrawals(id);
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).getExcerptWithdrawn().getExcerptNumber()).isEqualTo(1);
        assertThat(withdrawn.get(0).getExcerptWithdrawn().getReason()).isEqualTo(ExcerptWithdrawal.ATTRIBUTION_CHANGED);
        assertThat(withdrawn.get(0).getActor().getSubject()).isEqualTo(Fixtures.subject("mateo"));
        assertThat(withdrawn.get(0).getCaseId()).isEqualTo(caseId);
        assertThat(new String(withdrawn.get(0).toByteArray(), StandardCharsets.UTF_8))
                .doesNotContain(renamed)
                .doesNotContain((String) body.get("pseudonym"));

        // The lead approves again: partners now see what she approved, the new attribution.
        Response approved = Fixtures.approval("sofia", id).post("/interviews/" + id + "/excerpts/1/approval");
        approved.then().statusCode(200);
        assertThat(approved.jsonPath().getString("attribution.pseudonym")).isEqualTo(renamed);
        assertThat(partnerSees(caseId, id).jsonPath().getString("items[0].attribution.pseudonym"))
                .isEqualTo(renamed);
    }

    @Test
    void everyChangeToWhatPartnersAreShownNeedsANewApproval() throws SQLException {
        String caseId = Fixtures.sharedCase();
        List<Map<String, Object>> changes = List.of(
                Map.of("descriptor", "a changed descriptor " + Fixtures.RUN),
                Map.of("category", "CLERGY"),
                Map.of("consent", consent(true, "CATEGORY", true)),
                Map.of("consent", consent(true, "NONE", true)));
        for (Map<String, Object> change : changes) {
            String id = record("sofia", interview(caseId));
            proposeAndApprove(id, 1);
            partnerSees(caseId, id);

            patch("mateo", id, change).then().statusCode(200);

            assertPartnersSeeNothingOf(caseId, id);
            assertThat(withdrawals(id))
                    .as(change.keySet().toString())
                    .extracting(e -> e.getExcerptWithdrawn().getReason())
                    .containsExactly(ExcerptWithdrawal.ATTRIBUTION_CHANGED);
        }
    }

    @Test
    void aChangePartnersAreNotShownKeepsTheApproval() throws SQLException {
        String caseId = Fixtures.sharedCase();
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        proposeAndApprove(id, 1);

        Map<String, Object> same = new LinkedHashMap<>();
        same.put("notes", "Notes of a third meeting");
        same.put("pseudonym", body.get("pseudonym"));
        same.put("descriptor", body.get("descriptor"));
        same.put("consent", body.get("consent"));
        patch("mateo", id, same).then().statusCode(200);

        assertThat(partnerSees(caseId, id).jsonPath().getString("items[0].attribution.descriptor"))
                .isEqualTo(body.get("descriptor"));
        assertThat(withdrawals(id)).isEmpty();
    }

    @Test
    void withdrawingConsentTakesEveryApprovedExcerptFromPartnersAtOnceAndForGood() throws SQLException {
        String caseId = Fixtures.sharedCase();
        for (Map<String, Object> withdrawn :
                List.of(consent(true, "DESCRIPTOR", false), consent(false, "DESCRIPTOR", true))) {
            String id = record("sofia", interview(caseId));
            proposeAndApprove(id, 1);
            proposeAndApprove(id, 2);
            assertThat(partnerSees(caseId, id).jsonPath().getList("items.n")).containsExactly(1, 2);

            patch("mateo", id, Map.of("consent", withdrawn)).then().statusCode(200);

            assertPartnersSeeNothingOf(caseId, id);
            assertThat(withdrawals(id))
                    .extracting(e -> e.getExcerptWithdrawn().getExcerptNumber())
                    .containsExactly(1, 2);
            assertThat(withdrawals(id))
                    .extracting(e -> e.getExcerptWithdrawn().getReason())
                    .containsOnly(ExcerptWithdrawal.CONSENT_WITHDRAWN);

            // Consent given again does not bring back what the lead approved under the old one.
            patch("mateo", id, Map.of("consent", consent(true, "DESCRIPTOR", true)))
                    .then()
                    .statusCode(200);
            assertPartnersSeeNothingOf(caseId, id);
            assertThat(as("mateo")
                            .get("/interviews/" + id + "/excerpts")
                            .jsonPath()
                            .getList("items.status"))
                    .containsExactly("PROPOSED", "PROPOSED");

            Fixtures.approval("sofia", id)
                    .post("/interviews/" + id + "/excerpts/2/approval")
                    .then()
                    .statusCode(200);
            assertThat(partnerSees(caseId, id).jsonPath().getList("items.n")).containsExactly(2);
        }
    }

    /**
     * The lead approves what she read: an approval made from an older version of the interview (someone changed
     * the attribution since) is refused, as is one that names no version, and partners see nothing of it.
     */
    @Test
    void anApprovalMadeFromAVersionTheLeadNoLongerSeesIsRefused() throws SQLException {
        String caseId = Fixtures.sharedCase();
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        as("mateo")
                .body(Map.of("quote", 1))
                .post("/interviews/" + id + "/excerpts")
                .then()
                .statusCode(201);
        String readByTheLead = Fixtures.etag("sofia", id);
        String renamed = "Official renamed before approval " + Fixtures.RUN;
        patch("mateo", id, Map.of("pseudonym", renamed)).then().statusCode(200);
        Map<String, Long> before = rowCounts();

        Response stale =
                as("sofia").header("If-Match", readByTheLead).post("/interviews/" + id + "/excerpts/1/approval");
        stale.then().statusCode(412).contentType("application/problem+json");
        assertThat(stale.jsonPath().getString("type")).endsWith("/precondition-failed");
        assertThat(stale.asString()).doesNotContain(renamed).doesNotContain((String) body.get("pseudonym"));
        for (String header : new String[] {null, "*"}) {
            Response unnamed = header == null
                    ? as("sofia").post("/interviews/" + id + "/excerpts/1/approval")
                    : as("sofia").header("If-Match", header).post("/interviews/" + id + "/excerpts/1/approval");
            unnamed.then().statusCode(428).contentType("application/problem+json");
            assertThat(unnamed.jsonPath().getList("errors.field")).containsExactly("If-Match");
        }
        // Who may not approve is told so first, whatever the header: the version is no one else's business.
        as("mateo").post("/interviews/" + id + "/excerpts/1/approval").then().statusCode(403);
        as("lucia").post("/interviews/" + id + "/excerpts/1/approval").then().statusCode(403);
        assertThat(rowCounts()).as("nothing approved, no event").isEqualTo(before);
        assertPartnersSeeNothingOf(caseId, id);
        assertThat(as("mateo").get("/interviews/" + id + "/excerpts").jsonPath().getList("items.status"))
                .containsExactly("PROPOSED");

        // Read again, she approves what partners will see: the new attribution.
        Response approved = as("sofia")
                .header("If-Match", Fixtures.etag("sofia", id))
                .post("/interviews/" + id + "/excerpts/1/approval");
        approved.then().statusCode(200);
        assertThat(approved.jsonPath().getString("attribution.pseudonym")).isEqualTo(renamed);
        assertThat(partnerSees(caseId, id).jsonPath().getString("items[0].attribution.pseudonym"))
                .isEqualTo(renamed);
    }

    @Test
    void aRewordedQuoteIsWithdrawnAndRecorded() throws SQLException {
        String caseId = Fixtures.sharedCase();
        String id = record("sofia", interview(caseId));
        proposeAndApprove(id, 1);
        proposeAndApprove(id, 2);

        List<Map<String, Object>> quotes = new ArrayList<>();
        quotes.add(Map.of("n", 2, "text", "A reworded quote " + Fixtures.RUN));
        patch("mateo", id, Map.of("quotes", quotes)).then().statusCode(200);

        assertPartnersSeeNothingOf(caseId, id);
        assertThat(withdrawals(id))
                .extracting(e -> e.getExcerptWithdrawn().getExcerptNumber() + " "
                        + e.getExcerptWithdrawn().getReason())
                .containsExactly("1 QUOTE_CHANGED", "2 QUOTE_CHANGED");
        assertThat(as("mateo").get("/interviews/" + id + "/excerpts").jsonPath().getList("items"))
                .isEmpty();
    }

    /** What lucia reads of the interview's approved excerpts; both ways in agree. */
    private static Response partnerSees(String caseId, String id) {
        Response direct = as("lucia").get("/interviews/" + id + "/excerpts");
        direct.then().statusCode(200);
        assertThat(direct.jsonPath().getList("items"))
                .as("lucia sees the approved excerpts")
                .isNotEmpty();
        Response throughCase = as("lucia").get("/cases/" + caseId + "/excerpts");
        throughCase.then().statusCode(200);
        assertThat(throughCase.jsonPath().getList("interviews.interviewId")).contains(id);
        return direct;
    }

    private static void assertPartnersSeeNothingOf(String caseId, String id) {
        Response direct = as("lucia").get("/interviews/" + id + "/excerpts");
        direct.then().statusCode(200);
        assertThat(direct.jsonPath().getList("items"))
                .as("lucia sees no excerpt of " + id)
                .isEmpty();
        Response throughCase = as("lucia").get("/cases/" + caseId + "/excerpts");
        throughCase.then().statusCode(200);
        assertThat(throughCase.jsonPath().getList("interviews.interviewId")).doesNotContain(id);
    }

    /** The interview's ExcerptWithdrawn events in the outbox, oldest first. */
    private static List<Envelope> withdrawals(String interviewId) throws SQLException {
        List<Envelope> found = new ArrayList<>();
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE event_type = 'ExcerptWithdrawn' ORDER BY id")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Envelope envelope = Envelopes.parse(rows.getBytes(1));
                    if (envelope.getExcerptWithdrawn().getInterviewId().equals(interviewId)) {
                        found.add(envelope);
                    }
                }
            }
        }
        return found;
    }
}
