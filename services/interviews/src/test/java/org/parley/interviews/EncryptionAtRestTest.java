package org.parley.interviews;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.identityContactOf;
import static org.parley.interviews.Fixtures.identityNameOf;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;

/** What a database dump shows (nothing readable), and what tampering with it gets (a clear error). */
@QuarkusTest
class EncryptionAtRestTest {

    /** Decisions come from a current projection; the stale case is VisibilityTest's. */
    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    private String caseId;

    @BeforeEach
    void aCaseSofiaLeads() {
        caseId = secretCase("sofia");
    }

    @Test
    void rawRowsHoldNoContentAndNoIdentity() throws SQLException {
        Map<String, Object> body = interview(caseId);
        String id = record("sofia", body);
        List<String> plaintexts = List.of(
                (String) body.get("descriptor"),
                (String) body.get("notes"),
                Fixtures.TRANSCRIPT_PHRASE,
                "mattresses",
                identityNameOf(body),
                identityContactOf(body));

        String interviewRow = rawRow("SELECT * FROM interview WHERE id = ?", id);
        String identityRow = rawRow("SELECT * FROM interview_identity WHERE interview_id = ?", id);

        for (String plaintext : plaintexts) {
            assertThat(interviewRow).doesNotContain(plaintext);
            assertThat(identityRow).doesNotContain(plaintext);
        }
        // What search needs stays in clear.
        assertThat(interviewRow).contains((String) body.get("pseudonym"), "GOVERNMENT_OFFICIAL", "SV", "RISKS");
        assertThat(dumpAll()).doesNotContain(identityNameOf(body), Fixtures.TRANSCRIPT_PHRASE);
        // ... and the API still reads it back.
        as("sofia").get("/interviews/" + id).then().statusCode(200);
    }

    @Test
    void aTranscriptMovedToAnotherRowFailsClearly() throws SQLException {
        String first = record("sofia", interview(caseId));
        String second = record("sofia", interview(caseId));

        swapColumn("interview", "id", "transcript", first, second);

        assertIntegrityFailure(as("sofia").get("/interviews/" + first));
        assertIntegrityFailure(as("sofia").get("/interviews/" + second));
    }

    @Test
    void twoFieldsSwappedInOneRowFailClearly() throws SQLException {
        String id = record("sofia", interview(caseId));

        try (Connection connection = database();
                PreparedStatement swap = connection.prepareStatement(
                        "UPDATE interview SET notes = transcript, transcript = notes WHERE id = ?")) {
            swap.setObject(1, UUID.fromString(id));
            assertThat(swap.executeUpdate()).isOne();
        }

        assertIntegrityFailure(as("sofia").get("/interviews/" + id));
    }

    @Test
    void aDataKeyMovedToAnotherRowFailsClearly() throws SQLException {
        String first = record("sofia", interview(caseId));
        String second = record("sofia", interview(caseId));

        swapColumn("interview", "id", "data_key", first, second);
        try {
            assertIntegrityFailure(as("sofia").get("/interviews/" + first));
        } finally {
            // Put them back: a key rotation later in the run must find every data key where it belongs.
            swapColumn("interview", "id", "data_key", first, second);
        }
        as("sofia").get("/interviews/" + first).then().statusCode(200);
    }

    @Test
    void anIdentityMovedToAnotherRowFailsClearly() throws SQLException {
        String first = record("sofia", interview(caseId));
        String second = record("sofia", interview(caseId));

        swapColumn("interview_identity", "interview_id", "name", first, second);

        assertIntegrityFailure(
                as("carlos").body(Map.of("reason", "consent renewal")).post("/interviews/" + first + "/identity"));
        assertThat(revealCount(first))
                .as("a failed reveal leaves no reveal record")
                .isZero();
    }

    @Test
    void aRowStrippedOfItsDataKeyIsRefusedNotReadAsPlaintext() throws SQLException {
        String id = record("sofia", interview(caseId));

        try (Connection connection = database();
                PreparedStatement strip = connection.prepareStatement(
                        "UPDATE interview SET data_key = NULL, transcript = convert_to('forged', 'UTF8') WHERE id = ?")) {
            strip.setObject(1, UUID.fromString(id));
            strip.executeUpdate();
        }

        assertIntegrityFailure(as("sofia").get("/interviews/" + id));
    }

    private static void assertIntegrityFailure(Response response) {
        response.then().statusCode(500).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("type"))
                .isEqualTo("https://parley.example/problems/integrity-failure");
        assertThat(response.asString())
                .doesNotContain(Fixtures.TRANSCRIPT_PHRASE)
                .doesNotContain("Montalvo");
    }

    private static void swapColumn(String table, String idColumn, String column, String first, String second)
            throws SQLException {
        try (Connection connection = database();
                PreparedStatement swap = connection.prepareStatement("UPDATE " + table + " t SET " + column
                        + " = o." + column + " FROM " + table + " o WHERE t." + idColumn + " IN (?, ?) AND o."
                        + idColumn + " IN (?, ?) AND t." + idColumn + " <> o." + idColumn)) {
            swap.setObject(1, UUID.fromString(first));
            swap.setObject(2, UUID.fromString(second));
            swap.setObject(3, UUID.fromString(first));
            swap.setObject(4, UUID.fromString(second));
            assertThat(swap.executeUpdate()).isEqualTo(2);
        }
    }

    private static long revealCount(String id) throws SQLException {
        try (Connection connection = database();
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM identity_reveal WHERE interview_id = ?")) {
            count.setObject(1, UUID.fromString(id));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every column of the row; bytea decoded as UTF-8, so any stored plaintext would show as itself. */
    static String rawRow(String sql, String id) throws SQLException {
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rowText(rows);
            }
        }
    }

    /** Every row of every table, as a pg_dump would show them. */
    static String dumpAll() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = database()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table);
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        dump.append(table).append(": ").append(rowText(rows)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private static String rowText(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        StringBuilder text = new StringBuilder();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            byte[] bytes = rows.getBytes(column);
            String value = meta.getColumnTypeName(column).equals("bytea")
                    ? (bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))
                    : rows.getString(column);
            text.append(meta.getColumnName(column)).append('=').append(value).append(' ');
        }
        return text.toString();
    }
}
