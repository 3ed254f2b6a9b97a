package org.parley.cases.api;

/**
 * The negotiating entity's strength relative to the groups. The codes of the codebook's {@code context.entities.relativeStrength}, in its order
 * (CodebookAgreementTest).
 */
public enum RelativeStrength {
    WEAKER,
    COMPARABLE,
    STRONGER
}
