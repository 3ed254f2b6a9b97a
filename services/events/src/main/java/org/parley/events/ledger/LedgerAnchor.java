package org.parley.events.ledger;

/**
 * A signed checkpoint kept outside the events database (the newest record of the compacted topic
 * {@code parley.ledger.v1}, or one an auditor exported): the ledger must still hold an entry with this hash at
 * this sequence, or its tail was cut.
 *
 * @param source where the anchor came from, for the report ("kafka:parley.ledger.v1", "command line")
 */
public record LedgerAnchor(long sequence, String hash, String keyId, String signature, String source) {

    /** Parses the auditor's form {@code SEQUENCE:HASH:KEY_ID:SIGNATURE}, as the report prints it. */
    public static LedgerAnchor parse(String text, String source) {
        String[] parts = text.trim().split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("an anchor is SEQUENCE:HASH:KEY_ID:SIGNATURE");
        }
        try {
            return new LedgerAnchor(Long.parseLong(parts[0]), parts[1], parts[2], parts[3], source);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an anchor's sequence is a number");
        }
    }

    /** The form {@link #parse} reads: what an auditor keeps from a verification. */
    public String exported() {
        return sequence + ":" + hash + ":" + keyId + ":" + signature;
    }
}
