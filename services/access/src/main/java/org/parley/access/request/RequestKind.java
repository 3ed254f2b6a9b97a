package org.parley.access.request;

/** What a secrecy change request asks for. */
public enum RequestKind {
    /** A less strict tier. */
    TIER,
    /** Releasing the case's results. */
    RELEASE,
    /** A grant whose scope needs a second approver (PROCESS, EXCERPTS). */
    GRANT
}
