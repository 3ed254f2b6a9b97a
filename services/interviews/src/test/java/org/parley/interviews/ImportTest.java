package org.parley.interviews;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import static org.parley.interviews.Fixtures.rowCounts;
import static org.parley.interviews.Fixtures.secretCase;

/**
 * POST /interviews/import (issue 20): a dry run reports and writes nothing, a real import writes every row or none,
 * a rerun creates nothing twice, identities land in the vault, and bad files are 4xx problems that quote nothing.
 */
@QuarkusTest
class ImportTest {

    private String caseId;

    @BeforeEach
    void aCaseSofiaLeads() {
        projectionIs(false);
        caseId = secretCase("sofia", "mateo");
    }

    @Test
    void aDryRunReportsEveryRowAndWritesNothing() {
        List<Map<String, Object>> file = List.of(row("a"), row("b"));
        Map<String, Long> before = rowCounts();

        for (Response response : List.of(importing("sofia", file, null), importing("sofia", file, true))) {
            response.then().statusCode(200).contentType("application/json");
            assertThat(response.jsonPath().getBoolean("dryRun")).isTrue();
            assertThat(response.jsonPath().getList("rows.row", Integer.class)).containsExactly(1, 2);
            assertThat(response.jsonPath().getList("rows.externalReference"))
                    .containsExactly(reference("a"), reference("b"));
            assertThat(response.jsonPath().getList("rows.action")).containsExactly("CREATE", "CREATE");
            assertThat(response.jsonPath().getList("rows.interviewId")).containsOnlyNulls();
            assertThat(response.jsonPath().getInt("created")).isEqualTo(2);
            assertThat(response.jsonPath().getInt("unchanged")).isZero();
            assertThat(response.jsonPath().getInt("errors")).isZero();
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void oneBadRowInTheMiddleImportsNothingAndNamesThatRowAndField() {
        Map<String, Object> bad = row("bad");
        bad.put("category", "WARLORD");
        List<Map<String, Object>> file = List.of(row("first"), bad, row("last"));
        Map<String, Long> before = rowCounts();

        Response response = importing("sofia", file, false);

        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(422);
        assertThat(response.jsonPath().getString("detail"))
                .contains("1 of 3 rows")
                .contains("nothing was imported");
        assertThat(response.jsonPath().getList("rows.action")).containsExactly("CREATE", "ERROR", "CREATE");
        assertThat(response.jsonPath().getInt("rows[1].row")).isEqualTo(2);
        assertThat(response.jsonPath().getString("rows[1].externalReference")).isEqualTo(reference("bad"));
        assertThat(response.jsonPath().getString("rows[1].errors[0].field")).isEqualTo("category");
        assertThat(response.jsonPath().getList("rows.interviewId")).containsOnlyNulls();
        assertNothingConfidentialIn(response, file);
        assertThat(rowCounts()).isEqualTo(before);
        // The same file as a dry run: the same rows, 200.
        Response dryRun = importing("sofia", file, true);
        dryRun.then().statusCode(200);
        assertThat(dryRun.jsonPath().getList("rows"))
                .isEqualTo(response.jsonPath().getList("rows"));
        assertThat(dryRun.jsonPath().getInt("errors")).isEqualTo(1);
    }

    @Test
    void aRealImportCreatesEveryRowAndARerunCreatesNothingTwice() {
        List<Map<String, Object>> file = List.of(row("one"), row("two"));
        Map<String, Long> before = rowCounts();

        Response imported = importing("sofia", file, false);

        imported.then().statusCode(200);
        assertThat(imported.jsonPath().getBoolean("dryRun")).isFalse();
        assertThat(imported.jsonPath().getList("rows.action")).containsExactly("CREATE", "CREATE");
        List<String> ids = imported.jsonPath().getList("rows.interviewId", String.class);
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        Map<String, Long> after = rowCounts();
        assertThat(after.get("interview") - before.get("interview")).isEqualTo(2);
        assertThat(after.get("interview_identity") - before.get("interview_identity"))
                .isEqualTo(2);
        // InterviewRecorded and InterviewLinked for each, as POST /interviews writes them.
        assertThat(after.get("outbox_event") - before.get("outbox_event")).isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            Response read = as("mateo").get("/interviews/" + ids.get(i));
            read.then().statusCode(200);
            assertThat(read.jsonPath().getString("pseudonym"))
                    .isEqualTo(file.get(i).get("pseudonym"));
            assertThat(read.jsonPath().getString("transcript")).contains(Fixtures.TRANSCRIPT_PHRASE);
            assertThat(read.jsonPath().getList("linkedCases")).containsExactly(caseId);
        }

        // The rerun, even with a row changed since: UNCHANGED, the same ids, nothing written.
        Map<String, Long> afterReads = rowCounts();
        Map<String, Object> changed = new java.util.LinkedHashMap<>(file.get(1));
        changed.put("notes", "rewritten since the first import");
        Response rerun = importing("sofia", List.of(file.get(0), changed), false);
        rerun.then().statusCode(200);
        assertThat(rerun.jsonPath().getList("rows.action")).containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(rerun.jsonPath().getList("rows.interviewId", String.class)).isEqualTo(ids);
        assertThat(rerun.jsonPath().getInt("unchanged")).isEqualTo(2);
        assertThat(rerun.jsonPath().getInt("created")).isZero();
        assertThat(rowCounts()).isEqualTo(afterReads);
        assertThat(as("sofia").get("/interviews/" + ids.get(1)).jsonPath().getString("notes"))
                .isEqualTo(file.get(1).get("notes"));

        // A new row beside the imported ones is the only one created; a dry run says so first.
        List<Map<String, Object>> grown = List.of(file.get(0), file.get(1), row("three"));
        assertThat(importing("sofia", grown, true).jsonPath().getList("rows.action"))
                .containsExactly("UNCHANGED", "UNCHANGED", "CREATE");
        Response third = importing("sofia", grown, false);
        assertThat(third.jsonPath().getList("rows.action")).containsExactly("UNCHANGED", "UNCHANGED", "CREATE");
        assertThat(rowCounts().get("interview") - after.get("interview")).isEqualTo(1);
    }

    @Test
    void referencesAreTheImportersOwn() {
        Map<String, Object> sofias = row("shared-ref");
        String first = importing("sofia", List.of(sofias), false).jsonPath().getString("rows[0].interviewId");

        // Another author's file with the same reference creates an interview of theirs.
        Response mateos = importing("mateo", List.of(row("shared-ref")), false);
        mateos.then().statusCode(200);
        assertThat(mateos.jsonPath().getString("rows[0].action")).isEqualTo("CREATE");
        assertThat(mateos.jsonPath().getString("rows[0].interviewId")).isNotEqualTo(first);
    }

    @Test
    void theIdentityLandsInTheVaultAndTheCustodianRevealsItAsUsual() {
        Map<String, Object> body = row("vault");
        String id = importing("sofia", List.of(body), false).jsonPath().getString("rows[0].interviewId");

        Response content = as("sofia").get("/interviews/" + id);
        assertThat(content.asString()).doesNotContain(identityNameOf(body), identityContactOf(body));
        Response revealed = as("carlos")
                .body(Map.of("reason", "checking an imported identity " + UUID.randomUUID()))
                .post("/interviews/" + id + "/identity");
        revealed.then().statusCode(200);
        assertThat(revealed.jsonPath().getString("name")).isEqualTo(identityNameOf(body));
        assertThat(revealed.jsonPath().getString("contact")).isEqualTo(identityContactOf(body));
        assertThat(new String(storedIdentityName(id), StandardCharsets.ISO_8859_1))
                .doesNotContain(identityNameOf(body));
    }

    @Test
    void aLinkedCaseTheImporterMayNotSeeIsRefusedLikeOneThatNeverExisted() {
        String mateosCase = secretCase("mateo");
        Map<String, Object> invisible = row("invisible");
        invisible.put("linkedCases", List.of(mateosCase));
        Map<String, Object> unknown = row("unknown");
        unknown.put("linkedCases", List.of(UUID.randomUUID().toString()));
        Map<String, Object> malformed = row("malformed");
        malformed.put("linkedCases", List.of("escobar"));

        Response response = importing("sofia", List.of(invisible, unknown, malformed), true);

        response.then().statusCode(200);
        List<Object> errors = List.of(
                response.jsonPath().getList("rows[0].errors"),
                response.jsonPath().getList("rows[1].errors"),
                response.jsonPath().getList("rows[2].errors"));
        assertThat(errors.get(0)).isEqualTo(errors.get(1)).isEqualTo(errors.get(2));
        assertThat(response.jsonPath().getString("rows[0].errors[0].field")).isEqualTo("linkedCases[0]");
        assertThat(response.asString()).doesNotContain(mateosCase);
    }

    @Test
    void rowsInErrorNameTheFieldAndNeverQuoteIt() {
        Map<String, Object> noReference = row("x");
        noReference.remove("externalReference");
        Map<String, Object> controlCharacter = row("control");
        controlCharacter.put("descriptor", "a\u0007b " + Fixtures.RUN);
        Map<String, Object> unknownField = row("unknown-field");
        unknownField.put("realName", "Juan " + Fixtures.RUN);
        Map<String, Object> invisibleName = row("invisible-name");
        invisibleName.put("identity", Map.of("name", "\u200b"));
        Map<String, Object> oversized = row("oversized");
        oversized.put("transcript", "x".repeat(204_801));
        List<Object> file = new ArrayList<>(List.of(
                noReference,
                controlCharacter,
                unknownField,
                invisibleName,
                oversized,
                row("twice"),
                row("twice"),
                "not an interview",
                row("fine")));
        Map<String, Long> before = rowCounts();

        Response response = importing("sofia", file, false);

        response.then().statusCode(422);
        assertThat(response.jsonPath().getList("rows.action"))
                .containsExactly("ERROR", "ERROR", "ERROR", "ERROR", "ERROR", "CREATE", "ERROR", "ERROR", "CREATE");
        assertThat(fieldsOf(response, 0)).containsExactly("externalReference");
        assertThat(response.jsonPath().getString("rows[0].externalReference")).isNull();
        assertThat(fieldsOf(response, 1)).containsExactly("descriptor");
        assertThat(fieldsOf(response, 2)).containsExactly("realName");
        assertThat(fieldsOf(response, 3)).containsExactly("identity.name");
        assertThat(fieldsOf(response, 4)).containsExactly("transcript");
        assertThat(fieldsOf(response, 6)).containsExactly("externalReference");
        assertThat(response.jsonPath().getString("rows[6].errors[0].message")).contains("row 6");
        assertThat(fieldsOf(response, 7)).containsExactly("row");
        assertThat(response.asString()).doesNotContain("Juan", "xxxx", "a\\u0007b");
        assertNothingConfidentialIn(response, List.of(controlCharacter, unknownField, oversized));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void filesThatAreNotAnArrayOfInterviewsAreRefusedWhole() {
        Map<String, Long> before = rowCounts();
        for (String file : List.of(
                "[{\"externalReference\": \"a\", \"pseudonym\": \"" + Fixtures.TRANSCRIPT_PHRASE + "\"",
                "{\"externalReference\": \"a\"}",
                "[] trailing",
                "[{\"externalReference\": \"a\", \"externalReference\": \"b\"}]",
                "",
                "null",
                "\"text\"",
                "[]")) {
            Response response = as("sofia").body(file).post("/interviews/import?dryRun=false");
            assertThat(response.statusCode()).as(file).isIn(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.asString()).doesNotContain(Fixtures.TRANSCRIPT_PHRASE);
        }
        byte[] notUtf8 = {'[', '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'};
        as("sofia")
                .body(notUtf8)
                .post("/interviews/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Response maybe = as("sofia").body(List.of(row("maybe"))).post("/interviews/import?dryRun=maybe");
        maybe.then().statusCode(400);
        assertThat(maybe.jsonPath().getString("errors[0].field")).isEqualTo("dryRun");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void limitsOnRowsAndBytesAreClearProblems() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Map.of("externalReference", "r" + i));
        }
        Response rows = importing("sofia", tooMany, true);
        rows.then().statusCode(400).contentType("application/problem+json");
        assertThat(rows.jsonPath().getString("detail")).contains("501").contains("at most 500");

        // Over 5 MiB: 413 before anything is read. (1 MB is the limit of every other path, see BadInputTest.)
        Map<String, Object> huge = row("huge");
        huge.put("notes", "z".repeat(5 * 1024 * 1024));
        Map<String, Long> before = rowCounts();
        Response bytes = importing("sofia", List.of(huge), false);
        bytes.then().statusCode(413).contentType("application/problem+json");
        assertThat(bytes.asString()).doesNotContain("zzzz");
        assertThat(rowCounts()).isEqualTo(before);

        // Under 5 MiB and over 1 MB is a file like any other.
        List<Map<String, Object>> large = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = row("large-" + i);
            body.put("transcript", "y".repeat(200_000));
            large.add(body);
        }
        Response accepted = importing("sofia", large, true);
        accepted.then().statusCode(200);
        assertThat(accepted.jsonPath().getInt("created")).isEqualTo(12);
    }

