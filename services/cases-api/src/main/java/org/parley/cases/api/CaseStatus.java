package org.parley.cases.api;

/** Where a negotiation process stands. */
public enum CaseStatus {
    EXPLORATORY,
    ACTIVE,
    SUSPENDED,
    CONCLUDED_WITH_DEAL,
    CONCLUDED_WITHOUT_DEAL,
    COLLAPSED
}
