package org.parley.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.TeamMember;
import org.parley.testing.Jdbc;
import org.parley.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * docs/secrecy-model.md §5: adding a member to a team is a loosening for that person. The lead adds at
 * once; a secrecy admin who is not the lead (adding herself above all) gets a request that a different
 * admin approves, never she herself and never the person who would join. Also: the team form answers a
 * partner's name and a name nobody has with the same bytes.
 */
@QuarkusTest
class TeamAdditionRequestTest extends AccessStackTest {

    /** A third secrecy admin of the host, made for this test: ana asks for bruno, so bruno may not approve. */
    private static final String THIRD_ADMIN = "tomas";

    private static AccessTopic topic;

    @BeforeAll
    static void readTopic() {
        topic = new AccessTopic(bootstrapServers(), "parley.access.v1");
    }

    @AfterAll
    static void tearDown() {
        topic.close();
    }

    @BeforeEach
    void setUp() {
        registerPartners();
    }

    private static Response addToTeam(String by, String caseId, String username, String role) {
        return as(by).body(Map.of("username", username, "role", role, "reason", "needs the file"))
                .post("/cases/{id}/team", caseId);
    }

    private static List<String> teamUsernames(String caseId) {
        return as("sofia")
                .get("/cases/{id}/team", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("members.username", String.class);
    }

    private static int teamRows(String caseId, String username) throws Exception {
        try (Connection db = Jdbc.connectToTestDatabase("access");
                PreparedStatement count =
                        db.prepareStatement("SELECT count(*) FROM team_member WHERE case_id = ? AND subject = ?")) {
            count.setObject(1, UUID.fromString(caseId));
            count.setString(2, subjectOf(username));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static Response explain(String admin, String caseId, String user) {
        return as(admin).queryParam("user", user).get("/cases/{id}/access/explain", caseId);
    }

    @Test
    void aSecrecyAdminAddingHerselfGetsARequestAndNoMembership() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);

        Response requested = addToTeam("ana", caseId, "ana", "MEMBER");
        requested
                .then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/secrecy-requests/" + requested.jsonPath().getString("id")))
                .body("kind", equalTo("TEAM"))
                .body("status", equalTo("PENDING"))
                .body("team.user.username", equalTo("ana"))
                .body("team.role", equalTo("MEMBER"))
                .body("requestedBy.username", equalTo("ana"));

        // Nothing changed: no row, no version, she is still the admin who sees the header only.
        assertThat(teamRows(caseId, "ana")).isZero();
        assertThat(version(caseId)).isEqualTo(before);
        assertThat(teamUsernames(caseId)).doesNotContain("ana");
        explain("bruno", caseId, "ana")
                .then()
                .statusCode(200)
                .body("relationship", equalTo("SECRECY_ADMIN"))
                .body("sections", not(hasItem("PROCESS")))
                .body("excerpts", equalTo(false));
        // The request is announced, content-free: its kind and the role, nobody's name.
        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasSecrecyChangeRequested));
        assertThat(events)
                .filteredOn(Envelope::hasSecrecyChangeRequested)
                .singleElement()
                .satisfies(envelope -> {
                    assertThat(envelope.getSecrecyChangeRequested().getKind()).isEqualTo("TEAM");
                    assertThat(envelope.getSecrecyChangeRequested().getTarget()).isEqualTo("MEMBER");
                    assertThat(envelope.getPolicyVersion()).isZero();
                });
        assertThat(events).noneMatch(Envelope::hasTeamMemberAdded);
    }

    @Test
    void sheCannotApproveOrRejectHerOwnAddition() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = addToTeam("ana", caseId, "ana", "LEAD")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");

        as("ana")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("ana")
                .body(Map.of("reason", "never mind"))
                .post("/secrecy-requests/{id}/rejection", requestId)
                .then()
                .statusCode(403);
        // The lead is no secrecy admin: she may not approve an admin's way onto her team either.
        as("sofia")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(403);

        assertThat(teamRows(caseId, "ana")).isZero();
        assertThat(version(caseId)).isEqualTo(before);
        as("bruno")
                .get("/secrecy-requests/{id}", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void whoWouldJoinNeverApprovesTheRequestThatAddsThem() throws Exception {
        Tokens.adminCreateUser(THIRD_ADMIN, HOST, "secrecy-admin", "staff");
        as(THIRD_ADMIN).get("/me").then().statusCode(200);
        String caseId = openCase("sofia");
        String requestId = addToTeam("ana", caseId, "bruno", "MEMBER")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");

        as("bruno")
                .body("{}")
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(teamRows(caseId, "bruno")).isZero();

        as(THIRD_ADMIN)
                .body(Map.of("reason", "agreed"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy.username", equalTo(THIRD_ADMIN));
        assertThat(teamRows(caseId, "bruno")).isOne();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondAdminsApprovalGivesHerTheMembersViewAfterADryRunThatSaysSo() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String requestId = addToTeam("ana", caseId, "ana", "MEMBER")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");

        // The dry run names her and what she would gain: everything an admin does not see, and excerpts.
        Response dryRun = as("bruno").get("/secrecy-requests/{id}/dry-run", requestId);
        dryRun.then().statusCode(200).body("caseId", equalTo(caseId));
        List<Map<String, Object>> changes = dryRun.jsonPath().getList("changes");
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(((Map<String, Object>) change.get("who")).get("username"))
                    .isEqualTo("ana");
            assertThat(change.get("relationshipBefore")).isEqualTo("SECRECY_ADMIN");
            assertThat(change.get("relationshipAfter")).isEqualTo("MEMBER");
            assertThat((List<String>) change.get("gained"))
                    .containsExactlyInAnyOrder("CONTEXT", "PROCESS", "RESULTS", "INTERVIEWS");
            assertThat(change.get("excerptsAfter")).isEqualTo(true);
        });

        as("bruno")
                .body(Map.of("reason", "she is taking over the study"))
                .post("/secrecy-requests/{id}/approval", requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("resultingVersion", equalTo((int) before + 1));

        assertThat(version(caseId)).isEqualTo(before + 1);
        assertThat(teamUsernames(caseId)).contains("ana");
        explain("bruno", caseId, "ana")
                .then()
                .statusCode(200)
                .body("relationship", equalTo("MEMBER"))
                .body(
                        "sections",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "HEADER", "CONTEXT", "PROCESS", "RESULTS", "INTERVIEWS"))
                .body("excerpts", equalTo(true));
        // The other services learn it the usual way: TeamMemberAdded with the whole policy, by the approver.
        List<Envelope> events =
                topic.awaitAbout(caseId, received -> received.stream().anyMatch(Envelope::hasTeamMemberAdded));
        assertThat(events)
                .filteredOn(Envelope::hasTeamMemberAdded)
                .singleElement()
                .satisfies(envelope -> {
                    assertThat(envelope.getTeamMemberAdded().getSubject()).isEqualTo(subjectOf("ana"));
                    assertThat(envelope.getPolicyVersion()).isEqualTo(before + 1);
                    assertThat(envelope.getActor().getSubject()).isEqualTo(subjectOf("bruno"));
                    assertThat(envelope.getPolicy().getTeamList())
                            .extracting(TeamMember::getSubject)
                            .contains(subjectOf("ana"), subjectOf("sofia"));
                });
        assertThat(events).filteredOn(Envelope::hasSecrecyChangeApproved).hasSize(1);
    }

    @Test
    void theLeadStillAddsAtOnceAndAnAdminChangesRolesAtOnce() throws Exception {
        String caseId = openCase("sofia");
        long before = version(caseId);

        addToTeam("sofia", caseId, "mateo", "MEMBER").then().statusCode(200).body("members.username", hasItem("mateo"));
        assertThat(version(caseId)).isEqualTo(before + 1);
        // The lead may add an admin too: that is her call, at once.
        addToTeam("sofia", caseId, "bruno", "MEMBER").then().statusCode(200);
        assertThat(teamRows(caseId, "bruno")).isOne();

        // Someone already on the team gains no section by a new role: an admin changes it at once.
        addToTeam("ana", caseId, "mateo", "LEAD").then().statusCode(200).body("lead.username", equalTo("mateo"));
        assertThat(version(caseId)).isEqualTo(before + 3);
    }

    @Test
    void everyoneElseIsRefusedAsBefore() throws Exception {
        String caseId = openCase("sofia");
        addToTeam("sofia", caseId, "mateo", "MEMBER").then().statusCode(200);
        long before = version(caseId);
        String unknownCase = UUID.randomUUID().toString();

        // A member who is not the lead knows the case and may not add: 403.
        addToTeam("mateo", caseId, "bruno", "MEMBER").then().statusCode(403).contentType("application/problem+json");
        // Who may not know the case gets the answer for a case that never existed.
        for (String outsider : List.of("irene", "carlos", "lucia", "pierre")) {
            Response hidden = addToTeam(outsider, caseId, outsider, "MEMBER");
            Response unknown = addToTeam(outsider, unknownCase, outsider, "MEMBER");
            assertThat(hidden.statusCode()).as(outsider).isEqualTo(404);
            assertThat(hidden.asByteArray()).as(outsider).isEqualTo(unknown.asByteArray());
        }
        assertThat(version(caseId)).isEqualTo(before);
        assertThat(as("bruno")
                        .queryParam("status", "PENDING")
                        .get("/secrecy-requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("caseId", String.class))
                .doesNotContain(caseId);
    }

    @Test
    void aPartnersNameAndANameNobodyHasGetTheSameBytes() {
        String caseId = openCase("sofia");
        long before = version(caseId);
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        for (String asker : List.of("sofia", "ana")) {
            Response partner = addToTeam(asker, caseId, "lucia", "MEMBER");
            Response unknown = addToTeam(asker, caseId, nobody, "MEMBER");
            Response notStaff = addToTeam(asker, caseId, "irene", "MEMBER"); // the host's auditor, no staff role
            assertThat(partner.statusCode()).as(asker).isEqualTo(400);
            assertThat(partner.contentType()).isEqualTo(unknown.contentType());
            assertThat(partner.asByteArray()).as(asker).isEqualTo(unknown.asByteArray());
            assertThat(notStaff.asByteArray()).as(asker).isEqualTo(unknown.asByteArray());
            assertThat(partner.jsonPath().getString("errors[0].field")).isEqualTo("username");

            // By subject, likewise.
            Response partnerSubject = as(asker)
                    .body(Map.of("subject", subjectOf("lucia"), "role", "MEMBER", "reason", "probe"))
                    .post("/cases/{id}/team", caseId);
            Response unknownSubject = as(asker)
                    .body(Map.of("subject", UUID.randomUUID().toString(), "role", "MEMBER", "reason", "probe"))
                    .post("/cases/{id}/team", caseId);
            assertThat(partnerSubject.statusCode()).isEqualTo(400);
            assertThat(partnerSubject.asByteArray()).isEqualTo(unknownSubject.asByteArray());
        }
        assertThat(version(caseId)).isEqualTo(before);
    }
}
