package org.parley.cases.api;

/**
 * Who negotiates with the criminal groups. The codes of the codebook's {@code context.entities.type}, in its order
 * (CodebookAgreementTest).
 */
public enum EntityType {
    NATIONAL_GOVERNMENT,
    LOCAL_GOVERNMENT,
    MULTILATERAL_BODY,
    HUMANITARIAN_NGO,
    PEACEBUILDING_NGO,
    CHURCH,
    INDIVIDUAL,
    OTHER
}
