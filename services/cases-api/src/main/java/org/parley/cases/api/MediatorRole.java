package org.parley.cases.api;

/**
 * A third party's role in the talks. The codes of the codebook's {@code process.mediators.role}, in its order
 * (CodebookAgreementTest).
 */
public enum MediatorRole {
    MEDIATOR,
    GUARANTOR,
    FACILITATOR,
    OBSERVER,
    INTERMEDIARY,
    OTHER
}
