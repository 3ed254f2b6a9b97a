package org.parley.cases.api;

/**
 * Kinds of criminal group. The codes of the codebook's {@code context.groups.type}, in its order
 * (CodebookAgreementTest).
 */
public enum GroupType {
    MAFIA,
    CARTEL,
    STREET_GANG,
    PRISON_GANG,
    OTHER
}
