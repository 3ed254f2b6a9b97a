package org.parley.cases.content;

/** Where a negotiation process stands. */
public enum CaseStatus {
    EXPLORATORY,
    ACTIVE,
    SUSPENDED,
    CONCLUDED_WITH_DEAL,
    CONCLUDED_WITHOUT_DEAL,
    COLLAPSED
}
