package org.parley.events.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import static org.awaitility.Awaitility.await;

/**
 * The attack the checkpoints alone could not see: a database superuser deletes the last entries and their
 * checkpoints and rewinds the head. The database is then consistent with itself (the old verification said
 * VALID); the newest signed checkpoint kept on the broker (and in the auditor's hands) still names the entry that
 * is gone, so the verification reports the tail as TRUNCATED, through the endpoint and the command line.
 */
@QuarkusTest
class LedgerAnchorTest extends EventsStackTest {

    @Inject
    Ledger ledger;

    @Inject
    LedgerSigner signer;

    @Inject
    LedgerAnchors anchors;

    @Test
    void aTailCutBelowTheNewestAnchorIsReportedWhileTheDatabaseAgreesWithItself() throws Exception {
        List<Envelope> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(append(
                    Topics.AUDIT,
                    Envelopes.about(null, "exporter", HOST, Instant.now())
                            .setExportMade(ExportMade.newBuilder()
                                    .setResourceKind("case")
                                    .setRecordCount(i))));
        }
        awaitLedger(ids(sent), Duration.ofSeconds(60));
        long signed = ledger.checkpointHead().orElseGet(LedgerAnchorTest::headSequence);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> anchors.newest(signer.keys().keyIds())
                        .map(anchor -> anchor.sequence() >= signed)
                        .orElse(false));

        VerificationReport before = verify();
        assertThat(before.valid()).isTrue();
        assertThat(before.anchor().status()).isEqualTo(VerificationReport.AnchorStatus.CONFIRMED);
        String kept = before.anchor().exported(); // what an auditor keeps from a report
        long anchored = before.anchor().sequence();
        long cutFrom = anchored - 2;

        cutTail(cutFrom);
        try {
            try (Connection connection = events()) {
                assertThat(new ChainVerifier(signer.keys()).verify(connection).valid())
                        .as("the database alone agrees with itself after the cut: the attack the anchor is for")
                        .isTrue();
            }
            VerificationReport after = verify();
            assertThat(after.valid()).isFalse();
            assertThat(after.firstBrokenLink()).isNull();
            assertThat(after.head().consistent()).isTrue();
            assertThat(after.invalidCheckpoints()).isEmpty();
            assertThat(after.anchor().status()).isEqualTo(VerificationReport.AnchorStatus.TRUNCATED);
            assertThat(after.anchor().sequence()).isEqualTo(anchored);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = VerifyLedgerCommand.run(
                    new String[] {
                        "--url",
                        SharedStack.get().jdbcUrl(ParleyStackResource.testDatabase("events")),
                        "--user",
                        StackInfo.POSTGRES_USER,
                        "--public-key",
                        signer.keys().publicKeyBase64(),
                        "--anchor",
                        kept
                    },
                    Map.of("PARLEY_EVENTS_DB_PASSWORD", SharedStack.get().postgresPassword()),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("anchor (command line): TRUNCATED at sequence " + anchored)
                    .endsWith("INVALID" + System.lineSeparator());
        } finally {
            restoreTail();
        }
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void anAnchorThatIsNotAnAnchorIsABadRequestNamingIt() {
        Response response = as("irene").queryParam("anchor", "12:abc").get("/ledger/verify");
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.asString()).contains("anchor");
    }

    @Test
    void aForgedAnchorGivenByHandIsNotTrusted() {
        long head = headSequence();
        Optional<String> keyId = signer.keys().keyIds().stream().findFirst();
        String forged = (head + 1000) + ":" + "0".repeat(64) + ":" + keyId.orElseThrow() + ":AAAA";
        VerificationReport report = as("irene")
                .queryParam("anchor", forged)
                .get("/ledger/verify")
                .then()
                .statusCode(200)
                .extract()
                .as(VerificationReport.class);
        assertThat(report.anchor().status()).isEqualTo(VerificationReport.AnchorStatus.SIGNATURE_INVALID);
        assertThat(report.valid()).isFalse();
    }

    private VerificationReport verify() {
        Response response = as("irene").get("/ledger/verify");
        response.then().statusCode(200);
        return response.as(VerificationReport.class);
    }

    /** As an attacker with the database would: entries and checkpoints from {@code from} on go, the head rewinds. */
    private static void cutTail(long from) throws SQLException {
        superuser("CREATE TABLE anchor_saved_entries AS SELECT * FROM ledger_entry WHERE sequence >= " + from + ";"
                + " CREATE TABLE anchor_saved_checkpoints AS SELECT * FROM ledger_checkpoint WHERE sequence >= " + from
                + ";"
                + " CREATE TABLE anchor_saved_head AS SELECT * FROM ledger_head;"
                + " DELETE FROM ledger_entry WHERE sequence >= " + from + ";"
                + " DELETE FROM ledger_checkpoint WHERE sequence >= " + from + ";"
                + " UPDATE ledger_head SET (sequence, hash) = (SELECT sequence, hash FROM ledger_entry"
                + " WHERE sequence = " + (from - 1) + ") WHERE id = 1");
    }

    private static void restoreTail() throws SQLException {
        superuser(
                "INSERT INTO ledger_entry SELECT * FROM anchor_saved_entries;"
                        + " DELETE FROM ledger_checkpoint WHERE sequence >= (SELECT min(sequence) FROM anchor_saved_checkpoints);"
                        + " INSERT INTO ledger_checkpoint SELECT * FROM anchor_saved_checkpoints;"
                        + " UPDATE ledger_head SET (sequence, hash) = (SELECT sequence, hash FROM anchor_saved_head) WHERE id = 1;"
                        + " DROP TABLE anchor_saved_entries; DROP TABLE anchor_saved_checkpoints; DROP TABLE anchor_saved_head");
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection connection = events();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
            statement.execute("ALTER TABLE ledger_checkpoint DISABLE TRIGGER ledger_checkpoint_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
            statement.execute("ALTER TABLE ledger_checkpoint ENABLE TRIGGER ledger_checkpoint_append_only");
            connection.commit();
        }
    }

    private static long headSequence() {
        try (Connection connection = events();
                Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("SELECT sequence FROM ledger_head WHERE id = 1")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
