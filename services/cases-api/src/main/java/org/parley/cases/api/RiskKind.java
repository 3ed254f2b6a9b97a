package org.parley.cases.api;

/**
 * Kinds of risk the paper names. The codes of the codebook's {@code process.risks.kind}, in its order
 * (CodebookAgreementTest).
 */
public enum RiskKind {
    PHYSICAL,
    LEGAL,
    UNITY,
    SOCIAL_POLITICAL_SUPPORT,
    POLARISATION,
    VICTIMS,
    INTERNATIONAL,
    SPOILERS,
    DISCLOSURE,
    OTHER
}
