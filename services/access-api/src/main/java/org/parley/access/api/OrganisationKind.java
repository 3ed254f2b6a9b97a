package org.parley.access.api;

/** What kind of body an organisation is. There is exactly one HOST: the platform's owner. */
public enum OrganisationKind {
    HOST,
    NGO,
    CHURCH,
    MULTILATERAL,
    GOVERNMENT,
    ACADEMIC
}
