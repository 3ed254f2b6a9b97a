package org.parley.cases.api;

/** Kinds of event on a process timeline. */
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
