package org.parley.events.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.events.api.VerificationReport;
import org.parley.events.support.EventsStackTest;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.proto.v1.Envelope;
import org.parley.proto.v1.ExportMade;
import org.parley.testing.ParleyStackResource;
import org.parley.testing.SharedStack;
import org.parley.testing.StackInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering done the way an attacker with database access would (as superuser, triggers disabled): an
 * edited row, a deleted row, two rows swapped, a forged checkpoint. Verification, through the endpoint and
 * the command line, names the first broken link each time. Each test puts the ledger back as it was.
 */
@QuarkusTest
class LedgerTamperTest extends EventsStackTest {

    @Inject
    LedgerSigner signer;

    @Inject
    Ledger ledger;

    private List<Long> sequences;

    @BeforeEach
    void someEntries() throws SQLException {
        List<Envelope> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(append(
                    Topics.AUDIT,
                    Envelopes.about(null, "exporter", HOST, Instant.now())
                            .setExportMade(ExportMade.newBuilder()
                                    .setResourceKind("case")
                                    .setRecordCount(i))));
        }
        awaitLedger(ids(sent), Duration.ofSeconds(60));
        sequences = new ArrayList<>();
        try (Connection connection = events();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT sequence FROM ledger_entry WHERE event_id = ANY (?) ORDER BY sequence")) {
            query.setArray(1, connection.createArrayOf("uuid", ids(sent).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
        }
        assertThat(verify().valid()).as("the ledger is valid before tampering").isTrue();
    }

    @Test
    void theTriggerRefusesUpdatesAndDeletesFromAnyone() throws SQLException {
        try (Connection connection = events();
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(
                            "UPDATE ledger_entry SET actor_subject = 'x' WHERE sequence = " + sequences.get(0)))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM ledger_entry WHERE sequence = " + sequences.get(0)))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE ledger_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void anEditedRowIsTheFirstBrokenLink() throws SQLException {
        long target = sequences.get(2);
        String original = column(target, "actor_subject");
        tamper("UPDATE ledger_entry SET actor_subject = 'someone-else' WHERE sequence = " + target);
        try {
            VerificationReport report = verify();
            assertThat(report.valid()).isFalse();
            assertThat(report.firstBrokenLink().sequence()).isEqualTo(target);
            assertThat(report.firstBrokenLink().problem()).isEqualTo(VerificationReport.Problem.HASH_MISMATCH);
            assertThat(report.firstBrokenLink().found()).isEqualTo(column(target, "hash"));

            CommandRun run = command();
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output).contains("BROKEN at sequence " + target + " (HASH_MISMATCH)");
        } finally {
            tamper("UPDATE ledger_entry SET actor_subject = '" + original + "' WHERE sequence = " + target);
        }
        assertThat(verify().valid()).isTrue();
        assertThat(command().exitCode).isZero();
    }

    @Test
    void aDeletedRowIsReportedAsTheMissingSequence() throws SQLException {
        long target = sequences.get(3);
        tamper("CREATE TABLE IF NOT EXISTS tamper_saved AS SELECT * FROM ledger_entry WITH NO DATA;"
                + " INSERT INTO tamper_saved SELECT * FROM ledger_entry WHERE sequence = " + target + ";"
                + " DELETE FROM ledger_entry WHERE sequence = " + target);
        try {
            VerificationReport.BrokenLink link = verify().firstBrokenLink();
            assertThat(link.sequence()).isEqualTo(target);
            assertThat(link.problem()).isEqualTo(VerificationReport.Problem.MISSING_ENTRY);
            assertThat(link.expected()).isEqualTo("sequence " + target);
            assertThat(link.found()).isEqualTo("sequence " + (target + 1));
        } finally {
            tamper("INSERT INTO ledger_entry SELECT * FROM tamper_saved WHERE sequence = " + target + ";"
                    + " DELETE FROM tamper_saved");
        }
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void twoSwappedRowsBreakTheChainAtTheFirstOfThem() throws SQLException {
        long first = sequences.get(1);
        long second = first + 1;
        String expectedPrev = column(first - 1, "hash");
        String swap = "UPDATE ledger_entry SET sequence = -1 WHERE sequence = " + first + ";"
                + " UPDATE ledger_entry SET sequence = " + first + " WHERE sequence = " + second + ";"
                + " UPDATE ledger_entry SET sequence = " + second + " WHERE sequence = -1";
        tamper(swap);
        try {
            VerificationReport.BrokenLink link = verify().firstBrokenLink();
            assertThat(link.sequence()).isEqualTo(first);
            assertThat(link.problem()).isEqualTo(VerificationReport.Problem.PREV_HASH_MISMATCH);
            assertThat(link.expected()).isEqualTo(expectedPrev);
        } finally {
            tamper(swap);
        }
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void aForgedCheckpointIsFound() throws SQLException {
        long signed = ledger.checkpointHead().orElseGet(() -> latestCheckpoint());
        String original;
        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT hash FROM ledger_checkpoint WHERE sequence = ?")) {
            query.setLong(1, signed);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                original = row.getString(1);
            }
        }
        tamperCheckpoint("UPDATE ledger_checkpoint SET hash = '" + "0".repeat(64) + "' WHERE sequence = " + signed);
        try {
            VerificationReport report = verify();
            assertThat(report.valid()).isFalse();
            assertThat(report.firstBrokenLink()).isNull();
            assertThat(report.invalidCheckpoints())
                    .extracting(VerificationReport.CheckpointProblem::sequence)
                    .contains(signed);
        } finally {
            tamperCheckpoint("UPDATE ledger_checkpoint SET hash = '" + original + "' WHERE sequence = " + signed);
        }
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void onlyAuditorsMayVerify() {
        as("sofia").get("/ledger/verify").then().statusCode(403);
        io.restassured.RestAssured.given().get("/ledger/verify").then().statusCode(401);
    }

    private VerificationReport verify() {
        Response response = as("irene").get("/ledger/verify");
        response.then().statusCode(200);
        return response.as(VerificationReport.class);
    }

    private record CommandRun(int exitCode, String output) {}

    private CommandRun command() {
        StackInfo stack = SharedStack.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyLedgerCommand.run(
                new String[] {
                    "--url", stack.jdbcUrl(ParleyStackResource.testDatabase("events")),
                    "--user", StackInfo.POSTGRES_USER,
                    "--public-key", signer.keys().publicKeyBase64()
                },
                Map.of("PARLEY_EVENTS_DB_PASSWORD", stack.postgresPassword()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static void tamper(String sql) throws SQLException {
        try (Connection connection = events();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
            connection.commit();
        }
    }

    private static void tamperCheckpoint(String sql) throws SQLException {
        try (Connection connection = events();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE ledger_checkpoint DISABLE TRIGGER ledger_checkpoint_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE ledger_checkpoint ENABLE TRIGGER ledger_checkpoint_append_only");
            connection.commit();
        }
    }

    private static String column(long sequence, String column) throws SQLException {
        try (Connection connection = events();
                PreparedStatement query =
                        connection.prepareStatement("SELECT " + column + " FROM ledger_entry WHERE sequence = ?")) {
            query.setLong(1, sequence);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long latestCheckpoint() {
        try (Connection connection = events();
                Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("SELECT max(sequence) FROM ledger_checkpoint")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
