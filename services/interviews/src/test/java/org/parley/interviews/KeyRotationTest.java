package org.parley.interviews;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.interviews.crypto.InterviewKeys;
import org.parley.interviews.crypto.Kek;
import org.parley.interviews.crypto.KeyRotation;
import org.parley.interviews.crypto.KeyRotationJob;
import org.parley.interviews.crypto.Purpose;
import org.parley.interviews.crypto.RecordCrypto;
import org.parley.interviews.crypto.RotateKeys;
import org.parley.testing.ParleyStackResource;
import org.parley.testing.SharedStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.database;
import static org.parley.interviews.Fixtures.identityNameOf;
import static org.parley.interviews.Fixtures.interview;
import static org.parley.interviews.Fixtures.projectionIs;
import static org.parley.interviews.Fixtures.record;
import static org.parley.interviews.Fixtures.secretCase;

/** Re-wrapping every data key under a new KEK version, in the service and from the command line. */
@QuarkusTest
class KeyRotationTest {

    /** Decisions come from a current projection; the stale case is VisibilityTest's. */
    @BeforeEach
    void projectionIsCurrent() {
        projectionIs(false);
    }

    @Inject
    InterviewKeys keys;

    @Inject
    RecordCrypto crypto;

    @Inject
    KeyRotationJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void afterRotationEverythingReadsAndTheOldVersionIsNoLongerNeeded() throws Exception {
        String caseId = secretCase("sofia");
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = interview(caseId);
            names.put(record("sofia", body), identityNameOf(body));
        }
        int oldContent = keys.content().primaryKeyId();
        int oldIdentity = keys.identity().primaryKeyId();

        int newContent = keys.content().addVersion();
        int newIdentity = keys.identity().addVersion();
        List<String> progress = new ArrayList<>();
        // A small batch, to see the progress reports a large table would give.
        KeyRotation rotation = new KeyRotation(
                dataSource::getConnection, crypto.cipher(Purpose.CONTENT), crypto.cipher(Purpose.IDENTITY), 5);
        List<KeyRotation.Report> reports = rotation.rotateAll(progress::add);

        assertThat(reports).allSatisfy(report -> assertThat(report.complete()).isTrue());
        assertThat(reports.get(0).total()).isGreaterThanOrEqualTo(12);
        assertThat(progress).anySatisfy(line -> assertThat(line).matches("rotated 5/\\d+ content records"));
        assertThat(progress).anySatisfy(line -> assertThat(line).matches("rotated \\d+/\\d+ identity records"));
        assertThat(kekVersions("interview")).containsExactly(newContent);
        assertThat(kekVersions("interview_identity")).containsExactly(newIdentity);

        job.retireOldVersions();

        assertThat(keys.content().keyIds()).containsExactly(newContent).doesNotContain(oldContent);
        assertThat(keys.identity().keyIds()).containsExactly(newIdentity).doesNotContain(oldIdentity);
        assertThat(Files.readString(devKeyFile("content"))).doesNotContain(Integer.toUnsignedString(oldContent));
        for (Map.Entry<String, String> interview : names.entrySet()) {
            as("sofia").get("/interviews/" + interview.getKey()).then().statusCode(200);
            as("carlos")
                    .body(Map.of("reason", "rotation check"))
                    .post("/interviews/" + interview.getKey() + "/identity")
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store");
        }
        String one = names.keySet().iterator().next();
        assertThat(as("carlos")
                        .body(Map.of("reason", "rotation check"))
                        .post("/interviews/" + one + "/identity")
                        .jsonPath()
                        .getString("name"))
                .isEqualTo(names.get(one));
    }

    @Test
    void retiringIsRefusedWhileARecordStillNeedsAnOldVersion() {
        record("sofia", interview(secretCase("sofia")));
        int before = keys.content().keyIds().size();
        keys.content().addVersion();
        keys.identity().addVersion();

        assertThatThrownBy(() -> job.retireOldVersions()).hasMessageContaining("still need an old KEK version");
        assertThat(keys.content().keyIds()).hasSize(before + 1);
    }

    @Test
    void theCommandLineRotatesTheSameWay() throws Exception {
        String caseId = secretCase("sofia");
        String id = record("sofia", interview(caseId));
        keys.content().addVersion();
        keys.identity().addVersion();

        Map<String, String> env = Map.of(
                "PARLEY_INTERVIEWS_DB_URL",
                SharedStack.get().jdbcUrl(ParleyStackResource.testDatabase("interviews")),
                "PARLEY_INTERVIEWS_DB_USER",
                "postgres",
                "PARLEY_INTERVIEWS_DB_PASSWORD",
                SharedStack.get().postgresPassword(),
                "PARLEY_INTERVIEWS_DEV_KEYS",
                devKeyFile("content").getParent().toString());
        int exit = RotateKeys.run(new String[] {"rotate"}, env);

        assertThat(exit).isZero();
        assertThat(kekVersions("interview")).containsExactly(keys.content().primaryKeyId());
        assertThat(kekVersions("interview_identity"))
                .containsExactly(keys.identity().primaryKeyId());
        job.retireOldVersions();
        as("sofia").get("/interviews/" + id).then().statusCode(200);
        assertThat(RotateKeys.run(new String[] {"no-such-command"}, env)).isEqualTo(64);
    }

    @Test
    void withOnlyTheOldVersionARotatedRecordCannotBeRead() throws SQLException {
        String id = record("sofia", interview(secretCase("sofia")));
        int old = keys.content().primaryKeyId();
        Kek onlyOld = keys.content().restrictedTo(Set.of(old));
        keys.content().addVersion();
        keys.identity().addVersion();
        job.rotateAll(line -> {});
        job.retireOldVersions();

        byte[] wrapped;
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement("SELECT data_key FROM interview WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                wrapped = rows.getBytes(1);
            }
        }
        org.parley.interviews.crypto.EnvelopeCipher oldCipher =
                new org.parley.interviews.crypto.EnvelopeCipher(Purpose.CONTENT.label(), onlyOld);
        assertThatThrownBy(() -> oldCipher.openDataKey(UUID.fromString(id), wrapped, old))
                .isInstanceOf(org.parley.interviews.crypto.RecordIntegrityException.class);
        as("sofia").get("/interviews/" + id).then().statusCode(200);
    }

    private static Set<Integer> kekVersions(String table) throws SQLException {
        Set<Integer> versions = new java.util.HashSet<>();
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT DISTINCT kek_key_id FROM " + table + " WHERE data_key IS NOT NULL");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static Path devKeyFile(String name) {
        return Path.of("target/dev-only-keys/DEV-ONLY-" + name + "-kek.json");
    }
}