    @Test
    void aFileOfExactlyTheRowLimitImportsInOneTransaction() {
        List<Map<String, Object>> file = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            file.add(row("bulk-" + i));
        }
        Map<String, Long> before = rowCounts();

        long started = System.nanoTime();
        Response dryRun = importing("sofia", file, true);
        long dryRunMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Response imported = importing("sofia", file, false);
        long importMillis = (System.nanoTime() - started) / 1_000_000;

        dryRun.then().statusCode(200);
        imported.then().statusCode(200);
        assertThat(imported.jsonPath().getInt("created")).isEqualTo(500);
        Map<String, Long> after = rowCounts();
        assertThat(after.get("interview") - before.get("interview")).isEqualTo(500);
        assertThat(after.get("interview_identity") - before.get("interview_identity"))
                .isEqualTo(500);
        System.out.printf(
                "[ImportTest] 500 rows (%d KB): dry run %d ms, import %d ms%n",
                dryRun.asString().length() / 1024, dryRunMillis, importMillis);
    }

    @Test
    void onlyStaffImport() {
        List<Map<String, Object>> file = List.of(row("staff-only"));
        Map<String, Long> before = rowCounts();
        for (String notStaff : List.of("lucia", "carlos", "irene")) {
            for (boolean dryRun : List.of(true, false)) {
                importing(notStaff, file, dryRun).then().statusCode(403).contentType("application/problem+json");
            }
        }
        importing(null, file, false).then().statusCode(401).contentType("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }

    // --- helpers ---

    /** A valid interview of this test's case with a reference unique to the run. */
    private Map<String, Object> row(String name) {
        Map<String, Object> body = interview(caseId);
        body.put("externalReference", reference(name));
        return body;
    }

    private String reference(String name) {
        return "IMP-" + caseId.substring(0, 8) + "-" + name;
    }

    /** Posts the file as {@code user}; dryRun null leaves the parameter out. */
    static Response importing(String user, List<?> file, Boolean dryRun) {
        return as(user).body(file).post("/interviews/import" + (dryRun == null ? "" : "?dryRun=" + dryRun));
    }

    private static List<String> fieldsOf(Response response, int index) {
        return response.jsonPath().getList("rows[" + index + "].errors.field", String.class);
    }

    /** No pseudonym-free content and no identity of the rows in an answer. */
    @SuppressWarnings("unchecked")
    private static void assertNothingConfidentialIn(Response response, List<?> rows) {
        String answer = response.asString();
        assertThat(answer).doesNotContain(Fixtures.TRANSCRIPT_PHRASE);
        for (Object row : rows) {
            Map<String, Object> body = (Map<String, Object>) row;
            assertThat(answer).doesNotContain((String) body.get("descriptor"));
            if (body.get("identity") instanceof Map<?, ?> identity && identity.get("contact") != null) {
                assertThat(answer).doesNotContain((String) identity.get("name"), (String) identity.get("contact"));
            }
        }
    }

    private static byte[] storedIdentityName(String interviewId) {
        try (Connection connection = database();
                PreparedStatement select =
                        connection.prepareStatement("SELECT name FROM interview_identity WHERE interview_id = ?")) {
            select.setObject(1, UUID.fromString(interviewId));
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
