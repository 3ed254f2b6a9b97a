package org.parley.access.api;

/** How a viewer stands to a case, in the policy library's order of precedence (its enum has the same names). */
public enum Relationship {
    MEMBER,
    SECRECY_ADMIN,
    GRANTEE,
    ORG_STAFF,
    OTHER,
    ANONYMOUS
}
