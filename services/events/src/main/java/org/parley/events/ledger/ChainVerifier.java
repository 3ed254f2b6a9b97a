package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the whole chain from the database and reports the first broken link and the validity of
 * every checkpoint. Plain JDBC and JDK crypto, so the service's endpoint and the command line share it.
 * Reads in one repeatable-read transaction: a consistent snapshot while appends go on.
 */
public final class ChainVerifier {

    private static final int MAX_CHECKPOINT_PROBLEMS = 20;

    private final CheckpointKeys keys;

    public ChainVerifier(CheckpointKeys keys) {
        this.keys = keys;
    }

    public VerificationReport verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try {
            if (autoCommit) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
            }
            return verifyInTransaction(connection);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private VerificationReport verifyInTransaction(Connection connection) throws SQLException {
        long checked = 0;
        long previousSequence = 0;
        String previousHash = LedgerHashing.GENESIS;
        VerificationReport.BrokenLink broken = null;
        Map<Long, String> storedHashes = new HashMap<>();
        Map<Long, Long> checkpointSequences = checkpointSequences(connection);

        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sequence, CAST(event_id AS text), event_type, CAST(case_id AS text), actor_subject,"
                        + " actor_organisation, owning_organisation, occurred_at, recorded_at, event_digest,"
                        + " prev_hash, hash FROM ledger_entry ORDER BY sequence")) {
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LedgerEntry entry = new LedgerEntry(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getObject(8, OffsetDateTime.class).toInstant(),
                            rows.getObject(9, OffsetDateTime.class).toInstant(),
                            rows.getString(10),
                            rows.getString(11),
                            rows.getString(12));
                    checked++;
                    if (checkpointSequences.containsKey(entry.sequence())) {
                        storedHashes.put(entry.sequence(), entry.hash());
                    }
                    if (broken == null) {
                        broken = check(entry, previousSequence, previousHash);
                    }
                    previousSequence = entry.sequence();
                    previousHash = entry.hash();
                }
            }
        }

        VerificationReport.HeadCheck head = headCheck(connection, previousSequence, previousHash);
        List<VerificationReport.CheckpointProblem> problems = new ArrayList<>();
        long checkpointsChecked = 0;
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT sequence, hash, key_id, signature FROM ledger_checkpoint ORDER BY sequence");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpointsChecked++;
                long sequence = rows.getLong(1);
                String hash = rows.getString(2);
                String problem = null;
                if (!keys.verify(rows.getString(3), sequence, hash, rows.getString(4))) {
                    problem = "signature invalid or key unknown";
                } else if (!hash.equals(storedHashes.get(sequence))) {
                    problem = storedHashes.containsKey(sequence)
                            ? "signed hash differs from the entry's hash"
                            : "no entry at the signed sequence";
                }
                if (problem != null && problems.size() < MAX_CHECKPOINT_PROBLEMS) {
                    problems.add(new VerificationReport.CheckpointProblem(sequence, problem));
                }
            }
        }
        boolean valid = broken == null && head.consistent() && problems.isEmpty();
        return new VerificationReport(valid, checked, broken, head, checkpointsChecked, problems);
    }

    /** The first check that fails for this entry, given the previous entry as stored. */
    static VerificationReport.BrokenLink check(LedgerEntry entry, long previousSequence, String previousHash) {
        if (entry.sequence() != previousSequence + 1) {
            return new VerificationReport.BrokenLink(
                    previousSequence + 1,
                    VerificationReport.Problem.MISSING_ENTRY,
                    "sequence " + (previousSequence + 1),
                    "sequence " + entry.sequence());
        }
        if (!previousHash.equals(entry.prevHash())) {
            return new VerificationReport.BrokenLink(
                    entry.sequence(), VerificationReport.Problem.PREV_HASH_MISMATCH, previousHash, entry.prevHash());
        }
        String recomputed = LedgerHashing.hashOf(entry);
        if (!recomputed.equals(entry.hash())) {
            return new VerificationReport.BrokenLink(
                    entry.sequence(), VerificationReport.Problem.HASH_MISMATCH, recomputed, entry.hash());
        }
        return null;
    }

    private static Map<Long, Long> checkpointSequences(Connection connection) throws SQLException {
        Map<Long, Long> sequences = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT sequence FROM ledger_checkpoint");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sequences.put(rows.getLong(1), rows.getLong(1));
            }
        }
        return sequences;
    }

    private static VerificationReport.HeadCheck headCheck(Connection connection, long lastSequence, String lastHash)
            throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT sequence, hash FROM ledger_head WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return new VerificationReport.HeadCheck(false, -1, lastSequence);
            }
            long headSequence = row.getLong(1);
            boolean consistent = headSequence == lastSequence
                    && (lastSequence == 0 ? LedgerHashing.GENESIS : lastHash).equals(row.getString(2));
            return new VerificationReport.HeadCheck(consistent, headSequence, lastSequence);
        }
    }
}
