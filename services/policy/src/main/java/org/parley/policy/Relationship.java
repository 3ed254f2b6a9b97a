package org.parley.policy;

/**
 * How a viewer stands to one case; the first that applies wins (docs/secrecy-model.md, section 3). The
 * constants are listed in that precedence, except {@link #ANONYMOUS}, which is tested first; what decides is
 * {@link SecrecyRules}' relationship precedence, which the Java and the SQL both read.
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
