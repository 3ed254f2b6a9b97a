package org.parley.policy;

/**
 * How a request to put someone on a case team may go (docs/secrecy-model.md §5): adding a member is a
 * loosening for that person, so only the lead adds at once; a secrecy admin who is not the lead files a
 * request a second admin approves.
 */
public enum TeamAddition {
    /** Takes effect at once: the lead adds someone, or a role changes for someone already on the team. */
    AT_ONCE,
    /** A loosening request that a different secrecy admin of the owning organisation must approve. */
    NEEDS_SECOND_ADMIN,
    /** Not for this viewer. */
    REFUSED
}
