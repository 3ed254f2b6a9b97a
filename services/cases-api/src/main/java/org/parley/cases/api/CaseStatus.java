package org.parley.cases.api;

/**
 * Where a negotiation process stands. The codes of the codebook's {@code header.status}, in its order
 * (CodebookAgreementTest).
 */
public enum CaseStatus {
    EXPLORATORY,
    ACTIVE,
    SUSPENDED,
    CONCLUDED_WITH_DEAL,
    CONCLUDED_WITHOUT_DEAL,
    COLLAPSED
}
