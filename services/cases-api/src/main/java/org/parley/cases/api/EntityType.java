package org.parley.cases.api;

/** Who negotiates with the criminal groups. */
public enum EntityType {
    NATIONAL_GOVERNMENT,
    LOCAL_GOVERNMENT,
    MULTILATERAL_BODY,
    HUMANITARIAN_NGO,
    PEACEBUILDING_NGO,
    CHURCH,
    INDIVIDUAL
}
