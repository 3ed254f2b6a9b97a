package org.parley.events.api;

/** The kinds of entry on a case's timeline (who may see each is the events service's rule, not the contract's). */
public enum TimelineKind {
    CASE_OPENED,
    TIER_CHANGED,
    RESULTS_RELEASE_CHANGED,
    PROCESS_ENTRY_ADDED,
    INTERVIEW_LINKED,
    GRANT_ISSUED,
    GRANT_REVOKED,
    GRANT_EXPIRED,
    /** A case section's text changed: which section and the case version; who, only for the team. */
    SECTION_EDITED
}
