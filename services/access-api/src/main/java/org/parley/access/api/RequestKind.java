package org.parley.access.api;

/** What a secrecy change request asks for. */
public enum RequestKind {
    /** A less strict tier. */
    TIER,
    /** Releasing the case's results. */
    RELEASE,
    /** A grant whose scope needs a second approver (PROCESS, EXCERPTS). */
    GRANT,
    /**
     * Putting someone on the team, asked by a secrecy admin who is not the case's lead (secrecy model,
     * section 5: a loosening for that person). Whoever would join never approves it.
     */
    TEAM
}
