package org.parley.policy;

/**
 * How a viewer stands to one case; the first that applies wins (secrecy model, section 3). The order
 * of the constants is that precedence.
 */
public enum Relationship {
    /** On the case team, as lead or member. */
    MEMBER,
    /** Holds the secrecy-admin role in the owning organisation. */
    SECRECY_ADMIN,
    /** Belongs to an organisation holding an active, unexpired grant on the case. */
    GRANTEE,
    /** Belongs to the owning organisation, not on the team. */
    ORG_STAFF,
    /** Any other signed-in user. */
    OTHER,
    /** No token: the public register only. */
    ANONYMOUS
}
