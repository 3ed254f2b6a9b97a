package org.parley.events.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        ChainLinks links = ChainLinks.fromGenesis();
        Map<Long, String> storedHashes = new HashMap<>();
        Map<Long, Long> checkpointSequences = checkpointSequences(connection);
        if (anchor != null && anchor.found() != null) {
            checkpointSequences.put(anchor.found().sequence(), anchor.found().sequence());
        }

        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + LedgerEntry.columns("l") + " FROM ledger_entry l ORDER BY l.sequence")) {
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LedgerEntry entry = LedgerEntry.read(rows, 1);
                    if (checkpointSequences.containsKey(entry.sequence())) {
                        storedHashes.put(entry.sequence(), entry.hash());
                    }
                    links.add(entry);
                }
            }
        }
        long checked = links.checked();
        VerificationReport.BrokenLink broken = links.firstBroken();
        long previousSequence = links.lastSequence();
        String previousHash = links.lastHash();

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
                String problem = ChainLinks.checkpointProblem(
                        keys, sequence, hash, rows.getString(3), rows.getString(4), storedHashes.get(sequence));
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
