package org.parley.cases.api;

/**
 * How far the negotiation's objectives reach. The codes of the codebook's {@code process.objectives.scope}, in its order
 * (CodebookAgreementTest).
 */
public enum ObjectiveScope {
    LIMITED,
    BROAD,
    TRANSFORMATIONAL
}
