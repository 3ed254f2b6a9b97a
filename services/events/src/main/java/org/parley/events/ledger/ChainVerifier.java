package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parley.events.api.VerificationReport;

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

    /** Verifies the database alone (no anchor looked for): for tests of the chain itself. */
    public VerificationReport verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /**
     * Verifies the chain and, unless {@code anchor} is null, that it still holds the newest checkpoint kept
     * outside the database ({@link AnchorLookup#none()} when none was ever published).
     */
    public VerificationReport verify(Connection connection, AnchorLookup anchor) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try {
            if (autoCommit) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
            }
            return verifyInTransaction(connection, anchor);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    /**
     * As {@link #verify(Connection, AnchorLookup)}, in the caller's transaction (the service's, through Hibernate),
     * which this makes REPEATABLE READ: it must be the transaction's first statement, or PostgreSQL refuses it.
     */
    public VerificationReport verifyInThisTransaction(Connection connection, AnchorLookup anchor) throws SQLException {
        try (Statement isolation = connection.createStatement()) {
            isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
        return verifyInTransaction(connection, anchor);
    }

    private VerificationReport verifyInTransaction(Connection connection, AnchorLookup anchor) throws SQLException {
        long checked = 0;
        long previousSequence = 0;
        String previousHash = LedgerHashing.GENESIS;
        VerificationReport.BrokenLink broken = null;
        Map<Long, String> storedHashes = new HashMap<>();
        Map<Long, Long> checkpointSequences = checkpointSequences(connection);
        if (anchor != null && anchor.found() != null) {
            checkpointSequences.put(anchor.found().sequence(), anchor.found().sequence());
        }

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
        VerificationReport.AnchorCheck anchorCheck = anchor == null ? null : checkAnchor(anchor, storedHashes);
        boolean valid = broken == null
                && head.consistent()
                && problems.isEmpty()
                && (anchorCheck == null || anchorCheck.acceptable());
        return new VerificationReport(valid, checked, broken, head, checkpointsChecked, problems, anchorCheck);
    }

    /**
     * The newest anchor kept outside the database, as looked up before verifying: found, none published yet, or
     * unavailable (the place it is kept could not be read).
     */
    public record AnchorLookup(LedgerAnchor found, boolean unavailable, String source) {

        public static AnchorLookup of(LedgerAnchor anchor) {
            return new AnchorLookup(anchor, false, anchor.source());
        }

        public static AnchorLookup none(String source) {
            return new AnchorLookup(null, false, source);
        }

        public static AnchorLookup unavailable(String source) {
            return new AnchorLookup(null, true, source);
        }
    }

    private VerificationReport.AnchorCheck checkAnchor(AnchorLookup lookup, Map<Long, String> storedHashes) {
        if (lookup.unavailable()) {
            return new VerificationReport.AnchorCheck(
                    VerificationReport.AnchorStatus.UNAVAILABLE, lookup.source(), null, null);
        }
        LedgerAnchor anchor = lookup.found();
        if (anchor == null) {
            return new VerificationReport.AnchorCheck(
                    VerificationReport.AnchorStatus.NONE, lookup.source(), null, null);
        }
        VerificationReport.AnchorStatus status;
        if (!keys.verify(anchor.keyId(), anchor.sequence(), anchor.hash(), anchor.signature())) {
            status = VerificationReport.AnchorStatus.SIGNATURE_INVALID;
        } else if (!storedHashes.containsKey(anchor.sequence())) {
            status = VerificationReport.AnchorStatus.TRUNCATED;
        } else if (!anchor.hash().equals(storedHashes.get(anchor.sequence()))) {
            status = VerificationReport.AnchorStatus.HASH_DIFFERS;
        } else {
            status = VerificationReport.AnchorStatus.CONFIRMED;
        }
        return new VerificationReport.AnchorCheck(status, anchor.source(), anchor.sequence(), anchor.exported());
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
