package org.parley.events.ledger;

import org.parley.events.api.VerificationReport;

/**
 * A walk along the chain in sequence order, keeping the first broken link: the one check that the database
 * verifier ({@link ChainVerifier}) and the export verifier ({@link ExportVerifier}) both make. A walk starts at
 * the genesis or, for an export that starts mid-chain, at the previous hash its first entry names (anchored by
 * a signed checkpoint further on).
 */
final class ChainLinks {

    private long previousSequence;
    private String previousHash;
    private long checked;
    private VerificationReport.BrokenLink broken;

    private ChainLinks(long previousSequence, String previousHash) {
        this.previousSequence = previousSequence;
        this.previousHash = previousHash;
    }

    static ChainLinks fromGenesis() {
        return new ChainLinks(0, LedgerHashing.GENESIS);
    }

    /** A walk whose first entry is {@code firstSequence}, linked to {@code previousHash}. */
    static ChainLinks startingAt(long firstSequence, String previousHash) {
        return new ChainLinks(firstSequence - 1, previousHash);
    }

    /** The first check that fails for this entry, given the previous entry as stored, or null. */
    static VerificationReport.BrokenLink check(LedgerEntry entry, long previousSequence, String previousHash) {
        ChainLinks walk = new ChainLinks(previousSequence, previousHash);
        walk.add(entry);
        return walk.firstBroken();
    }

    /** Checks the entry's place, its link and its own hash. */
    void add(LedgerEntry entry) {
        checked++;
        if (broken == null) {
            broken = linkProblem(entry.sequence(), entry.prevHash());
        }
        if (broken == null) {
            String recomputed = LedgerHashing.hashOf(entry);
            if (!recomputed.equals(entry.hash())) {
                broken = new VerificationReport.BrokenLink(
                        entry.sequence(), VerificationReport.Problem.HASH_MISMATCH, recomputed, entry.hash());
            }
        }
        previousSequence = entry.sequence();
        previousHash = entry.hash();
    }

    /**
     * Checks the place and link of an entry whose fields are not shown (outside the reader's scope): its hash
     * cannot be recomputed, but the next entry's link and hash, and the checkpoint after it, commit to it.
     */
    void addSealed(long sequence, String prevHash, String hash) {
        checked++;
        if (broken == null) {
            broken = linkProblem(sequence, prevHash);
        }
        previousSequence = sequence;
        previousHash = hash;
    }

    private VerificationReport.BrokenLink linkProblem(long sequence, String prevHash) {
        if (sequence != previousSequence + 1) {
            return new VerificationReport.BrokenLink(
                    previousSequence + 1,
                    VerificationReport.Problem.MISSING_ENTRY,
                    "sequence " + (previousSequence + 1),
                    "sequence " + sequence);
        }
        if (!previousHash.equals(prevHash)) {
            return new VerificationReport.BrokenLink(
                    sequence, VerificationReport.Problem.PREV_HASH_MISMATCH, previousHash, prevHash);
        }
        return null;
    }

    /** The first broken link, or null. */
    VerificationReport.BrokenLink firstBroken() {
        return broken;
    }

    long checked() {
        return checked;
    }

    long lastSequence() {
        return previousSequence;
    }

    String lastHash() {
        return previousHash;
    }

    /**
     * What is wrong with a checkpoint of (sequence, hash) signed under {@code keyId}, given the hash the chain holds
     * at that sequence ({@code null}: no entry there), or null when it is valid.
     */
    static String checkpointProblem(
            CheckpointKeys keys, long sequence, String hash, String keyId, String signature, String entryHash) {
        if (!keys.verify(keyId, sequence, hash, signature)) {
            return "signature invalid or key unknown";
        }
        if (entryHash == null) {
            return "no entry at the signed sequence";
        }
        if (!hash.equals(entryHash)) {
            return "signed hash differs from the entry's hash";
        }
        return null;
    }
}
