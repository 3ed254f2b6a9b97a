package org.parley.events.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a verification of the ledger found.
 *
 * @param valid true when the chain is unbroken, the head matches its last entry and every checkpoint is valid
 * @param entriesChecked entries read
 * @param firstBrokenLink the first entry whose link is broken, or null
 * @param checkpointsChecked checkpoints read
 * @param invalidCheckpoints checkpoints whose signature is invalid or whose hash is not the entry's (first 20)
 * @param anchor the check against the newest checkpoint kept outside the database, when one was looked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
        boolean valid,
        long entriesChecked,
        BrokenLink firstBrokenLink,
        HeadCheck head,
        long checkpointsChecked,
        List<CheckpointProblem> invalidCheckpoints,
        AnchorCheck anchor) {

    /**
     * Why the chain breaks at {@code sequence}: what the verifier expected and what it found there. Named apart in
     * the OpenAPI document: under its simple name it took the place of the RFC 9457 {@code Problem} component.
     */
    @Schema(name = "BrokenLinkProblem")
    public enum Problem {
        /** An entry is missing: the sequence jumps (expected and found are sequence numbers). */
        MISSING_ENTRY,
        /** The entry's prev_hash is not the previous entry's hash. */
        PREV_HASH_MISMATCH,
        /** The entry's fields do not hash to its stored hash: it was edited. */
        HASH_MISMATCH
    }

    public record BrokenLink(long sequence, Problem problem, String expected, String found) {}

    /** Whether the head row agrees with the last entry (a deleted tail shows here). */
    public record HeadCheck(boolean consistent, long headSequence, long lastEntrySequence) {}

    public record CheckpointProblem(long sequence, String problem) {}

    /** What the ledger says about the newest anchor found outside its database. */
    public enum AnchorStatus {
        /** No anchor was published yet (a new ledger). */
        NONE,
        /** The ledger holds the anchored entry with the anchored hash. */
        CONFIRMED,
        /** The ledger has no entry at the anchored sequence: its tail was cut. */
        TRUNCATED,
        /** The entry at the anchored sequence has another hash: the chain was rewritten. */
        HASH_DIFFERS,
        /** The anchor's signature is invalid or its key unknown. */
        SIGNATURE_INVALID,
        /** The anchor could not be read (broker unavailable): the verification is incomplete, so not valid. */
        UNAVAILABLE
    }

    /**
     * @param exported the anchor in the form an auditor keeps and can give back to a later verification
     *     ({@code SEQUENCE:HASH:KEY_ID:SIGNATURE}), when there was one
     */
    public record AnchorCheck(AnchorStatus status, String source, Long sequence, String exported) {

        public boolean acceptable() {
            return status == AnchorStatus.NONE || status == AnchorStatus.CONFIRMED;
        }
    }
}
