package org.parley.policy;

/** A person's place on a case team. */
public enum TeamRole {
    LEAD,
    MEMBER
}
