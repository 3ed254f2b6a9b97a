package org.parley.cases.api;

/**
 * Kinds of event on a process timeline. The codes of the codebook's {@code process.timeline.kind}, in its order
 * (CodebookAgreementTest).
 */
public enum TimelineKind {
    MEETING,
    PROPOSAL,
    LEAK,
    TRUCE_DECLARED,
    AGREEMENT,
    CONCESSION,
    BREAKDOWN,
    PUBLIC_ANNOUNCEMENT,
    OTHER
}
