package org.parley.interviews;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.consent;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.patch;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.subject;

/**
 * GET /interviews/{id}/history: who changed what and when, written in the change's transaction, read by exactly
 * those who may read the interview. The names of the fields only: no value, old or new, is kept or answered.
 * Real Keycloak tokens: sofia leads, mateo is a member; lucia (oas, EXCERPTS grant), pierre and ana are not members.
 */
@QuarkusTest
class VersionHistoryTest {

    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Test
    void everyVersionSaysWhoMadeItWhenAndWhichFieldsChangedNeverWhatTo() throws SQLException {
        String caseId = Fixtures.sharedCase();
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        String newNotes = "Notes of a later meeting " + Fixtures.RUN;
        Fixtures.SECRETS.add(newNotes);

        patch("mateo", id, Map.of("notes", newNotes, "consent", consent(true, "CATEGORY", true)))
                .then()
                .statusCode(200);
        // the same values again: a version, with no field changed
        patch("sofia", id, Map.of("pseudonym", body.get("pseudonym"))).then().statusCode(200);

        Response history = as("sofia").get("/interviews/" + id + "/history");
        history.then().statusCode(200);
        assertThat(history.jsonPath().getString("interviewId")).isEqualTo(id);
        assertThat(history.jsonPath().getList("versions.version", Long.class)).containsExactly(3L, 2L, 1L);
        assertThat(history.jsonPath().getList("versions.actorSubject"))
                .containsExactly(subject("sofia"), subject("mateo"), subject("sofia"));
        assertThat(history.jsonPath().getList("versions.actorOrganisation")).containsOnly("ifit");
        assertThat(history.jsonPath().getList("versions[1].changedFields")).containsExactly("consent", "notes");
        assertThat(history.jsonPath().getList("versions[0].changedFields")).isEmpty();
        assertThat(history.jsonPath().getList("versions[2].changedFields")).isEmpty(); // recorded
        String readAt = as("sofia").get("/interviews/" + id).jsonPath().getString("updatedAt");
        assertThat(history.jsonPath().getString("versions[0].at")).isEqualTo(readAt);
        assertThat(history.asString())
                .doesNotContain(newNotes)
                .doesNotContain((String) body.get("notes"))
                .doesNotContain((String) body.get("descriptor"));

        // at rest: names of fields only, in the change's transaction (the row count equals the version)
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*), max(version), string_agg(array_to_string(changed_fields, ','), ';')"
                                + " FROM interview_version WHERE interview_id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3);
                assertThat(rows.getLong(2)).isEqualTo(3);
                assertThat(rows.getString(3)).doesNotContain(newNotes);
            }
        }
    }

    @Test
    void aRefusedChangeLeavesNoVersion() {
        String id = record("sofia", interview(Fixtures.sharedCase()));
        as("mateo")
                .header("If-Match", "\"7\"")
                .body(Map.of("notes", "never stored"))
                .patch("/interviews/" + id)
                .then()
                .statusCode(412);
        patch("mateo", id, Map.of("country", "XX")).then().statusCode(400);

        assertThat(as("mateo").get("/interviews/" + id + "/history").jsonPath().getList("versions"))
                .hasSize(1);
    }

    @Test
    void whoMayNotReadTheInterviewMayNotReadItsHistory() {
        String id = record("sofia", interview(Fixtures.sharedCase()));
        Response neverExisted = as("pierre").get("/interviews/" + UUID.randomUUID() + "/history");
        neverExisted.then().statusCode(404).contentType("application/problem+json");

        for (String outsider : List.of("pierre", "ana")) {
            Response answer = as(outsider).get("/interviews/" + id + "/history");
            assertThat(answer.statusCode()).as(outsider).isEqualTo(404);
            assertThat(answer.asString()).as(outsider).isEqualTo(neverExisted.asString());
        }
        assertThat(as("pierre").get("/interviews/not-an-id/history").asString()).isEqualTo(neverExisted.asString());
        // a partner with approved excerpts only: refused as reading the interview is
        as("lucia").get("/interviews/" + id).then().statusCode(403);
        as("lucia").get("/interviews/" + id + "/history").then().statusCode(403);
        as(null).get("/interviews/" + id + "/history").then().statusCode(401);
    }
}
