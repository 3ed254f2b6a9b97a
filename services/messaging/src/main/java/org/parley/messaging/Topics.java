package org.parley.messaging;

/** Kafka topics, versioned by name. Each carries protobuf {@code parley.v1.Envelope}s only. */
public final class Topics {
    /** Cases service: cases opened, sections edited, timeline entries, deletions. */
    public static final String CASES = "parley.cases.v1";
    /** Access service: every policy change (with the policy snapshot) and heartbeats. One partition: total order. */
    public static final String ACCESS = "parley.access.v1";
    /** Interviews service: interviews recorded, linked, excerpts, identity reveals. */
    public static final String INTERVIEWS = "parley.interviews.v1";
    /** Every service: reads of restricted content and denied attempts, for the audit ledger. */
    public static final String AUDIT = "parley.audit.v1";
    /**
     * Events service: each signed checkpoint of the audit ledger, keyed by chain, on a compacted topic: the
     * newest survives outside the events database as the anchor verification checks the ledger against.
     */
    public static final String LEDGER = "parley.ledger.v1";

    private Topics() {}
}
